using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using PrepGen.Adapt;

namespace PrepGen.Generator.Tests;

/// <summary>
/// The keras-vectors.json lookup vectors whose state comes from adapt(), end to end: PrepGen.Adapt learns
/// the vocabulary (and idf weights) from the vector's adapt data and saves the state files, the generator
/// compiles a layer from those files, and the generated layer gives Keras's expected output.
/// </summary>
public class AdaptEndToEndTests
{
    private static readonly JsonElement[] Vectors = LoadVectors();

    public static TheoryData<string> AdaptedLookupVectors()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement v in Vectors.Where(v => IsLookup(v) && HasAdaptState(v)))
        {
            data.Add(v.GetProperty("id").GetString()!);
        }

        return data;
    }

    [Fact]
    public void Every_adapted_lookup_vector_is_covered()
    {
        Assert.Equal(10, AdaptedLookupVectors().Count);
    }

    [Theory]
    [MemberData(nameof(AdaptedLookupVectors))]
    public void Adapted_state_through_a_generated_layer_matches_Keras(string id)
    {
        JsonElement vector = Vectors.Single(v => v.GetProperty("id").GetString() == id);
        JsonElement config = vector.GetProperty("config");
        bool strings = vector.GetProperty("layer").GetString()!.Contains("String", StringComparison.Ordinal);
        string mode = config.TryGetProperty("output_mode", out JsonElement m) ? m.GetString()! : "int";

        // 1. adapt() and save the state files, as a user would with PrepGen.Adapt or the prepgen tool.
        string dir = Directory.CreateTempSubdirectory("prepgen-adapt-").FullName;
        string vocabFile = Path.Combine(dir, "v.txt");
        string idfFile = Path.Combine(dir, "w.txt");
        Adapt(vector, config, strings, mode, vocabFile, idfFile);

        // 2. Generate a layer from those files.
        string type = strings ? "string" : "long";
        string options = AttributeOptions(config, mode);
        string source = $$"""
            using System;
            using PrepGen;
            namespace Demo;
            public static partial class E
            {
                [{{(strings ? "StringLookup" : "IntegerLookup")}}(VocabularyFile = "v.txt"{{options}})]
                public static partial {{Shape(mode, type)}};

                public static long[] Indices({{type}}[] values) => {{(mode == "int" ? "values.Select(v => L(v)).ToArray()" : "throw new NotSupportedException()")}};

                public static float[] Sample({{type}}[] values, int depth) { var o = new float[depth]; {{(mode is "one_hot" or "int" ? "" : "L(values, o);")}} return o; }

                public static float[] OneHot({{type}} value, int depth) { var o = new float[depth]; {{(mode == "one_hot" ? "L(value, o);" : "")}} return o; }
            }
            """.Replace("using System;", "using System;\nusing System.Linq;");
        GeneratorRun run = GeneratorHarness.Run(source,
            ("/p/v.txt", File.ReadAllText(vocabFile)),
            ("/p/w.txt", File.Exists(idfFile) ? File.ReadAllText(idfFile) : ""));
        Assert.Empty(run.GeneratorDiagnostics);
        Type e = GeneratorHarness.Load(run).GetType("Demo.E")!;
        Directory.Delete(dir, recursive: true);

        // 3. Call it on the vector's input, with Keras's shapes: int is element-wise, one_hot is a batch of
        //    scalars, multi_hot/count/tf_idf take one sample per rank-1 row.
        JsonElement input = vector.GetProperty("input");
        JsonElement expected = vector.GetProperty("expected");
        bool batched = input[0].ValueKind == JsonValueKind.Array;
        JsonElement[] rows = batched ? input.EnumerateArray().ToArray() : [input];
        JsonElement[] expectedRows = batched || mode == "one_hot" ? expected.EnumerateArray().ToArray() : [expected];
        for (int r = 0; r < rows.Length; r++)
        {
            object values = strings ? rows[r].EnumerateArray().Select(x => x.GetString()!).ToArray() : rows[r].EnumerateArray().Select(x => x.GetInt64()).ToArray();
            switch (mode)
            {
                case "int":
                    Assert.Equal(expectedRows[r].EnumerateArray().Select(x => x.GetInt64()), (long[])Invoke(e, "Indices", values));
                    break;
                case "one_hot":
                    object[] scalars = strings ? ((string[])values).Cast<object>().ToArray() : ((long[])values).Cast<object>().ToArray();
                    for (int i = 0; i < scalars.Length; i++)
                    {
                        AssertFloats(expectedRows[i], (float[])Invoke(e, "OneHot", scalars[i], expectedRows[i].GetArrayLength()));
                    }

                    break;
                default:
                    AssertFloats(expectedRows[r], (float[])Invoke(e, "Sample", values, expectedRows[r].GetArrayLength()));
                    break;
            }
        }
    }

    [Fact]
    public void Guide_StringLookup_and_IntegerLookup_one_hot_end_to_end()
    {
        // docs/keras-semantics.md, "The preprocessing guide's examples": StringLookup adapted on a, b, c, b, c, a, called on a, b, c, d, e, "" (index 0 is OOV);
        // IntegerLookup adapted on 10, 20, 20, 10, 30, 0, called on 10, 10, 20, 50, 60, 0.
        var letters = new StringLookupAdapter { OutputMode = OutputMode.OneHot };
        foreach (string v in new[] { "a", "b", "c", "b", "c", "a" })
        {
            letters.Update(v);
        }

        var numbers = new IntegerLookupAdapter { OutputMode = OutputMode.OneHot };
        foreach (long v in new long[] { 10, 20, 20, 10, 30, 0 })
        {
            numbers.Update(v);
        }

        string dir = Directory.CreateTempSubdirectory("prepgen-guide-").FullName;
        letters.Save(Path.Combine(dir, "letters.txt"));
        numbers.Save(Path.Combine(dir, "numbers.txt"));
        GeneratorRun run = GeneratorHarness.Run("""
            using System;
            using PrepGen;
            namespace Demo;
            public static partial class E
            {
                [StringLookup(VocabularyFile = "letters.txt", OutputMode = OutputMode.OneHot)]
                public static partial void Letter(string value, Span<float> output);

                [IntegerLookup(VocabularyFile = "numbers.txt", OutputMode = OutputMode.OneHot)]
                public static partial void Number(long value, Span<float> output);

                public static float[] L(string v) { var o = new float[4]; Letter(v, o); return o; }

                public static float[] N(long v) { var o = new float[5]; Number(v, o); return o; }
            }
            """,
            ("/p/letters.txt", File.ReadAllText(Path.Combine(dir, "letters.txt"))),
            ("/p/numbers.txt", File.ReadAllText(Path.Combine(dir, "numbers.txt"))));
        Directory.Delete(dir, recursive: true);
        Assert.Empty(run.GeneratorDiagnostics);
        Type e = GeneratorHarness.Load(run).GetType("Demo.E")!;

        float[][] expectedLetters = [[0, 0, 0, 1], [0, 0, 1, 0], [0, 1, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]];
        string[] letterInputs = ["a", "b", "c", "d", "e", ""];
        for (int i = 0; i < letterInputs.Length; i++)
        {
            Assert.Equal(expectedLetters[i], (float[])Invoke(e, "L", letterInputs[i]));
        }

        float[][] expectedNumbers = [[0, 0, 1, 0, 0], [0, 0, 1, 0, 0], [0, 1, 0, 0, 0], [1, 0, 0, 0, 0], [1, 0, 0, 0, 0], [0, 0, 0, 0, 1]];
        long[] numberInputs = [10, 10, 20, 50, 60, 0];
        for (int i = 0; i < numberInputs.Length; i++)
        {
            Assert.Equal(expectedNumbers[i], (float[])Invoke(e, "N", numberInputs[i]));
        }
    }

    private static void Adapt(JsonElement vector, JsonElement config, bool strings, string mode, string vocabFile, string idfFile)
    {
        JsonElement data = vector.GetProperty("state").GetProperty("adapt");
        int? maxTokens = config.TryGetProperty("max_tokens", out JsonElement mt) ? mt.GetInt32() : null;
        int numOov = config.TryGetProperty("num_oov_indices", out JsonElement no) ? no.GetInt32() : 1;
        OutputMode outputMode = ParseMode(mode);
        string? idf = mode == "tf_idf" ? idfFile : null;

        // A rank-1 adapt list is one document per element; a rank-2 list is one document per row (docs/keras-semantics.md, "Lookup: adapt").
        IEnumerable<JsonElement> documents = data.EnumerateArray();
        if (strings)
        {
            var adapter = new StringLookupAdapter
            {
                MaxTokens = maxTokens,
                NumOovIndices = numOov,
                MaskToken = config.TryGetProperty("mask_token", out JsonElement mask) ? mask.GetString() : null,
                OovToken = config.TryGetProperty("oov_token", out JsonElement oov) ? oov.GetString()! : "[UNK]",
                OutputMode = outputMode,
            };
            foreach (JsonElement doc in documents)
            {
                if (doc.ValueKind == JsonValueKind.Array)
                {
                    adapter.UpdateDocument(doc.EnumerateArray().Select(x => x.GetString()!).ToArray());
                }
                else
                {
                    adapter.Update(doc.GetString()!);
                }
            }

            adapter.Save(vocabFile, idf);
        }
        else
        {
            var adapter = new IntegerLookupAdapter
            {
                MaxTokens = maxTokens,
                NumOovIndices = numOov,
                MaskToken = config.TryGetProperty("mask_token", out JsonElement mask) ? mask.GetInt64() : null,
                OovToken = config.TryGetProperty("oov_token", out JsonElement oov) ? oov.GetInt64() : -1,
                OutputMode = outputMode,
            };
            foreach (JsonElement doc in documents)
            {
                if (doc.ValueKind == JsonValueKind.Array)
                {
                    adapter.UpdateDocument(doc.EnumerateArray().Select(x => x.GetInt64()).ToArray());
                }
                else
                {
                    adapter.Update(doc.GetInt64());
                }
            }

            adapter.Save(vocabFile, idf);
        }
    }

    private static string AttributeOptions(JsonElement config, string mode)
    {
        var options = new StringBuilder();
        if (config.TryGetProperty("max_tokens", out JsonElement mt))
        {
            options.Append(", MaxTokens = ").Append(mt.GetInt32());
        }

        if (config.TryGetProperty("num_oov_indices", out JsonElement no))
        {
            options.Append(", NumOovIndices = ").Append(no.GetInt32());
        }

        foreach ((string key, string name) in new[] { ("mask_token", "MaskToken"), ("oov_token", "OovToken") })
        {
            if (config.TryGetProperty(key, out JsonElement token))
            {
                options.Append(", ").Append(name).Append(" = ").Append(token.ValueKind == JsonValueKind.String
                    ? "\"" + token.GetString() + "\""
                    : token.GetInt64().ToString(CultureInfo.InvariantCulture) + (name == "OovToken" ? "L" : ""));
            }
        }

        options.Append(", OutputMode = OutputMode.").Append(ParseMode(mode));
        if (mode == "tf_idf")
        {
            options.Append(", IdfWeightsFile = \"w.txt\"");
        }

        return options.ToString();
    }

    private static string Shape(string mode, string type) => mode switch
    {
        "int" => $"long L({type} value)",
        "one_hot" => $"void L({type} value, Span<float> output)",
        _ => $"void L(ReadOnlySpan<{type}> values, Span<float> output)",
    };

    private static OutputMode ParseMode(string mode) => mode switch
    {
        "int" => OutputMode.Int,
        "one_hot" => OutputMode.OneHot,
        "multi_hot" => OutputMode.MultiHot,
        "count" => OutputMode.Count,
        "tf_idf" => OutputMode.TfIdf,
        _ => throw new ArgumentException(mode),
    };

    private static object Invoke(Type type, string method, params object[] arguments) =>
        type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    private static void AssertFloats(JsonElement expected, float[] actual)
    {
        double[] want = expected.EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(want.Length, actual.Length);
        for (int i = 0; i < want.Length; i++)
        {
            Assert.True(Math.Abs(want[i] - actual[i]) <= 1e-6 * Math.Max(1, Math.Abs(want[i])), $"element {i}: expected {want[i]}, got {actual[i]}");
        }
    }

    private static bool IsLookup(JsonElement v) => v.GetProperty("layer").GetString() is { } layer
        && (layer is "StringLookup" or "IntegerLookup" || layer.StartsWith("IndexLookup", StringComparison.Ordinal));

    private static bool HasAdaptState(JsonElement v) =>
        v.GetProperty("state") is { ValueKind: JsonValueKind.Object } state && state.TryGetProperty("adapt", out _);

    private static JsonElement[] LoadVectors()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "keras-vectors.json")));
        return document.RootElement.EnumerateArray().Select(v => v.Clone()).ToArray();
    }
}
