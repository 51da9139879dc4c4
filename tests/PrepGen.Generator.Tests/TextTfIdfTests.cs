using System.Globalization;

namespace PrepGen.Generator.Tests;

/// <summary>
/// docs/keras-semantics.md, "Lookup: tf-idf": tf_idf = count(token in sample) x idf[index], in float32. The generated TfIdf layer
/// must equal the generated Count layer (pinned to Keras by the vectors) times the idf weights, for
/// documents with few distinct tokens and with more than the kernel's remembered-slot limit.
/// </summary>
public class TextTfIdfTests
{
    [Fact]
    public void TfIdf_is_count_times_idf_for_small_and_large_documents()
    {
        string[] tokens = Enumerable.Range(0, 600).Select(i => "t" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        double[] idf = Enumerable.Range(0, 600).Select(i => 0.5 + (i * 0.0137)).ToArray();
        string source = """
            using System;
            using PrepGen;
            namespace Demo;
            public static partial class E
            {
                [TextVectorization(VocabularyFile = "v.txt", OutputMode = OutputMode.TfIdf, IdfWeightsFile = "w.txt")]
                public static partial void TfIdf(string text, Span<float> output);

                [TextVectorization(VocabularyFile = "v.txt", OutputMode = OutputMode.Count)]
                public static partial void Count(string text, Span<float> output);

                public static float[] T(string s) { var o = new float[601]; TfIdf(s, o); return o; }

                public static float[] C(string s) { var o = new float[601]; Count(s, o); return o; }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(source,
            ("/p/v.txt", string.Join("\n", tokens) + "\n"),
            ("/p/w.txt", string.Join("\n", idf.Select(w => w.ToString("R", CultureInfo.InvariantCulture))) + "\n"));
        Assert.Empty(run.GeneratorDiagnostics);
        Type e = GeneratorHarness.Load(run).GetType("Demo.E")!;

        // Keras pads the front (the OOV slot) with the mean of the given weights.
        float[] weights = [(float)idf.Average(), .. idf.Select(w => (float)w)];
        var rng = new Random(5);
        string small = string.Join(" ", Enumerable.Range(0, 40).Select(_ => tokens[rng.Next(10)]).Append("unknown"));
        string large = string.Join(" ", tokens.Concat(tokens.Take(50)).Append("unknown").OrderBy(_ => rng.Next()));
        foreach (string document in new[] { small, large, "", "unknown unknown" })
        {
            float[] tfIdf = (float[])e.GetMethod("T")!.Invoke(null, [document])!;
            float[] counts = (float[])e.GetMethod("C")!.Invoke(null, [document])!;
            Assert.Equal(counts.Select((c, i) => c * weights[i]), tfIdf);
        }
    }
}
