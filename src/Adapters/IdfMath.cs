using System;
using System.Collections.Generic;

namespace PrepGen.Adapt;

/// <summary>Keras's adapted tf-idf weights (index_lookup.py <c>finalize_state</c>).</summary>
internal static class IdfMath
{
    /// <summary>
    /// <c>ln(1 + N / (1 + df))</c> in float64 cast to float32 for each learned token, front-padded with
    /// <paramref name="tokenStart"/> copies of the float32 mean of those weights (the OOV idf).
    /// </summary>
    public static double[] Weights(IReadOnlyList<long> documentCounts, long documents, int tokenStart)
    {
        var weights = new double[tokenStart + documentCounts.Count];
        double sum = 0;
        for (int i = 0; i < documentCounts.Count; i++)
        {
            float idf = (float)Math.Log(1.0 + ((double)documents / (1.0 + documentCounts[i])));
            weights[tokenStart + i] = idf;
            sum += idf;
        }

        // reduce_mean in float32; an empty vocabulary leaves the OOV slots at Keras's initial zeros.
        float mean = documentCounts.Count == 0 ? 0f : (float)(sum / documentCounts.Count);
        for (int i = 0; i < tokenStart; i++)
        {
            weights[i] = mean;
        }

        return weights;
    }
}
