using System;
using System.Collections.Generic;
using System.Linq;
using PrepGen.Generator.Diagnostics;
using PrepGen.Generator.Model;
using PrepGen.Generator.State;
using PrepGen.Schema;

namespace PrepGen.Generator.Binding;

/// <summary>
/// Normalization, Discretization and Rescaling (docs/keras-semantics.md, "Normalization" to "Rescaling"): the state from the
/// attribute or from a stats.json entry (docs/state-files.md), validated and turned into the float32
/// constants Keras computes with.
/// </summary>
internal static class NumericBinder
{
    /// <summary><c>keras.config.epsilon()</c> (1e-7) as the float32 Keras compares with.</summary>
    public const float Epsilon = 1e-7f;

    public static LayerModel? BindNormalization(BindContext context, LayerModel model)
    {
        LayerOptions options = context.Options;
        bool inline = options.Mean is not null || options.Variance is not null;
        if (!CheckSource(context, inline, "Mean/Variance", "Mean and Variance"))
        {
            return null;
        }

        double[] mean;
        double[] variance;
        string source;
        string about = context.Subject;
        if (inline)
        {
            if (options.Mean is null || options.Variance is null)
            {
                context.Reject(Descriptors.OptionRequiresOption, options.Mean is null ? "Variance" : "Mean",
                    (options.Mean is null ? "Mean" : "Variance") + " (Keras needs both or neither)");
                return null;
            }

            mean = options.Mean.Value.ToArray();
            variance = options.Variance.Value.ToArray();
            source = "Mean/Variance";
        }
        else
        {
            StatsEntry? entry = ReadEntry(context, StatsSchema.Normalization);
            double[]? m = entry is null ? null : Numbers(context, entry, StatsSchema.Mean);
            double[]? v = entry is null ? null : Numbers(context, entry, StatsSchema.Variance);
            if (entry is null || m is null || v is null)
            {
                return null;
            }

            mean = m;
            variance = v;
            source = entry.Describe();
            about = context.Subject + " from " + source;
        }

        if (mean.Length == 0)
        {
            context.Report(Descriptors.WrongValueCount, about, "Mean", 0, "at least one");
            return null;
        }

        if (mean.Length != variance.Length)
        {
            context.Report(Descriptors.WrongValueCount, about, "Variance", variance.Length, "as many as Mean (" + mean.Length + "; Keras needs the same shape)");
            return null;
        }

        var mean32 = new float[mean.Length];
        var denominator = new float[mean.Length];
        for (int i = 0; i < mean.Length; i++)
        {
            mean32[i] = (float)mean[i];
            float variance32 = (float)variance[i];
            if (!IsFinite(mean32[i]))
            {
                context.Report(Descriptors.NotFiniteFloat32, about, "Mean[" + i + "]", Show(mean[i]));
            }

            if (!IsFinite(variance32))
            {
                context.Report(Descriptors.NotFiniteFloat32, about, "Variance[" + i + "]", Show(variance[i]));
            }
            else if (variance[i] < 0)
            {
                context.Report(Descriptors.NegativeVariance, about, "Variance[" + i + "]", Show(variance[i]));
            }

            // Keras: max(sqrt(variance), epsilon), all in float32. The double square root of a float32,
            // rounded to float32, is the correctly rounded float32 square root.
            float root = (float)Math.Sqrt(variance32);
            denominator[i] = root < Epsilon ? Epsilon : root;
        }

        if (context.HasErrors)
        {
            return null;
        }

        return model with
        {
            Depth = mean.Length,
            Numeric = new NumericState(source)
            {
                Mean = new EquatableArray<float>(mean32),
                Denominator = new EquatableArray<float>(denominator),
                Invert = options.Invert,
            },
        };
    }

    public static LayerModel? BindDiscretization(BindContext context, LayerModel model)
    {
        LayerOptions options = context.Options;
        bool inline = options.BinBoundaries is not null;
        if (!CheckSource(context, inline, "BinBoundaries", "BinBoundaries"))
        {
            return null;
        }

        double[] boundaries;
        string source;
        string about = context.Subject;
        if (inline)
        {
            boundaries = options.BinBoundaries!.Value.ToArray();
            source = "BinBoundaries";
        }
        else
        {
            StatsEntry? entry = ReadEntry(context, StatsSchema.Discretization);
            double[]? b = entry is null ? null : Numbers(context, entry, StatsSchema.BinBoundaries);
            if (entry is null || b is null)
            {
                return null;
            }

            boundaries = b;
            source = entry.Describe();
            about = context.Subject + " from " + source;
        }

        // TensorFlow Bucketize keeps the boundaries as float32 and requires them sorted (std::is_sorted).
        var boundaries32 = new float[boundaries.Length];
        for (int i = 0; i < boundaries.Length; i++)
        {
            boundaries32[i] = (float)boundaries[i];
            if (double.IsNaN(boundaries[i]))
            {
                context.Report(Descriptors.UnsortedBinBoundaries, about, "[" + i + "] is NaN");
                return null;
            }

            if (i > 0 && boundaries32[i] < boundaries32[i - 1])
            {
                context.Report(Descriptors.UnsortedBinBoundaries, about,
                    "[" + (i - 1) + "] = " + Show(boundaries[i - 1]) + " > [" + i + "] = " + Show(boundaries[i]));
                return null;
            }
        }

        return model with
        {
            Depth = boundaries.Length + 1,
            Numeric = new NumericState(source) { Boundaries = new EquatableArray<float>(boundaries32) },
        };
    }

