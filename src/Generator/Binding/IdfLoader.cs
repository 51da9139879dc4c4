using System.Globalization;
using System.Linq;
using PrepGen.Generator.Diagnostics;
using PrepGen.Generator.State;

namespace PrepGen.Generator.Binding;

/// <summary>Reads tf-idf weights from the attribute or an idf file (one invariant-culture number per line).</summary>
internal static class IdfLoader
{
    public static double[]? Load(BindContext context, int entryCount)
    {
        double[] weights;
        string source;
        if (context.Options.IdfWeights is { } inline)
        {
            weights = inline.ToArray();
            source = "IdfWeights";
        }
        else
        {
            StateFile? file = context.FindFile("IdfWeightsFile", context.Options.IdfWeightsFile!);
            if (file is null)
            {
                return null;
            }

            weights = new double[file.Lines.Length];
            for (int i = 0; i < weights.Length; i++)
            {
                if (!double.TryParse(file.Lines[i], NumberStyles.Float, CultureInfo.InvariantCulture, out weights[i]))
                {
                    VocabularyLoader.Malformed(context, file, i, "'" + VocabularyLoader.Shorten(file.Lines[i]) + "' is not a number");
                    if (context.Diagnostics.Count >= 20)
                    {
                        break;
                    }
                }
            }

            source = "IdfWeightsFile '" + context.Options.IdfWeightsFile + "'";
        }

        if (context.HasErrors)
        {
            return null;
        }

        if (weights.Length != entryCount)
        {
            context.Report(Descriptors.IdfMismatch, context.Subject,
                source + " has " + weights.Length + " weights but the vocabulary lists " + entryCount + " entries; Keras needs one weight per entry");
            return null;
        }

        if (weights.Any(w => double.IsNaN(w) || double.IsInfinity(w)))
        {
            context.Report(Descriptors.IdfMismatch, context.Subject, source + " holds a weight that is not finite");
            return null;
        }

        return weights;
    }
}
