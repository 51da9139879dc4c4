using System;

namespace PrepGen.Adapt;

/// <summary><c>np.interp</c> for one point, following numpy's compiled <c>arr_interp</c> step for step.</summary>
internal static class NumpyInterp
{
    public static double Interp(double x, ReadOnlySpan<double> xp, ReadOnlySpan<double> fp)
    {
        int len = xp.Length;
        if (double.IsNaN(x))
        {
            return x;
        }

        int j = Search(x, xp);
        if (j == -1)
        {
            return fp[0];
        }

        if (j == len)
        {
            return fp[len - 1];
        }

        if (j == len - 1 || xp[j] == x)
        {
            return fp[j];
        }

        double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
        double result = (slope * (x - xp[j])) + fp[j];
        if (double.IsNaN(result))
        {
            // numpy retries from the right end, then falls back to a flat segment.
            result = (slope * (x - xp[j + 1])) + fp[j + 1];
            if (double.IsNaN(result) && fp[j] == fp[j + 1])
            {
                result = fp[j];
            }
        }

        return result;
    }

    // binary_search_with_guess: -1 left of the range, len right of it, else the last j with xp[j] <= x.
    private static int Search(double x, ReadOnlySpan<double> xp)
    {
        int len = xp.Length;
        if (x > xp[len - 1])
        {
            return len;
        }

        if (x < xp[0])
        {
            return -1;
        }

        int lo = 0;
        int hi = len;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (x >= xp[mid])
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo - 1;
    }
}
