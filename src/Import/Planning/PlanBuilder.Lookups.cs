using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using PrepGen.Import.Graph;

namespace PrepGen.Import.Planning;

/// <summary>StringLookup, IntegerLookup and TextVectorization: vocabularies and their index layout.</summary>
internal sealed partial class PlanBuilder
{
    private Tensor Lookup(LayerNode layer, StateLocation location, Tensor input)
    {
        bool strings = layer.ClassName == "StringLookup";
        JsonElement config = layer.Config;
        if (Json.Bool(config, "invert"))
        {
            throw Refuse(layer, "invert=True maps indices back to tokens; PrepGen imports the forward lookup a model's input goes through.");
        }

        if (strings && Json.String(config, "encoding") is { } encoding && !encoding.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw Refuse(layer, $"encoding '{encoding}': PrepGen looks tokens up as UTF-8.");
        }

        string mode = Json.String(config, "output_mode") ?? "int";
        int numOov = (int)(Json.Long(config, "num_oov_indices") ?? 1);
        string? mask = Token(Json.Get(config, "mask_token"));
        string oov = Token(Json.Get(config, "oov_token")) ?? (strings ? "[UNK]" : "-1");
        VocabularyLayout layout = ReadVocabulary(layer, location, mask, oov, numOov, mode);
        if (!strings)
        {
            CheckIntegers(layer, layout.Tokens);
        }

        string stem = Stem(input, layer);
        var options = new List<AttributeOption> { new("VocabularyFile", Identifiers.Literal(Files.Vocabulary(stem, layout.Tokens, Origin(layer)))) };
        if (numOov != 1)
        {
            options.Add(new("NumOovIndices", Int(numOov)));
        }

        if (mask is not null)
        {
            options.Add(new("MaskToken", strings ? Identifiers.Literal(mask) : mask + "L"));
        }

        if (oov != (strings ? "[UNK]" : "-1"))
        {
            options.Add(new("OovToken", strings ? Identifiers.Literal(oov) : oov + "L"));
        }

        int width = layout.Depth;
        if (mode != "int" && Json.Bool(config, "pad_to_max_tokens") && Json.Long(config, "max_tokens") is { } maxTokens)
        {
            options.Add(new("MaxTokens", Int((int)maxTokens)));
            options.Add(new("PadToMaxTokens", "true"));
            width = (int)maxTokens;
        }

        AddIdf(layer, location, options, mode, stem, layout);
        return Categorical(layer, input, mode, options, layout.Depth, width, oneHotFusable: mask is null && width == layout.Depth, stem);
    }

    private Tensor Text(LayerNode layer, StateLocation location, Tensor input)
    {
        JsonElement config = layer.Config;
        if (Json.Bool(config, "ragged"))
        {
            throw Refuse(layer, "ragged=True returns a ragged tensor; a record row has a fixed width. Save the model with output_sequence_length set.");
        }

        string standardize = Json.Get(config, "standardize") switch
        {
            null => "None",
            { ValueKind: JsonValueKind.String } s => s.GetString() switch
            {
                "lower_and_strip_punctuation" => "LowerAndStripPunctuation",
                "lower" => "Lower",
                "strip_punctuation" => "StripPunctuation",
                var other => throw Refuse(layer, $"standardize='{other}' is a custom function; PrepGen compiles Keras's built-in standardizations only (lower_and_strip_punctuation, lower, strip_punctuation, None)."),
            },
            _ => throw Refuse(layer, "standardize is a custom callable; PrepGen compiles Keras's built-in standardizations only."),
        };
        string split = Json.Get(config, "split") switch
        {
            null => "None",
            { ValueKind: JsonValueKind.String } s => s.GetString() switch
            {
                "whitespace" => "Whitespace",
                "character" => "Character",
                var other => throw Refuse(layer, $"split='{other}' is a custom function; PrepGen compiles Keras's built-in splits only (whitespace, character, None)."),
            },
            _ => throw Refuse(layer, "split is a custom callable; PrepGen compiles Keras's built-in splits only."),
        };
        string mode = Json.String(config, "output_mode") ?? "int";
        VocabularyLayout layout = ReadVocabulary(layer, location, mask: "", oov: "[UNK]", numOov: 1, mode);
        Scalar text = SingleScalar(layer, input, ValueKind.String);
        string stem = text.Label;
        var options = new List<AttributeOption> { new("VocabularyFile", Identifiers.Literal(Files.Vocabulary(stem, layout.Tokens, Origin(layer)))) };
        if (standardize != "LowerAndStripPunctuation")
        {
            options.Add(new("Standardize", "Standardize." + standardize));
        }

        if (split != "Whitespace")
        {
            options.Add(new("Split", "Split." + split));
        }

        switch (Json.Get(config, "ngrams"))
        {
            case { ValueKind: JsonValueKind.Number } n when n.GetInt32() > 1:
                options.Add(new("Ngrams", Int(n.GetInt32())));
                break;
            case { ValueKind: JsonValueKind.Array } widths:
                options.Add(new("NgramWidths", "new[] { " + string.Join(", ", widths.EnumerateArray().Select(w => Int(w.GetInt32()))) + " }"));
                break;
        }

        if (mode == "int")
        {
            int length = (int)(Json.Long(config, "output_sequence_length")
                ?? throw Refuse(layer, "output_mode='int' without output_sequence_length gives one id per token, so rows differ in width; a record row needs a fixed width. Set output_sequence_length and save the model again."));
            options.Add(new("OutputSequenceLength", Int(length)));
            return Block(Member(Use(layer, options, [text], layout.Depth, false, stem), mode: null, width: length, integer: true));
        }

        int width = layout.Depth;
        if (Json.Bool(config, "pad_to_max_tokens") && Json.Long(config, "max_tokens") is { } maxTokens)
        {
            options.Add(new("MaxTokens", Int((int)maxTokens)));
            options.Add(new("PadToMaxTokens", "true"));
            width = (int)maxTokens;
        }

        AddIdf(layer, location, options, mode, stem, layout);
        return Block(Member(Use(layer, options, [text], layout.Depth, false, stem), Mode(layer, mode), width, integer: false));
    }

