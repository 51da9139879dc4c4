using System;
using System.Linq;
using System.Threading;
using PrepGen.Generator.Diagnostics;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Binding;

/// <summary>The bind step's output: a model to emit, or the diagnostics that stop it (and the spec, for a stub).</summary>
internal sealed record BindResult(LayerModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, LayerSpec? Failed = null);

/// <summary>Joins a spec with its state files and applies every Keras rule (docs/keras-semantics.md).</summary>
internal static class LayerBinder
{
    public static BindResult Bind(BindInput input, CancellationToken cancellationToken)
    {
        LayerSpec spec = input.Spec;
        var context = new BindContext(spec, input.Location, input.Files);
        LayerModel? model = BindLayer(context, cancellationToken);

        return context.HasErrors || model is null
            ? new BindResult(null, context.Diagnostics.ToEquatableArray(), spec)
            : new BindResult(model, context.Diagnostics.ToEquatableArray());
    }

    private static LayerModel? BindLayer(BindContext context, CancellationToken cancellationToken)
    {
        LayerOptions options = context.Options;
        foreach (string invalid in options.Invalid)
        {
            context.Reject(Descriptors.UnsupportedOptionType, invalid);
        }

        CheckUtf8(context);

        OutputMode defaultMode = context.Spec.Kind == LayerKind.CategoryEncoding ? OutputMode.MultiHot : OutputMode.Int;
        OutputMode mode = options.OutputMode ?? defaultMode;
        if (!Enum.IsDefined(typeof(OutputMode), mode))
        {
            context.Reject(Descriptors.UndefinedEnumValue, "OutputMode", (int)mode, "OutputMode");
            return null;
        }

        if (!CheckModeAllowed(context, mode))
        {
            return null;
        }

        // Invert outside Int mode is a Keras error the lookup binder reports; match the mode's shapes meanwhile.
        var shapes = ShapeCatalog.For(context.Spec.Kind, mode, options.Invert && mode == OutputMode.Int);
        ShapeDefinition? shape = ShapeCatalog.Match(shapes, context.Spec.Method);
        if (shape is null)
        {
            string written = context.Spec.Method.ReturnDisplay + " " + context.Spec.Method.Name + "(" +
                string.Join(", ", context.Spec.Method.Parameters.Select(p => p.TypeDisplay.Replace("global::", "") + " " + p.Name)) + ")";
            // Normalization and Rescaling have no output mode: the message must not name one.
            string modeText = context.Spec.Kind is LayerKind.Normalization or LayerKind.Rescaling
                ? ""
                : " with OutputMode " + mode + (options.Invert ? " (Invert)" : "");
            context.Report(Descriptors.UnsupportedShape, context.Subject, modeText, written, string.Join("; ", shapes));
            return null;
        }

        var model = new LayerModel(context.Spec, shape.Shape, mode);
        return context.Spec.Kind switch
        {
            LayerKind.StringLookup or LayerKind.IntegerLookup => LookupBinder.Bind(context, model, cancellationToken),
            LayerKind.TextVectorization => TextBinder.Bind(context, model, cancellationToken),
            LayerKind.Hashing => HashingBinder.BindHashing(context, model),
            LayerKind.HashedCrossing => HashingBinder.BindCrossing(context, model),
            LayerKind.Normalization => NumericBinder.BindNormalization(context, model),
            LayerKind.Discretization => NumericBinder.BindDiscretization(context, model),
            LayerKind.Rescaling => NumericBinder.BindRescaling(context, model),
            _ => HashingBinder.BindCategoryEncoding(context, model),
        };
    }

    /// <summary>
    /// Keras compares tokens as UTF-8 bytes; a string with an unpaired surrogate has no UTF-8 form (Python
    /// cannot encode it) and .NET would write U+FFFD for it, so "\uD800" and "\uDC00" would be one key.
    /// </summary>
    private static void CheckUtf8(BindContext context)
    {
        LayerOptions o = context.Options;
        if (o.StringVocabulary is { } vocabulary)
        {
            for (int i = 0; i < vocabulary.Count; i++)
            {
                if (UnpairedSurrogate(vocabulary[i]) is { } at)
                {
                    context.Reject(Descriptors.UnpairedSurrogate, "Vocabulary entry " + i, ((int)vocabulary[i][at]).ToString("X4"), at);
                    return;
                }
            }
        }

        foreach ((string name, OptionalToken? token) in new[] { (o.MaskToken is { IsString: true } && context.Spec.Kind == LayerKind.Hashing ? "MaskValue" : "MaskToken", o.MaskToken), ("OovToken", o.OovToken) })
        {
            if (token?.Text is { } text && UnpairedSurrogate(text) is { } at)
            {
                context.Reject(Descriptors.UnpairedSurrogate, name, ((int)text[at]).ToString("X4"), at);
            }
        }
    }

    private static int? UnpairedSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }

    private static bool CheckModeAllowed(BindContext context, OutputMode mode)
    {
        OutputMode[] allowed = context.Spec.Kind switch
        {
            LayerKind.Hashing => new[] { OutputMode.Int, OutputMode.OneHot, OutputMode.MultiHot, OutputMode.Count },
            LayerKind.HashedCrossing => new[] { OutputMode.Int, OutputMode.OneHot },
            LayerKind.CategoryEncoding => new[] { OutputMode.OneHot, OutputMode.MultiHot, OutputMode.Count },
            LayerKind.Discretization => new[] { OutputMode.Int, OutputMode.OneHot, OutputMode.MultiHot, OutputMode.Count },
            LayerKind.Normalization or LayerKind.Rescaling => new[] { OutputMode.Int },
            _ => (OutputMode[])Enum.GetValues(typeof(OutputMode)),
        };
        if (Array.IndexOf(allowed, mode) >= 0)
        {
            return true;
        }

        context.Reject(Descriptors.OutputModeNotSupported, mode, string.Join(", ", allowed));
        return false;
    }

    /// <summary>Salt (s, s) or SaltPair (a, b): the SipHash key, or null for FarmHash.</summary>
    public static EquatableArray<long>? SaltKey(BindContext context)
    {
        LayerOptions options = context.Options;
        if (options.Salt is not null && options.SaltPair is not null)
        {
            context.Reject(Descriptors.ConflictingOptions, "Salt", "SaltPair");
            return null;
        }

        if (options.SaltPair is { } pair)
        {
            if (pair.Count != 2)
            {
                context.Reject(Descriptors.WrongValueCount, "SaltPair", pair.Count, "exactly 2 (the SipHash key)");
                return null;
            }

            return pair;
        }

        return options.Salt is { } salt ? new EquatableArray<long>(new[] { salt, salt }) : null;
    }
}
