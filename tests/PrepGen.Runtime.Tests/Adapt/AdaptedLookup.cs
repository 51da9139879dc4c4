using System.Globalization;
using System.Text.Json;
using PrepGen.Adapt;
using PrepGen.Text;

namespace PrepGen.Runtime.Tests.Adapt;

/// <summary>
/// Adapts the right adapter for a Keras vector and then plays the layer's call by hand (generated
/// encoders are not available here): index = position in get_vocabulary(), a miss goes to the OOV
/// slot, encodings per docs/keras-semantics.md, "Output encoding". Tokens are compared as strings (integers in decimal).
/// </summary>
internal sealed class AdaptedLookup
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    private AdaptedLookup(JsonElement vector)
    {
        Vector = vector;
        string layer = vector.GetProperty("layer").GetString()!;
        OutputMode = ParseMode(vector.Config("output_mode")?.GetString());
        int? maxTokens = vector.Config("max_tokens")?.GetInt32();
        int numOov = vector.Config("num_oov_indices")?.GetInt32() ?? 1;
        JsonElement? mask = vector.Config("mask_token");
        JsonElement? oov = vector.Config("oov_token");
        JsonElement adapt = vector.GetProperty("state").GetProperty("adapt");
        bool integers = layer == "IntegerLookup" || layer.Contains("IntegerLookup engine", StringComparison.Ordinal);

        if (layer == "TextVectorization")
        {
            var adapter = new TextVectorizationAdapter { MaxTokens = maxTokens, OutputMode = OutputMode };
            adapter.Update(adapt.EnumerateArray().Select(e => e.GetString()!));
            Vocabulary = adapter.GetVocabulary().ToList();
            Idf = OutputMode == OutputMode.TfIdf ? adapter.IdfWeights : null;
            Tokenize = text => TextTokenizer.Tokenize(text, PrepGen.Standardize.LowerAndStripPunctuation, PrepGen.Split.Whitespace, [1]);
            MaskToken = "";
            OovStart = OutputMode == OutputMode.Int ? 1 : 0;
        }
        else if (integers)
        {
            var adapter = new IntegerLookupAdapter
            {
                MaxTokens = maxTokens,
                NumOovIndices = numOov,
                MaskToken = mask is { ValueKind: JsonValueKind.Number } m ? m.GetInt64() : null,
                OovToken = oov?.GetInt64() ?? -1,
                OutputMode = OutputMode,
            };
            foreach (JsonElement document in adapt.EnumerateArray())
            {
                if (document.ValueKind == JsonValueKind.Array)
                {
                    adapter.UpdateDocument(document.EnumerateArray().Select(e => e.GetInt64()).ToArray());
                }
                else
                {
                    adapter.Update(document.GetInt64());
                }
            }

            Vocabulary = adapter.GetVocabulary().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList();
            Idf = OutputMode == OutputMode.TfIdf ? adapter.IdfWeights : null;
            MaskToken = adapter.MaskToken?.ToString(CultureInfo.InvariantCulture);
            OovStart = adapter.MaskToken is not null && OutputMode == OutputMode.Int ? 1 : 0;
        }
        else
        {
            var adapter = new StringLookupAdapter
            {
                MaxTokens = maxTokens,
                NumOovIndices = numOov,
                MaskToken = mask is { ValueKind: JsonValueKind.String } m ? m.GetString() : null,
                OovToken = oov?.GetString() ?? "[UNK]",
                OutputMode = OutputMode,
            };
            foreach (JsonElement document in adapt.EnumerateArray())
            {
                if (document.ValueKind == JsonValueKind.Array)
                {
                    adapter.UpdateDocument(document.EnumerateArray().Select(e => e.GetString()!).ToArray());
                }
                else
                {
                    adapter.Update(document.GetString()!);
                }
            }

            Vocabulary = adapter.GetVocabulary().ToList();
            Idf = OutputMode == OutputMode.TfIdf ? adapter.IdfWeights : null;
            MaskToken = adapter.MaskToken;
            OovStart = adapter.MaskToken is not null && OutputMode == OutputMode.Int ? 1 : 0;
        }

        for (int i = Vocabulary.Count - 1; i >= 0; i--)
        {
            _index[Vocabulary[i]] = i;
        }
    }

    public JsonElement Vector { get; }

    public OutputMode OutputMode { get; }

    public List<string> Vocabulary { get; }

    public IReadOnlyList<double>? Idf { get; }

    public string? MaskToken { get; }

    public int OovStart { get; }

    public Func<string, List<string>>? Tokenize { get; }

    public static AdaptedLookup From(JsonElement vector) => new(vector);

    public static OutputMode ParseMode(string? mode) => mode switch
    {
        null or "int" => OutputMode.Int,
        "one_hot" => OutputMode.OneHot,
        "multi_hot" => OutputMode.MultiHot,
        "count" => OutputMode.Count,
        "tf_idf" => OutputMode.TfIdf,
        _ => throw new ArgumentException(mode),
    };

    public static string Token(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? value.GetString()!
        : value.GetInt64().ToString(CultureInfo.InvariantCulture);

    /// <summary>Keras forward lookup with one OOV slot: mask -> 0 (int mode) or dropped (-1 here), miss -> oov_start.</summary>
    public int Lookup(string token)
    {
        if (MaskToken is not null && token == MaskToken)
        {
            return OutputMode == OutputMode.Int ? 0 : -1;
        }

        // The OOV token itself is not in Keras's table: it misses like any unknown value.
        return _index.TryGetValue(token, out int index) && index > OovStart ? index : OovStart;
    }

    /// <summary>count / multi_hot / tf_idf of one sample (bincount over the vocabulary depth).</summary>
    public float[] Encode(IEnumerable<string> sample)
    {
        var output = new float[Vocabulary.Count];
        foreach (string token in sample)
        {
            int index = Lookup(token);
            if (index < 0)
            {
                continue;
            }

            output[index] = OutputMode == OutputMode.MultiHot ? 1 : output[index] + 1;
        }

        if (OutputMode == OutputMode.TfIdf)
        {
            for (int i = 0; i < output.Length; i++)
            {
                output[i] *= (float)Idf![i];
            }
        }

        return output;
    }
}
