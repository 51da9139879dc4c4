using PrepGen.Adapt;
using PrepGen.Tests.Shared;

namespace PrepGen.Runtime.Tests.Adapt;

public class LookupMergeTests
{
    [Fact]
    public void TextVectorization_merge_equals_one_pass_including_idf()
    {
        var whole = new TextVectorizationAdapter { OutputMode = OutputMode.TfIdf, Ngrams = 2 };
        whole.Update(KerasGuide.Brain);
        var left = new TextVectorizationAdapter { OutputMode = OutputMode.TfIdf, Ngrams = 2 };
        var right = new TextVectorizationAdapter { OutputMode = OutputMode.TfIdf, Ngrams = 2 };
        left.Update(KerasGuide.Brain.Take(1));
        right.Update(KerasGuide.Brain.Skip(1));
        left.Merge(right);

        Assert.Equal(whole.DocumentCount, left.DocumentCount);
        Assert.Equal(whole.GetVocabulary(), left.GetVocabulary());
        Assert.Equal(whole.IdfWeights, left.IdfWeights);

        // Updates after a merge still count each token once per document.
        whole.Update("the the sky");
        left.Update("the the sky");
        Assert.Equal(whole.IdfWeights, left.IdfWeights);
    }

    [Fact]
    public void StringLookup_merge_equals_one_pass()
    {
        string[][] documents = [["one", "one"], ["one", "two"], ["two", "three"], ["four"]];
        var whole = new StringLookupAdapter { OutputMode = OutputMode.TfIdf, MaskToken = "" };
        var left = new StringLookupAdapter { OutputMode = OutputMode.TfIdf, MaskToken = "" };
        var right = new StringLookupAdapter { OutputMode = OutputMode.TfIdf, MaskToken = "" };
        for (int i = 0; i < documents.Length; i++)
        {
            whole.UpdateDocument(documents[i]);
            (i % 2 == 0 ? left : right).UpdateDocument(documents[i]);
        }

        left.Merge(right);
        Assert.Equal(whole.GetVocabulary(), left.GetVocabulary());
        Assert.Equal(whole.IdfWeights, left.IdfWeights);
    }

    [Fact]
    public void IntegerLookup_merge_equals_one_pass()
    {
        long[] values = [1, 1, 1, 2, 2, 3, 7, 7, -1, 0];
        var whole = new IntegerLookupAdapter { MaskToken = 0 };
        var left = new IntegerLookupAdapter { MaskToken = 0 };
        var right = new IntegerLookupAdapter { MaskToken = 0 };
        for (int i = 0; i < values.Length; i++)
        {
            whole.Update(values[i]);
            (i < 4 ? left : right).Update(values[i]);
        }

        left.Merge(right);
        Assert.Equal(whole.GetVocabulary(), left.GetVocabulary());
    }

    [Fact]
    public void Merging_adapters_with_other_options_is_refused()
    {
        var a = new StringLookupAdapter();
        Assert.Throws<ArgumentException>(() => a.Merge(new StringLookupAdapter { OutputMode = OutputMode.TfIdf }));
        Assert.Throws<ArgumentException>(() => a.Merge(new StringLookupAdapter { MaskToken = "" }));
        Assert.Throws<ArgumentException>(() => a.Merge(a));
        var t = new TextVectorizationAdapter();
        Assert.Throws<ArgumentException>(() => t.Merge(new TextVectorizationAdapter { Ngrams = 2 }));
        Assert.Throws<ArgumentException>(() => t.Merge(new TextVectorizationAdapter { Split = Split.Character }));
    }
}
