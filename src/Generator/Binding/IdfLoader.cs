using System;
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
            context.Reject(Descriptors.IdfMismatch, source, weights.Length, entryCount);
            return null;
        }

        int infinite = Array.FindIndex(weights, w => double.IsNaN(w) || double.IsInfinity(w));
        if (infinite >= 0)
        {
            context.Reject(Descriptors.NotFiniteFloat32, source + " weight " + infinite, weights[infinite].ToString("R"));
            return null;
        }

        return weights;
    }
}
