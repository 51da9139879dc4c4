using PrepGen.Generator.Diagnostics;
using PrepGen.Generator.Model;

namespace PrepGen.Generator.Binding;

/// <summary>The stateless layers: Hashing, HashedCrossing and CategoryEncoding.</summary>
internal static class HashingBinder
{
    public static LayerModel? BindHashing(BindContext context, LayerModel model)
    {
        int? bins = RequirePositive(context, "NumBins", context.Options.NumBins);
        EquatableArray<long>? salt = LayerBinder.SaltKey(context);
        OptionalToken? mask = context.Options.MaskToken;
        if (mask is not null)
        {
            bool stringInput = model.Shape is CallShape.IndexBatch or CallShape.Sample
                ? context.Spec.Method.Parameters[0].Kind == ValueKind.StringSpan
                : context.Spec.Method.Parameters[0].Kind is ValueKind.String or ValueKind.CharSpan or ValueKind.ByteSpan;
            if (mask.IsString != stringInput)
            {
                context.Reject(Descriptors.TokenTypeMismatch, "MaskValue", mask,
                    (stringInput ? "a string: the method takes strings" : "an integer: the method takes integers") + ", and Keras compares the mask with the input values");
            }
        }

        if (bins is null || context.HasErrors)
        {
            return null;
        }

        // Keras: a mask takes bin 0 and the values hash into the other NumBins - 1, unless NumBins is 1.
        bool masked = mask is not null && bins > 1;
        return model with
        {
            Mask = masked ? mask : null,
            HashBins = masked ? bins.Value - 1 : bins.Value,
            Depth = bins.Value,
            SaltKey = salt,
        };
    }

    public static LayerModel? BindCrossing(BindContext context, LayerModel model)
    {
        int? bins = RequirePositive(context, "NumBins", context.Options.NumBins);
        return bins is null ? null : model with { HashBins = bins.Value, Depth = bins.Value };
    }

    public static LayerModel? BindCategoryEncoding(BindContext context, LayerModel model)
    {
        int? tokens = RequirePositive(context, "NumTokens", context.Options.NumTokens);
        return tokens is null ? null : model with { Depth = tokens.Value };
    }

    private static int? RequirePositive(BindContext context, string name, int? value)
    {
        if (value is null)
        {
            context.Reject(Descriptors.MissingOption, name);
            return null;
        }

        if (value <= 0)
        {
            context.Reject(Descriptors.OptionOutOfRange, name, "greater than 0", value);
            return null;
        }

        return value;
    }
}
