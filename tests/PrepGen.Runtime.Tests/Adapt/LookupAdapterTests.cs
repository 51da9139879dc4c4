using PrepGen.Adapt;

namespace PrepGen.Runtime.Tests.Adapt;

/// <summary>Vocabulary construction rules of docs/keras-semantics.md, "Lookup: adapt" to "Lookup: defaults and limits", and "TextVectorization".</summary>
public class LookupAdapterTests
{
    [Fact]
    public void Ties_break_by_token_descending()
    {
        // docs/keras-semantics.md, "Lookup: adapt": ["wind","fire","earth","and"] each seen once give wind, fire, earth, and.
        var adapter = new StringLookupAdapter();
        foreach (string token in new[] { "and", "earth", "fire", "wind" })
        {
            adapter.Update(token);
        }

        Assert.Equal(["[UNK]", "wind", "fire", "earth", "and"], adapter.GetVocabulary());
    }

    [Fact]
    public void Strings_compare_as_utf8_bytes()
    {
        // U+FF21 (EF BC A1) sorts below U+1F600 (F0 9F 98 80) in UTF-8, above it in UTF-16.
        var adapter = new StringLookupAdapter();
        adapter.Update("\uFF21");
        adapter.Update("😀");
        adapter.Update("b");
        Assert.Equal(["[UNK]", "😀", "\uFF21", "b"], adapter.GetVocabulary());
    }

    [Fact]
    public void Mask_and_oov_are_never_learned_and_mask_has_a_slot_only_in_int_mode()
    {
        string[] values = ["x", "", "[UNK]", "x", "y", ""];
        var intMode = new StringLookupAdapter { MaskToken = "" };
        var multiHot = new StringLookupAdapter { MaskToken = "", OutputMode = OutputMode.MultiHot };
        foreach (string value in values)
        {
            intMode.Update(value);
            multiHot.Update(value);
        }

        Assert.Equal(["", "[UNK]", "x", "y"], intMode.GetVocabulary());
        Assert.Equal(["[UNK]", "x", "y"], multiHot.GetVocabulary());
    }

    [Fact]
    public void MaxTokens_counts_the_special_slots()
    {
        // docs/keras-semantics.md, "TextVectorization: lookup and output modes": count mode with max_tokens=3 learns 2 tokens.
        var count = new TextVectorizationAdapter { MaxTokens = 3, OutputMode = OutputMode.Count };
        count.Update(["a a a b b c", "d"]);
        Assert.Equal(["[UNK]", "a", "b"], count.GetVocabulary());

        var intMode = new TextVectorizationAdapter { MaxTokens = 3 };
        intMode.Update(["a a a b b c", "d"]);
        Assert.Equal(["", "[UNK]", "a"], intMode.GetVocabulary());

        var oov = new IntegerLookupAdapter { NumOovIndices = 2, MaxTokens = 4 };
        foreach (long v in new long[] { 5, 5, 6, 7 })
        {
            oov.Update(v);
        }

        Assert.Equal([-1L, -1, 5, 7], oov.GetVocabulary());
    }

    [Fact]
    public void Document_frequency_counts_a_token_once_per_document()
    {
        // idf = ln(1 + N / (1 + df)); docs/keras-semantics.md, "Lookup: tf-idf": earth with df=4 of N=10 gives 1.0986123.
        var adapter = new StringLookupAdapter { OutputMode = OutputMode.TfIdf };
        for (int i = 0; i < 10; i++)
        {
            adapter.UpdateDocument(i < 4 ? ["earth", "earth", "fire"] : ["fire"]);
        }

        IReadOnlyList<string> vocabulary = adapter.GetVocabulary();
        Assert.Equal(["[UNK]", "fire", "earth"], vocabulary);
        Assert.Equal(1.0986123f, (float)adapter.IdfWeights[2]);
        Assert.Equal(10, adapter.DocumentCount);
    }

    [Fact]
    public void Idf_weights_exist_only_in_tf_idf_mode()
    {
        var adapter = new StringLookupAdapter();
        adapter.Update("a");
        Assert.Throws<InvalidOperationException>(() => adapter.IdfWeights);
    }

    [Fact]
    public void Invalid_options_are_refused_as_keras_does()
    {
        var adapter = new StringLookupAdapter { MaxTokens = 1 };
        adapter.Update("a");
        Assert.Throws<ArgumentException>(() => adapter.GetVocabulary());
        var ngrams = new TextVectorizationAdapter { Ngrams = 2, NgramWidths = [1, 2] };
        Assert.Throws<ArgumentException>(() => ngrams.Update("a b"));
    }

    [Fact]
    public void Vocabulary_follows_later_updates()
    {
        var adapter = new StringLookupAdapter();
        adapter.Update("a");
        Assert.Equal(["[UNK]", "a"], adapter.GetVocabulary());
        adapter.Update("b");
        adapter.Update("b");
        Assert.Equal(["[UNK]", "b", "a"], adapter.GetVocabulary());
    }
}