    public static LayerModel? BindRescaling(BindContext context, LayerModel model)
    {
        LayerOptions options = context.Options;
        if (options.Scale is not { } scale)
        {
            context.Reject(Descriptors.MissingOption, "Scale (e.g. Scale = 1.0 / 255)");
            return null;
        }

        double offset = options.Offset ?? 0;
        float scale32 = (float)scale;
        float offset32 = (float)offset;
        if (!IsFinite(scale32))
        {
            context.Reject(Descriptors.NotFiniteFloat32, "Scale", Show(scale));
        }

        if (!IsFinite(offset32))
        {
            context.Reject(Descriptors.NotFiniteFloat32, "Offset", Show(offset));
        }

        return context.HasErrors
            ? null
            : model with { Numeric = new NumericState("Scale/Offset") { Scale = scale32, Offset = offset32 } };
    }

    /// <summary>Exactly one source of state: the inline values or StatsFile with StatsKey.</summary>
    private static bool CheckSource(BindContext context, bool inline, string inlineName, string required)
    {
        LayerOptions options = context.Options;
        if (inline && options.StatsFile is not null)
        {
            context.Reject(Descriptors.ConflictingOptions, inlineName, "StatsFile");
            return false;
        }

        if (inline && options.StatsKey is not null)
        {
            context.Reject(Descriptors.ConflictingOptions, inlineName, "StatsKey");
            return false;
        }

        if (!inline && options.StatsFile is null)
        {
            if (options.StatsKey is not null)
            {
                context.Reject(Descriptors.OptionRequiresOption, "StatsKey", "StatsFile");
            }
            else
            {
                context.Reject(Descriptors.MissingOption, "The state (" + required + ", or StatsFile with StatsKey: adapt with PrepGen.Adapt or `prepgen adapt` to write a stats file)");
            }

            return false;
        }

        if (!inline && string.IsNullOrEmpty(options.StatsKey))
        {
            context.Reject(Descriptors.OptionRequiresOption, "StatsFile", "StatsKey (the entry under \"features\")");
            return false;
        }

        return true;
    }

    private sealed class StatsEntry
    {
        public StatsEntry(StateFile file, string requested, string key, JsonNode node)
        {
            File = file;
            Requested = requested;
            Key = key;
            Node = node;
        }

        public StateFile File { get; }

        public string Requested { get; }

        public string Key { get; }

        public JsonNode Node { get; }

        public string Describe() => "StatsFile '" + Requested + "' key \"" + Key + "\"";
    }

    /// <summary>Finds the stats file, checks its layout and format, and returns the entry for StatsKey of the expected kind.</summary>
    private static StatsEntry? ReadEntry(BindContext context, string kind)
    {
        string requested = context.Options.StatsFile!;
        string key = context.Options.StatsKey!;
        StateFile? file = context.FindFile("StatsFile", requested);
        if (file is null)
        {
            return null;
        }

        JsonParseResult json = file.Json;
        if (json.Root is not { } root)
        {
            Malformed(context, file, json.ErrorLine, "not valid JSON: " + json.Error);
            return null;
        }

        if (StatsSchema.CheckDocument(root, out JsonNode features) is { } document)
        {
            Malformed(context, file, document.Line, document.Message);
            return null;
        }

        JsonNode? entry = features.Member(key);
        if (entry is null)
        {
            context.Reject(Descriptors.StatsKeyNotFound, requested, key, StatsSchema.ListKeys(features));
            return null;
        }

        if (StatsSchema.CheckKind(entry, key, out JsonNode kindNode) is { } malformed)
        {
            Malformed(context, file, malformed.Line, malformed.Message);
            return null;
        }

        if (kindNode.String != kind)
        {
            context.Reject(Descriptors.StatsKindMismatch, requested, kindNode.Line, key, "\"" + kindNode.String + "\"", kind);
            return null;
        }

        return new StatsEntry(file, requested, key, entry);
    }

    private static double[]? Numbers(BindContext context, StatsEntry entry, string name)
    {
        if (StatsSchema.Numbers(entry.Node, entry.Key, name, out double[] values) is { } problem)
        {
            Malformed(context, entry.File, problem.Line, problem.Message);
            return null;
        }

        return values;
    }

    private static void Malformed(BindContext context, StateFile file, int line, string why) =>
        context.Report(Descriptors.MalformedLine, "StatsFile", file.Path, line, why);

    private static bool IsFinite(float value) => !float.IsNaN(value) && !float.IsInfinity(value);

    private static string Show(double value) => value.ToString("R");
}
