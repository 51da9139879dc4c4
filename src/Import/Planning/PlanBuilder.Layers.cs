using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using PrepGen.Import.Graph;
using PrepGen.Schema;

namespace PrepGen.Import.Planning;

/// <summary>The layer translators: each turns one Keras layer applied to symbolic tensors into pieces.</summary>
internal sealed partial class PlanBuilder
{
    /// <summary>Layers that are the identity at inference (Keras skips them unless training=True).</summary>
    private static readonly HashSet<string> InferenceIdentity = new(StringComparer.Ordinal)
    {
        "Identity", "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "GaussianDropout",
        "GaussianNoise", "AlphaDropout", "ActivityRegularization",
    };

    /// <summary>Applies one layer to its input tensors.</summary>
    public Tensor Apply(LayerNode layer, StateLocation location, IReadOnlyList<Tensor> inputs)
    {
        if (Json.Bool(layer.Config, "sparse"))
        {
            throw Refuse(layer, "sparse=True returns a sparse tensor; PrepGen writes dense rows. Save the model with sparse=False.");
        }

        return layer.ClassName switch
        {
            "StringLookup" or "IntegerLookup" => Lookup(layer, location, One(layer, inputs)),
            "TextVectorization" => Text(layer, location, One(layer, inputs)),
            "Hashing" => Hashing(layer, One(layer, inputs)),
            "HashedCrossing" => Crossing(layer, inputs),
            "CategoryEncoding" => CategoryEncoding(layer, inputs),
            "Discretization" => Discretization(layer, location, One(layer, inputs)),
            "Normalization" => Normalization(layer, location, One(layer, inputs)),
            "Rescaling" => Rescaling(layer, One(layer, inputs)),
            "Concatenate" => Concatenate(layer, inputs, Json.Ints(layer.Config, "axis")?.FirstOrDefault() ?? -1),
            "TFOpLambda" or "SlicingOpLambda" => TensorFlowOp(layer, inputs),
            "Activation" when Json.String(layer.Config, "activation") == "linear" => One(layer, inputs),
            _ when InferenceIdentity.Contains(layer.ClassName) => One(layer, inputs),
            "Lambda" => throw Refuse(layer, "a Lambda layer runs arbitrary Python code, which PrepGen cannot compile. Replace it with Keras preprocessing layers and save again."),
            _ => throw Refuse(layer, "PrepGen does not know this layer class on the preprocessing path (the layers before the first trainable layer). It compiles StringLookup, IntegerLookup, TextVectorization, Hashing, HashedCrossing, CategoryEncoding, Normalization, Discretization and Rescaling, joined by Concatenate."),
        };
    }

    private Tensor Hashing(LayerNode layer, Tensor input)
    {
        JsonElement config = layer.Config;
        int bins = (int)(Json.Long(config, "num_bins") ?? throw Refuse(layer, "num_bins is missing."));
        var options = new List<AttributeOption> { new("NumBins", Int(bins)) };
        JsonElement? mask = Json.Get(config, "mask_value");
        if (mask is { } m)
        {
            options.Add(new("MaskValue", m.ValueKind == JsonValueKind.String ? Identifiers.Literal(m.GetString()!) : m.GetInt64().ToString(CultureInfo.InvariantCulture) + "L"));
        }

        switch (Json.Get(config, "salt"))
        {
            case { ValueKind: JsonValueKind.Number } salt:
                options.Add(new("Salt", salt.GetInt64().ToString(CultureInfo.InvariantCulture) + "L"));
                break;
            case { ValueKind: JsonValueKind.Array } pair when pair.GetArrayLength() == 2:
                options.Add(new("SaltPair", "new[] { " + string.Join(", ", pair.EnumerateArray().Select(v => v.GetInt64().ToString(CultureInfo.InvariantCulture) + "L")) + " }"));
                break;
            case { } other:
                throw Refuse(layer, $"salt={other.GetRawText()}: Keras takes one integer or a pair.");
        }

        string mode = Json.String(config, "output_mode") ?? "int";
        return Categorical(layer, input, mode, options, bins, bins, oneHotFusable: mask is null, Stem(input, layer), ValueKind.String, ValueKind.Long);
    }

    private Tensor Crossing(LayerNode layer, IReadOnlyList<Tensor> inputs)
    {
        int bins = (int)(Json.Long(layer.Config, "num_bins") ?? throw Refuse(layer, "num_bins is missing."));
        if (inputs.Count < 2)
        {
            throw Refuse(layer, "HashedCrossing needs at least two inputs.");
        }

        Scalar[] items = inputs.Select(t => SingleScalar(layer, t, ValueKind.String, ValueKind.Long)).ToArray();
        string stem = string.Join("X", items.Select(i => i.Label));
        string mode = Json.String(layer.Config, "output_mode") ?? "int";
        LayerUse use = Use(layer, [new("NumBins", Int(bins))], items, bins, oneHotFusable: true, stem);
        return mode switch
        {
            "int" => new Tensor([new IndexPiece(use)]),
            "one_hot" => Block(Member(use, "OneHot", bins, integer: false)),
            _ => throw Refuse(layer, $"output_mode='{mode}': HashedCrossing has int and one_hot."),
        };
    }