    /// <summary>A vocabulary's real tokens and the size of the index space (special slots included).</summary>
    private sealed record VocabularyLayout(List<string> Tokens, int Depth, int TokenStart);

    /// <summary>
    /// The vocabulary as the layer holds it after loading: Keras's <c>set_vocabulary</c> strips a leading
    /// run of special tokens (the mask in int mode, then the OOV token NumOovIndices times) when the list
    /// starts with exactly them, and refuses repeated tokens. The size is checked against the config's
    /// <c>vocabulary_size</c>, which Keras wrote from the same state.
    /// </summary>
    private VocabularyLayout ReadVocabulary(LayerNode layer, StateLocation location, string? mask, string oov, int numOov, string mode)
    {
        State.CheckStoredName(layer, location);
        List<string> vocabulary = State.Vocabulary(layer, location);
        int oovStart = mask is not null && mode == "int" ? 1 : 0;
        int tokenStart = oovStart + numOov;
        var special = Enumerable.Repeat(mask ?? "", oovStart).Concat(Enumerable.Repeat(oov, numOov)).ToList();
        List<string> tokens = vocabulary.Count >= tokenStart && vocabulary.Take(tokenStart).SequenceEqual(special)
            ? vocabulary.Skip(tokenStart).ToList()
            : vocabulary;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!seen.TryAdd(tokens[i], i))
            {
                throw Refuse(layer, $"its vocabulary repeats the token \"{tokens[i]}\" (entries {seen[tokens[i]] + 1} and {i + 1}); Keras refuses such a vocabulary too.");
            }
        }

        if (mask is not null && seen.ContainsKey(mask))
        {
            throw Refuse(layer, $"its vocabulary holds the mask token \"{mask}\" as an ordinary token.");
        }

        int depth = tokens.Count + tokenStart;
        if (Json.Long(layer.Config, "vocabulary_size") is { } saved && saved != depth)
        {
            throw Refuse(layer, $"its vocabulary gives {depth} indices ({tokens.Count} tokens + {tokenStart} special) but the configuration says vocabulary_size={saved}; the saved state is inconsistent.");
        }

        return new VocabularyLayout(tokens, depth, tokenStart);
    }

    private void AddIdf(LayerNode layer, StateLocation location, List<AttributeOption> options, string mode, string stem, VocabularyLayout layout)
    {
        if (mode != "tf_idf")
        {
            return;
        }

        double[] idf = Json.Get(layer.Config, "idf_weights") is { ValueKind: JsonValueKind.Array } inline
            ? inline.EnumerateArray().Select(e => e.GetDouble()).ToArray()
            : State.Variable(location, "idf_weights", "idf_weights")?.Values
              ?? throw Refuse(layer, "output_mode='tf_idf' but the file holds no idf weights.");
        if (idf.Length != layout.Depth && idf.Length != layout.Tokens.Count)
        {
            throw Refuse(layer, $"it has {idf.Length} idf weights for {layout.Depth} indices.");
        }

        double[] real = idf.Length == layout.Depth ? idf[layout.TokenStart..] : idf;

        // PrepGen's idf file holds real tokens; the OOV weight is their mean, as Keras's adapt pads it.
        if (idf.Length == layout.Depth && layout.TokenStart > 0 && real.Length > 0)
        {
            float mean = (float)real.Average();
            float stored = (float)idf[layout.TokenStart - 1];
            if (Math.Abs(stored - mean) > 1e-6 * Math.Max(1, Math.Abs(mean)))
            {
                throw Refuse(layer, $"its OOV idf weight is {stored.ToString("R", CultureInfo.InvariantCulture)}, not the mean of the token weights ({mean.ToString("R", CultureInfo.InvariantCulture)}) that adapt() gives; PrepGen's idf file cannot express another OOV weight.");
            }
        }

        options.Add(new("IdfWeightsFile", Identifiers.Literal(Files.IdfWeights(stem, real))));
    }

    private static void CheckIntegers(LayerNode layer, List<string> tokens)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!long.TryParse(tokens[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                throw Refuse(layer, $"vocabulary entry {i + 1} (\"{tokens[i]}\") is not an integer.");
            }
        }
    }

    /// <summary>A special token from the config: a string, a number (IntegerLookup), or null.</summary>
    private static string? Token(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetInt64().ToString(CultureInfo.InvariantCulture),
        { } other => other.GetRawText(),
    };
}
