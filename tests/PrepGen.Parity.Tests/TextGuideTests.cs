using System.Globalization;
using System.Text;
using PrepGen.Adapt;
using PrepGen.Parity.Tests.Layers;
using PrepGen.Tests.Shared;

namespace PrepGen.Parity.Tests;

/// <summary>
/// The guide's TextVectorization examples (docs/keras-semantics.md, "The preprocessing guide's examples") through GENERATED layers: the adapter learns
/// the state from the guide's sentences and must write exactly the committed state files, and the layers compiled
/// from those files must print the guide's outputs.
/// </summary>
public sealed class TextGuideTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prepgen-textguide-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Brain_int_adapter_writes_the_committed_vocabulary_and_the_layer_gives_the_guide_ids()
    {
        var adapter = new TextVectorizationAdapter();
        adapter.Update(KerasGuide.Brain);
        AssertSavedEqualsCommitted(adapter, "brain-int.txt");
        Assert.Equal(new[] { "", "[UNK]" }, adapter.GetVocabulary().Take(2));

        // [[ 2 19 14  1  9  2  1]]
        var ids = new long[16];
        int count = TextGuideLayers.BrainInt(KerasGuide.Deeper, ids);
        Assert.Equal(7, count);
        Assert.Equal(new long[] { 2, 19, 14, 1, 9, 2, 1 }, ids[..count]);
    }

    [Fact]
    public void Brain_bigram_multi_hot_matches_the_guide()
    {
        var adapter = new TextVectorizationAdapter { OutputMode = OutputMode.MultiHot, Ngrams = 2 };
        adapter.Update(KerasGuide.Brain);
        AssertSavedEqualsCommitted(adapter, "brain-bigram.txt");
        Assert.Equal(41, adapter.GetVocabulary().Count);

        float[] expected = "1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 1 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 1 1 0 0 0"
            .Split(' ').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(41, expected.Length);
        var output = new float[41];
        TextGuideLayers.BrainBigramMultiHot(KerasGuide.Deeper, output);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void Brain_bigram_tf_idf_matches_the_guide()
    {
        var adapter = new TextVectorizationAdapter { OutputMode = OutputMode.TfIdf, Ngrams = 2 };
        adapter.Update(KerasGuide.Brain);
        string vocabulary = Path.Combine(_folder, "brain-bigram.txt");
        string idf = Path.Combine(_folder, "brain-bigram-idf.txt");
        adapter.Save(vocabulary, idf);
        Assert.Equal(File.ReadAllBytes(StateFiles.Path("brain-bigram.txt")), File.ReadAllBytes(vocabulary));
        Assert.Equal(File.ReadAllBytes(StateFiles.Path("brain-bigram-idf.txt")), File.ReadAllBytes(idf));

        // entry 0 = 5.461647, entry 1 = 1.6945957, entries 16, 17, 18, 28, 36, 37 = 1.0986123, all others 0.
        var expected = new double[41];
        expected[0] = 5.461647;
        expected[1] = 1.6945957;
        foreach (int i in new[] { 16, 17, 18, 28, 36, 37 })
        {
            expected[i] = 1.0986123;
        }

        var output = new float[41];
        TextGuideLayers.BrainBigramTfIdf(KerasGuide.Deeper.AsSpan(), output);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(output[i] - expected[i]) <= 1e-6, $"entry {i}: {output[i].ToString("R", CultureInfo.InvariantCulture)}, the guide prints {expected[i]}");
        }
    }

    [Fact]
    public void Greek_int_adapter_writes_the_committed_vocabulary_and_the_layer_gives_the_guide_matrix()
    {
        var adapter = new TextVectorizationAdapter();
        adapter.Update(KerasGuide.Greek);
        AssertSavedEqualsCommitted(adapter, "greek-int.txt");

        int width = KerasGuide.GreekIds[0].Length;
        var ids = new long[16];
        var rows = new List<long[]>();
        foreach (string line in KerasGuide.Greek)
        {
            int count = TextGuideLayers.GreekInt(Encoding.UTF8.GetBytes(line), ids);
            rows.Add(ids[..count]);
        }

        // Keras pads the batch to its longest row with 0.
        Assert.Equal(width, rows.Max(r => r.Length));
        for (int r = 0; r < rows.Count; r++)
        {
            Assert.Equal(KerasGuide.GreekIds[r], rows[r].Concat(Enumerable.Repeat(0L, width - rows[r].Length)).ToArray());
        }
    }

    private void AssertSavedEqualsCommitted(TextVectorizationAdapter adapter, string name)
    {
        string saved = Path.Combine(_folder, name);
        adapter.Save(saved);
        Assert.Equal(File.ReadAllText(StateFiles.Path(name)), File.ReadAllText(saved));
        Assert.Equal(File.ReadAllBytes(StateFiles.Path(name)), File.ReadAllBytes(saved));
    }
}