    private Tensor CategoryEncoding(LayerNode layer, IReadOnlyList<Tensor> inputs)
    {
        if (inputs.Count != 1)
        {
            throw Refuse(layer, "count_weights are not supported: PrepGen imports CategoryEncoding of one input.");
        }

        Tensor input = inputs[0];
        int tokens = (int)(Json.Long(layer.Config, "num_tokens") ?? throw Refuse(layer, "num_tokens is missing."));
        string mode = Json.String(layer.Config, "output_mode") ?? "multi_hot";
        if (mode is not ("one_hot" or "multi_hot" or "count"))
        {
            throw Refuse(layer, $"output_mode='{mode}' is not a CategoryEncoding mode.");
        }

        if (input.WholeArray is { } array && input.Width > 1)
        {
            if (mode == "one_hot")
            {
                throw Refuse(layer, "one_hot over several values per row gives a rank-3 tensor; PrepGen writes rows.");
            }

            return Block(ArrayMember(array.Property, array, "CategoryEncoding", [new("NumTokens", Int(tokens)), new("OutputMode", "OutputMode." + Mode(layer, mode))], tokens, Origin(layer)));
        }

        if (input.Pieces.Count != 1 || input.Width != 1)
        {
            throw Refuse(layer, $"its input has {input.Width} values per row; PrepGen imports CategoryEncoding of one integer per row (or of an array input).");
        }

        // One value per row: one_hot, multi_hot and count give the same vector. An Int-mode layer whose
        // indices are exactly 0..num_tokens-1 fuses: the layer in OneHot mode is the same function.
        if (input.Pieces[0] is IndexPiece { Layer: { OneHotFusable: true } use } && use.Depth == tokens)
        {
            return Block(Member(use, "OneHot", tokens, integer: false,
                $"{use.Origin} + {Origin(layer)} {mode}, fused (one index per row: the same vector as the first layer's one_hot)"));
        }

        Scalar value = SingleScalar(layer, input, ValueKind.Long);
        return Block(ScalarMember(value.Label + "Encoded", value, "CategoryEncoding",
            [new("NumTokens", Int(tokens)), new("OutputMode", "OutputMode.OneHot")], tokens, integer: false, Origin(layer)));
    }

    private Tensor Discretization(LayerNode layer, StateLocation location, Tensor input)
    {
        JsonElement config = layer.Config;
        double[] boundaries;
        if (Json.Get(config, "bin_boundaries") is { ValueKind: JsonValueKind.Array } list)
        {
            boundaries = list.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        }
        else
        {
            // tf.keras 2.x keeps the adapted quantile summary and computes the boundaries when it loads.
            int bins = (int)(Json.Long(config, "num_bins") ?? throw Refuse(layer, "neither bin_boundaries nor num_bins is set."));
            (double[] values, ulong[] shape) = State.Variable(location, "0", "summary")
                ?? throw Refuse(layer, "bin_boundaries is null and the file holds no adapted summary (vars/0).");
            if (shape.Length != 2 || shape[0] != 2)
            {
                throw Refuse(layer, $"its summary has shape ({string.Join(", ", shape)}); Keras's is (2, n).");
            }

            int n = (int)shape[1];
            float[] summaryValues = values[..n].Select(x => (float)x).ToArray();
            float[] summaryWeights = values[n..].Select(x => (float)x).ToArray();
            boundaries = new PrepGen.Adapt.QuantileSummary(summaryValues, summaryWeights).BinBoundaries(bins);
        }

        string stem = Stem(input, layer);
        string key = Files.Stats(Names.Take(stem + "Bins"), new JsonObject
        {
            [StatsSchema.KindMember] = StatsSchema.Discretization,
            [StatsSchema.BinBoundaries] = StateSink.Numbers(boundaries, Origin(layer), StatsSchema.BinBoundaries),
        });
        var options = new List<AttributeOption> { new("StatsFile", Identifiers.Literal(Files.StatsPath)), new("StatsKey", Identifiers.Literal(key)) };
        string mode = Json.String(config, "output_mode") ?? "int";
        return Categorical(layer, input, mode, options, boundaries.Length + 1, boundaries.Length + 1, oneHotFusable: true, stem, ValueKind.Float);
    }

