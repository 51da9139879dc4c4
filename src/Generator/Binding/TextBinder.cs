using System;
using System.Linq;
using System.Threading;
using PrepGen.Generator.Diagnostics;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Binding;

/// <summary>TextVectorization: the pipeline options (docs/keras-semantics.md, "TextVectorization"), then its inner StringLookup.</summary>
internal static class TextBinder
{
    /// <summary>
    /// The widest n-gram PrepGen generates. Keras sets no bound, but every width is baked into the layer and
    /// tried on every document (Ngrams = 2*10^7 took minutes and 7 GB to compile); an n-gram of width w is at
    /// least 2w - 1 bytes of vocabulary token, so wider ones match only absurdly long tokens.
    /// </summary>
    internal const int MaxNgramWidth = 64;

    public static LayerModel? Bind(BindContext context, LayerModel model, CancellationToken cancellationToken)
    {
        LayerOptions o = context.Options;
        Standardize standardize = o.Standardize ?? Standardize.LowerAndStripPunctuation;
        Split split = o.Split ?? Split.Whitespace;
        if (!Enum.IsDefined(typeof(Standardize), standardize))
        {
            context.Reject(Descriptors.UndefinedEnumValue, "Standardize", (int)standardize, "Standardize");
        }

        if (!Enum.IsDefined(typeof(Split), split))
        {
            context.Reject(Descriptors.UndefinedEnumValue, "Split", (int)split, "Split");
        }

        int[] widths = new[] { 1 };
        if (o.Ngrams is not null && o.NgramWidths is not null)
        {
            context.Reject(Descriptors.ConflictingOptions, "Ngrams", "NgramWidths");
        }
        else if (o.Ngrams is { } n)
        {
            if (n < 0)
            {
                context.Reject(Descriptors.OptionOutOfRange, "Ngrams", ">= 0 (0 = no n-grams)", n);
            }
            else if (n > MaxNgramWidth)
            {
                context.Reject(Descriptors.NgramLimit, "Ngrams = " + n, MaxNgramWidth);
            }
            else if (n > 0)
            {
                widths = Enumerable.Range(1, n).ToArray();
            }
        }
        else if (o.NgramWidths is { } explicitWidths)
        {
            if (explicitWidths.Count == 0)
            {
                context.Reject(Descriptors.WrongValueCount, "NgramWidths", 0, "at least one width");
            }
            else if (explicitWidths.Any(w => w <= 0))
            {
                context.Reject(Descriptors.OptionOutOfRange, "every NgramWidths entry", "greater than 0", explicitWidths.First(w => w <= 0));
            }
            else if (explicitWidths.Count > MaxNgramWidth)
            {
                context.Reject(Descriptors.NgramLimit, "NgramWidths with " + explicitWidths.Count + " widths", MaxNgramWidth + " widths");
            }
            else if (explicitWidths.Any(w => w > MaxNgramWidth))
            {
                context.Reject(Descriptors.NgramLimit, "NgramWidths width " + explicitWidths.First(w => w > MaxNgramWidth), MaxNgramWidth);
            }
            else
            {
                widths = explicitWidths.Select(w => (int)w).ToArray();
            }
        }

        int sequenceLength = o.OutputSequenceLength ?? 0;
        if (sequenceLength < 0)
        {
            context.Reject(Descriptors.OptionOutOfRange, "OutputSequenceLength", "> 0 (0 = unset)", sequenceLength);
        }
        else if (sequenceLength > 0 && model.Mode != OutputMode.Int)
        {
            context.Reject(Descriptors.OptionNotForOutputMode, "OutputSequenceLength", model.Mode, "it pads or truncates the ids of OutputMode.Int");
        }
        else if (sequenceLength == 0 && model.Shape == CallShape.TextIndicesBatch)
        {
            context.Reject(Descriptors.OptionRequiresOption, "The batch shape",
                "OutputSequenceLength (Keras pads a batch to its longest row; a fixed width is needed here)");
        }

        if (model.Mode == OutputMode.OneHot && split != Split.None)
        {
            context.Reject(Descriptors.OptionNotForOutputMode, "Split = Split." + split, model.Mode,
                "OneHot encodes one token per document, and with splitting Keras returns one row per token: use Split.None, MultiHot or Count");
        }

        if (context.HasErrors)
        {
            return null;
        }

        var text = new TextOptions(standardize, split, new EquatableArray<int>(widths), sequenceLength);
        return LookupBinder.Bind(context, model with { Text = text }, cancellationToken);
    }
}
