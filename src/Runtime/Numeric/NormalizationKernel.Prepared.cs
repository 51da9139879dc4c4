using System;

namespace PrepGen.Runtime;

public static partial class NormalizationKernel
{
    /// <summary>
    /// One Normalization's constant patterns, built once for one width, for a caller that normalizes many short spans
    /// with the same layer (the image pipeline, row by row): the per-call kernel rebuilds them on every call, which
    /// measured 1.4-1.7x the time on 672-float rows (docs/benchmarks.md, "Image kernels"). Same operators, same bits.
    /// </summary>
    internal sealed class Prepared
    {
        private readonly float[] _m;
        private readonly float[] _b;
        private readonly float[] _c;
        private readonly int _features;
        private readonly Path _path;
        private readonly int _shift;
        private readonly int _limit;
        private readonly SimdWidth _width;

        /// <summary>
        /// The constants for <paramref name="width"/>; the reciprocal path where <paramref name="reciprocal"/> and the
        /// denominators allow it (there is no per-call cost to amortize, so any number of rows takes it).
        /// </summary>
        public Prepared(ReadOnlySpan<float> mean, ReadOnlySpan<float> denominator, bool invert, SimdWidth width, bool reciprocal)
        {
            _features = CheckConstants(mean, denominator);
            _width = width;
            int length = NumericConstants.PatternLength(_features, (int)width);
            _m = new float[length];
            _b = new float[length];
            _c = new float[length];
            _path = Fill(mean, denominator, invert, reciprocal, _m, _b, _c, out _shift, out _limit);
        }

        /// <summary>As <see cref="Normalize"/> or <see cref="Denormalize"/>, with the same argument checks.</summary>
        public void Run(ReadOnlySpan<float> input, Span<float> output)
        {
            CheckSpans(input, output, _features);
            Dispatch(input, output, _path, new NumericConstants(_m, _b, IsReciprocal(_path) ? _c : _b, _features), _shift, _limit, _width);
        }
    }
}