    private Tensor Normalization(LayerNode layer, StateLocation location, Tensor input)
    {
        JsonElement config = layer.Config;
        double[] mean, variance;
        if (Json.Get(config, "mean") is { } m && Json.Get(config, "variance") is { } v)
        {
            mean = Flatten(m);
            variance = Flatten(v);
        }
        else
        {
            State.CheckStoredName(layer, location);
            mean = State.Variable(location, "0", "mean")?.Values ?? throw Refuse(layer, "the file holds no adapted mean (vars/0).");
            variance = State.Variable(location, "1", "variance")?.Values ?? throw Refuse(layer, "the file holds no adapted variance (vars/1).");
        }

        if (mean.Length != variance.Length || (mean.Length != 1 && mean.Length != input.Width))
        {
            throw Refuse(layer, $"it has {mean.Length} means and {variance.Length} variances for {input.Width} features per row.");
        }

        bool invert = Json.Bool(config, "invert");
        var pieces = new List<Piece>();
        for (int i = 0; i < input.Pieces.Count; i++)
        {
            Scalar x = Float(layer, input.Pieces[i]);
            int k = mean.Length == 1 ? 0 : i;
            string name = Names.Take(x.Label + (invert ? "Denormalized" : "Normalized"));
            Files.Stats(name, new JsonObject
            {
                [StatsSchema.KindMember] = StatsSchema.Normalization,
                [StatsSchema.Mean] = StateSink.Numbers([mean[k]], Origin(layer), StatsSchema.Mean),
                [StatsSchema.Variance] = StateSink.Numbers([variance[k]], Origin(layer), StatsSchema.Variance),
            });
            var options = new List<AttributeOption> { new("StatsFile", Identifiers.Literal(Files.StatsPath)), new("StatsKey", Identifiers.Literal(name)) };
            if (invert)
            {
                options.Add(new("Invert", "true"));
            }

            pieces.Add(new BlockPiece(new MemberPlan(name, "float", x.Code, "Normalization", options, 1, false, Origin(layer))));
        }

        return new Tensor(pieces);
    }

    private Tensor Rescaling(LayerNode layer, Tensor input)
    {
        double scale = Json.Double(layer.Config, "scale") ?? throw Refuse(layer, "scale must be one number (a per-channel list is for images).");
        double offset = Json.Double(layer.Config, "offset") ?? 0;
        var pieces = new List<Piece>();
        foreach (Piece piece in input.Pieces)
        {
            Scalar x = Float(layer, piece);
            var options = new List<AttributeOption> { new("Scale", Json.Number(scale)) };
            if (offset != 0)
            {
                options.Add(new("Offset", Json.Number(offset)));
            }

            pieces.Add(new BlockPiece(ScalarMember(x.Label + "Rescaled", x, "Rescaling", options, 1, integer: false, Origin(layer))));
        }

        return new Tensor(pieces);
    }

    /// <summary>
    /// The outputs of a categorical layer: Int mode leaves an index (placed later: a member, or a method
    /// that a CategoryEncoding or a cross consumes); one-hot style modes of one value per row are the
    /// layer in OneHot mode; multi-hot, count and tf-idf of an array input are a sample member.
    /// </summary>
    private Tensor Categorical(LayerNode layer, Tensor input, string mode, List<AttributeOption> options, int depth, int width, bool oneHotFusable, string stem, params ValueKind[] kinds)
    {
        string csMode = Mode(layer, mode);
        if (input.WholeArray is { } array && input.Width > 1)
        {
            if (mode == "int")
            {
                return new Tensor(input.Pieces.Select(p => (Piece)new IndexPiece(Use(layer, options, [AsScalar(p)!], depth, oneHotFusable, stem))).ToList());
            }

            if (mode == "one_hot")
            {
                throw Refuse(layer, "one_hot over several values per row gives a rank-3 tensor; PrepGen writes rows. Use multi_hot or count.");
            }

            return Block(ArrayMember(stem, array, layer.ClassName, [.. options, new("OutputMode", "OutputMode." + csMode)], width, Origin(layer)));
        }

        Scalar value = SingleScalar(layer, input, kinds.Length == 0 ? [ValueKind.String, ValueKind.Long] : kinds);
        LayerUse use = Use(layer, options, [value], depth, oneHotFusable, stem);
        return mode switch
        {
            "int" => new Tensor([new IndexPiece(use)]),
            "one_hot" => Block(Member(use, "OneHot", width, integer: false)),
            "multi_hot" or "count" when oneHotFusable => Block(Member(use, "OneHot", width, integer: false)),
            "multi_hot" or "count" => throw Refuse(layer, $"output_mode='{mode}' of one value with a mask token: PrepGen imports it in int or one_hot mode only."),
            "tf_idf" => throw Refuse(layer, "output_mode='tf_idf' of one value per row: PrepGen imports tf-idf over text or array inputs."),
            _ => throw Refuse(layer, $"output_mode='{mode}' is not a Keras output mode."),
        };
    }

    private static double[] Flatten(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => [value.GetDouble()],
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Flatten).ToArray(),
        _ => throw new KerasImportException($"expected numbers, found {value.GetRawText()}."),
    };
}
