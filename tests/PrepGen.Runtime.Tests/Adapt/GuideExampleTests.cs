using PrepGen.Adapt;
using PrepGen.Tests.Shared;
using PrepGen.Text;

namespace PrepGen.Runtime.Tests.Adapt;

/// <summary>The adapt() examples of the Keras guide (docs/keras-semantics.md, "The preprocessing guide's examples") and their printed outputs.</summary>
public class GuideExampleTests
{
    [Fact]
    public void StringLookup_one_hot_adapted_on_abc()
    {
        var adapter = new StringLookupAdapter { OutputMode = OutputMode.OneHot };
        foreach (string value in new[] { "a", "b", "c", "b", "c", "a" })
        {
            adapter.Update(value);
        }

        IReadOnlyList<string> vocabulary = adapter.GetVocabulary();
        float[][] expected = [[0, 0, 0, 1], [0, 0, 1, 0], [0, 1, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]];
        string[] inputs = ["a", "b", "c", "d", "e", ""];
        for (int i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(expected[i], OneHot(vocabulary, inputs[i], 0));
        }
    }

    [Fact]
    public void IntegerLookup_one_hot_adapted_on_tens()
    {
        var adapter = new IntegerLookupAdapter { OutputMode = OutputMode.OneHot };
        foreach (long value in new long[] { 10, 20, 20, 10, 30, 0 })
        {
            adapter.Update(value);
        }

        var vocabulary = adapter.GetVocabulary().Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        float[][] expected = [[0, 0, 1, 0, 0], [0, 0, 1, 0, 0], [0, 1, 0, 0, 0], [1, 0, 0, 0, 0], [1, 0, 0, 0, 0], [0, 0, 0, 0, 1]];
        long[] inputs = [10, 10, 20, 50, 60, 0];
        for (int i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(expected[i], OneHot(vocabulary, inputs[i].ToString(System.Globalization.CultureInfo.InvariantCulture), 0));
        }
    }

    [Fact]
    public void TextVectorization_int_on_the_brain_sentences()
    {
        var adapter = new TextVectorizationAdapter();
        adapter.Update(KerasGuide.Brain);
        Assert.Equal([2L, 19, 14, 1, 9, 2, 1], Ids(adapter.GetVocabulary(), KerasGuide.Deeper, 0));
    }

    [Fact]
    public void TextVectorization_multi_hot_bigrams_on_the_brain_sentences()
    {
        var adapter = new TextVectorizationAdapter { OutputMode = OutputMode.MultiHot, Ngrams = 2 };
        adapter.Update(KerasGuide.Brain);
        IReadOnlyList<string> vocabulary = adapter.GetVocabulary();
        Assert.Equal(41, vocabulary.Count);

        float[] expected = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0];
        var actual = new float[vocabulary.Count];
        foreach (long id in Ids(vocabulary, KerasGuide.Deeper, 2))
        {
            actual[id] = 1;
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TextVectorization_tf_idf_bigrams_on_the_brain_sentences()
    {
        var adapter = new TextVectorizationAdapter { OutputMode = OutputMode.TfIdf, Ngrams = 2 };
        adapter.Update(KerasGuide.Brain);
        IReadOnlyList<string> vocabulary = adapter.GetVocabulary();
        IReadOnlyList<double> idf = adapter.IdfWeights;
        Assert.Equal(vocabulary.Count, idf.Count);

        var actual = new float[vocabulary.Count];
        foreach (long id in Ids(vocabulary, KerasGuide.Deeper, 2))
        {
            actual[id] += 1;
        }

        for (int i = 0; i < actual.Length; i++)
        {
            actual[i] *= (float)idf[i];
        }

        var expected = new float[vocabulary.Count];
        expected[0] = 5.461647f;
        expected[1] = 1.6945957f;
        foreach (int i in new[] { 16, 17, 18, 28, 36, 37 })
        {
            expected[i] = 1.0986123f;
        }

        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-6, $"entry {i}: expected {expected[i]}, got {actual[i]}");
        }
    }

    [Fact]
    public void TextVectorization_int_on_the_odyssey_lines()
    {
        var adapter = new TextVectorizationAdapter();
        adapter.Update(KerasGuide.Greek);
        IReadOnlyList<string> vocabulary = adapter.GetVocabulary();
        int width = KerasGuide.Greek.Max(line => Ids(vocabulary, line, 0).Count);
        Assert.Equal(KerasGuide.GreekIds[0].Length, width);
        for (int r = 0; r < KerasGuide.Greek.Length; r++)
        {
            List<long> ids = Ids(vocabulary, KerasGuide.Greek[r], 0);
            ids.AddRange(Enumerable.Repeat(0L, width - ids.Count));
            Assert.Equal(KerasGuide.GreekIds[r], ids);
        }
    }

    // Int-mode TextVectorization call by hand: "" -> 0, a miss -> 1 ("[UNK]"), else the position.
    private static List<long> Ids(IReadOnlyList<string> vocabulary, string text, int ngrams)
    {
        bool intMode = vocabulary.Count > 1 && vocabulary[0].Length == 0 && vocabulary[1] == "[UNK]";
        int oov = intMode ? 1 : 0;
        var ids = new List<long>();
        foreach (string token in TextTokenizer.Tokenize(text, Standardize.LowerAndStripPunctuation, Split.Whitespace, TextTokenizer.NgramWidths(ngrams, null)))
        {
            int index = IndexOf(vocabulary, token, oov + 1);
            ids.Add(index >= 0 ? index : oov);
        }

        return ids;
    }

    private static float[] OneHot(IReadOnlyList<string> vocabulary, string token, int oov)
    {
        var row = new float[vocabulary.Count];
        int index = IndexOf(vocabulary, token, oov + 1);
        row[index >= 0 ? index : oov] = 1;
        return row;
    }

    private static int IndexOf(IReadOnlyList<string> vocabulary, string token, int from)
    {
        for (int i = from; i < vocabulary.Count; i++)
        {
            if (vocabulary[i] == token)
            {
                return i;
            }
        }

        return -1;
    }
}
