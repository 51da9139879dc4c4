using System;
using System.Linq;
using System.Threading;
using PrepGen.Generator.Diagnostics;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Binding;

/// <summary>TextVectorization: the pipeline options (keras-semantics.md section 6), then its inner StringLookup.</summary>
internal static class TextBinder
{
    /// <summary>
    /// The widest n-gram PrepGen generates. Keras sets no bound, but every width is baked into the layer and
    /// tried on every document (Ngrams = 2*10^7 took minutes and 7 GB to compile); an n-gram of width w is at
    /// least 2w - 1 bytes of vocabulary token, so wider ones match only absurdly long tokens.
    /// </summary>
    internal const int MaxNgramWidth = 64;

    private const string WidthReason = " (every width is tried on every document; a wider n-gram matches no realistic vocabulary token)";

    public static LayerModel? Bind(BindContext context, LayerModel model, CancellationToken cancellationToken)
    {
        LayerOptions o = context.Options;
        Standardize standardize = o.Standardize ?? Standardize.LowerAndStripPunctuation;
        Split split = o.Split ?? Split.Whitespace;
        if (!Enum.IsDefined(typeof(Standardize), standardize))
        {
            context.Invalid("Standardize " + (int)standardize + " is not a defined Standardize value");
        }

        if (!Enum.IsDefined(typeof(Split), split))
        {
            context.Invalid("Split " + (int)split + " is not a defined Split value");
        }

        int[] widths = new[] { 1 };
        if (o.Ngrams is not null && o.NgramWidths is not null)
        {
            context.Report(Descriptors.ConflictingOptions, context.Subject, "Ngrams", "NgramWidths");
        }
        else if (o.Ngrams is { } n)
        {
            if (n < 0)
            {
                context.Invalid("Ngrams must be >= 0 (0 = no n-grams), not " + n);
            }
            else if (n > MaxNgramWidth)
            {
                context.Invalid("Ngrams = " + n + " is beyond the limit of " + MaxNgramWidth + WidthReason);
            }
            else if (n > 0)
            {
                widths = Enumerable.Range(1, n).ToArray();
            }
        }
        else if (o.NgramWidths is { } explicitWidths)
        {
            if (explicitWidths.Count == 0 || explicitWidths.Any(w => w <= 0 || w > int.MaxValue))
            {
                context.Invalid("NgramWidths must list one or more positive widths");
            }
            else if (explicitWidths.Count > MaxNgramWidth || explicitWidths.Any(w => w > MaxNgramWidth))
            {
                context.Invalid("NgramWidths must list at most " + MaxNgramWidth + " widths of at most " + MaxNgramWidth + WidthReason);
            }
            else
            {
                widths = explicitWidths.Select(w => (int)w).ToArray();
            }
        }

        int sequenceLength = o.OutputSequenceLength ?? 0;
        if (sequenceLength < 0)
        {
            context.Invalid("OutputSequenceLength must be > 0 (0 = unset), not " + sequenceLength);
        }
        else if (sequenceLength > 0 && model.Mode != OutputMode.Int)
        {
            context.Invalid("OutputSequenceLength must not be set when OutputMode is not Int");
        }
        else if (sequenceLength == 0 && model.Shape == CallShape.TextIndicesBatch)
        {
            context.Report(Descriptors.MissingOption, context.Subject,
                "the batch shape needs OutputSequenceLength: Keras pads a batch to its longest row, a fixed width is needed here");
        }

        if (model.Mode == OutputMode.OneHot && split != Split.None)
        {
            context.Invalid("OutputMode.OneHot encodes one token per document; with splitting Keras returns one row per token, use MultiHot or Count");
        }

        if (context.HasErrors)
        {
            return null;
        }

        var text = new TextOptions(standardize, split, new EquatableArray<int>(widths), sequenceLength);
        return LookupBinder.Bind(context, model with { Text = text }, cancellationToken);
    }
}
