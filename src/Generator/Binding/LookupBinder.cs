using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PrepGen.Generator.Diagnostics;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Binding;

/// <summary>StringLookup and IntegerLookup: the Keras IndexLookup rules (docs/keras-semantics.md, "Lookup layers").</summary>
internal static class LookupBinder
{
    public static LayerModel? Bind(BindContext context, LayerModel model, CancellationToken cancellationToken)
    {
        LayerOptions o = context.Options;
        bool strings = context.Spec.Kind != LayerKind.IntegerLookup;
        bool text = context.Spec.Kind == LayerKind.TextVectorization;

        // TextVectorization's inner StringLookup is fixed: mask "", OOV "[UNK]", one OOV index.
        int numOov = text ? 1 : o.NumOovIndices ?? 1;
        if (numOov < 0)
        {
            context.Reject(Descriptors.OptionOutOfRange, "NumOovIndices", ">= 0", numOov);
        }

        // MaxTokens = 0 is the attribute's "unset"; Keras rejects max_tokens <= 1.
        int? maxTokens = o.MaxTokens is null or 0 ? null : o.MaxTokens;
        if (maxTokens is <= 1)
        {
            context.Reject(Descriptors.OptionOutOfRange, "MaxTokens", "greater than 1 (it counts the mask and OOV slots)", maxTokens);
        }

        if (o.PadToMaxTokens && maxTokens is null)
        {
            context.Reject(Descriptors.OptionRequiresOption, "PadToMaxTokens", "MaxTokens");
        }

        if (o.Invert && model.Mode != OutputMode.Int)
        {
            context.Reject(Descriptors.OptionNotForOutputMode, "Invert", model.Mode, "it needs OutputMode.Int");
        }

        OptionalToken? mask = text ? new OptionalToken("", null) : o.MaskToken;
        OptionalToken oov = o.OovToken ?? (strings ? new OptionalToken("[UNK]", null) : new OptionalToken(null, -1));
        if (mask is not null && mask.IsString != strings)
        {
            context.Reject(Descriptors.TokenTypeMismatch, "MaskToken", mask, strings ? "a string" : "an integer");
        }

        if (oov.IsString != strings)
        {
            context.Reject(Descriptors.TokenTypeMismatch, "OovToken", oov, strings ? "a string" : "an integer");
        }

        EquatableArray<long>? salt = LayerBinder.SaltKey(context);
        OovMethod oovMethod = o.OovMethod ?? OovMethod.FloorMod;
        if (!Enum.IsDefined(typeof(OovMethod), oovMethod))
        {
            context.Reject(Descriptors.UndefinedEnumValue, "OovMethod", (int)oovMethod, "OovMethod");
        }
        else if (!strings && salt is not null && oovMethod != OovMethod.FarmHash)
        {
            context.Reject(Descriptors.OptionRequiresOption, "Salt or SaltPair on IntegerLookup", "OovMethod = OovMethod.FarmHash");
        }

        bool tfIdf = model.Mode == OutputMode.TfIdf;
        bool hasIdf = o.IdfWeights is not null || o.IdfWeightsFile is not null;
        if (o.IdfWeights is not null && o.IdfWeightsFile is not null)
        {
            context.Reject(Descriptors.ConflictingOptions, "IdfWeights", "IdfWeightsFile");
        }
        else if (tfIdf && !hasIdf)
        {
            context.Reject(Descriptors.OptionRequiresOption, "OutputMode.TfIdf", "IdfWeights or IdfWeightsFile");
        }
        else if (!tfIdf && hasIdf)
        {
            context.Reject(Descriptors.OptionNotForOutputMode, o.IdfWeights is not null ? "IdfWeights" : "IdfWeightsFile", model.Mode, "idf weights are only used with OutputMode.TfIdf");
        }

        if (context.HasErrors)
        {
            return null;
        }

        int oovStart = mask is not null && model.Mode == OutputMode.Int ? 1 : 0;
        var layout = new SpecialTokens(mask, oov, oovStart, numOov);
        VocabularyLoad? load = VocabularyLoader.Load(context, layout, cancellationToken);
        if (load is null)
        {
            return null;
        }

        int tokenStart = oovStart + numOov;
        if ((long)tokenStart + load.Vocabulary.Count > int.MaxValue)
        {
            context.Reject(Descriptors.OptionOutOfRange, "NumOovIndices", "at most " + (int.MaxValue - oovStart - load.Vocabulary.Count) + " (every index must fit an int)", numOov);
            return null;
        }

        int vocabularySize = tokenStart + load.Vocabulary.Count;
        if (maxTokens is not null && vocabularySize > maxTokens)
        {
            context.Reject(Descriptors.VocabularyTooLarge, load.Vocabulary.Count, tokenStart, maxTokens);
            return null;
        }

        int depth = o.PadToMaxTokens && maxTokens is not null ? maxTokens.Value : vocabularySize;
        EquatableArray<float> idf = EquatableArray<float>.Empty;
        if (tfIdf)
        {
            double[]? weights = IdfLoader.Load(context, load.EntryCount);
            if (weights is null)
            {
                return null;
            }

            idf = PadIdf(weights, load.PrefixStripped ? 0 : tokenStart, depth);
        }

        return model with
        {
            Vocabulary = load.Vocabulary,
            OovStart = oovStart,
            NumOov = numOov,
            Mask = mask,
            Oov = oov,
            Depth = depth,
            Idf = idf,
            SaltKey = salt,
            OovMethod = oovMethod,
        };
    }

    /// <summary>
    /// Keras pads the front of given idf weights with their mean (the OOV idf) when the special tokens
    /// were not part of the list, and the back with zeros up to MaxTokens; stored as float32.
    /// </summary>
    private static EquatableArray<float> PadIdf(double[] weights, int front, int depth)
    {
        double mean = weights.Length == 0 ? 0 : weights.Sum() / weights.Length;
        var result = new float[depth];
        for (int i = 0; i < depth; i++)
        {
            int w = i - front;
            result[i] = i < front ? (float)mean : w < weights.Length ? (float)weights[w] : 0f;
        }

        return new EquatableArray<float>(result);
    }
}

/// <summary>The special-token prefix a Keras vocabulary list may start with.</summary>
internal sealed record SpecialTokens(OptionalToken? Mask, OptionalToken Oov, int OovStart, int NumOov)
{
    public IEnumerable<OptionalToken> Prefix() =>
        Enumerable.Repeat(Mask!, OovStart).Concat(Enumerable.Repeat(Oov, NumOov));

    public static string Format(OptionalToken token) => token.ToString();
}
