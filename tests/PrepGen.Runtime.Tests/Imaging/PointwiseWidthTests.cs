using System.Runtime.InteropServices;
using PrepGen.Imaging;
using PrepGen.Runtime.Tests.Numeric;

namespace PrepGen.Runtime.Tests.Imaging;

/// <summary>
/// Every SIMD width of every image kernel (forced: an unaccelerated width is emulated with the same IEEE operations)
/// against the scalar Keras formula written here, bit for bit: lengths 0 to a few vectors + 1 and some longer ones
/// (the unrolled body), starts at several offsets from a 64-byte boundary, special values, odd channel counts.
/// </summary>
public unsafe class PointwiseWidthTests
{
    private static readonly int[] Lengths = [.. Enumerable.Range(0, (4 * 16) + 2), 127, 200, 1001];

    private static readonly int[] Offsets = [0, 1, 3, 7];

    private static readonly int[] Channels = [1, 3, 4, 5];

    public static TheoryData<int> Lanes => new(1, 4, 8, 16);

    [Theory]
    [MemberData(nameof(Lanes))]
    public void Bytes_widen_exactly(int lanes)
    {
        var random = new Random(lanes);
        foreach (int length in Lengths)
        {
            byte[] input = new byte[length];
            random.NextBytes(input);
            for (int b = 0; b < Math.Min(length, 256); b++)
            {
                input[b] = (byte)b;
            }

            float[] expected = input.Select(b => (float)b).ToArray();
            foreach (int offset in Offsets)
            {
                var source = new Placed<byte>(length, offset + 5);
                input.CopyTo(source.Span);
                var output = new Placed<float>(length, offset);
                fixed (byte* x = source.Span)
                fixed (float* y = output.Span)
                {
                    PointwiseKernels.BytesToFloats(x, y, length, (SimdWidth)lanes);
                }

                output.AssertEqual(expected, $"length {length}, offset {offset}, {(SimdWidth)lanes}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Lanes))]
    public void Rescaling_is_two_roundings(int lanes)
    {
        var random = new Random(lanes + 10);
        foreach ((float scale, float offset) in new[] { (1f / 255f, 0f), (1f / 127.5f, -1f), (-0f, 0f), (3.3e38f, 1e-45f), (1e-40f, -2.5f) })
        {
            InPlace(random, lanes, x =>
            {
                float scaled = x * scale;
                return scaled + offset;
            }, (p, n, width) => PointwiseKernels.Rescale(p, n, scale, offset, width), $"scale {scale:R} offset {offset:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Lanes))]
    public void Brightness_adds_then_clips(int lanes)
    {
        var random = new Random(lanes + 20);
        var cases = new[]
        {
            (0f, 0f, 255f), (12.5f, 0f, 255f), (-0f, 0f, 1f), (-0f, -0f, 0f), (1e-40f, -1e-40f, 1e-40f),
            (0.1f, float.NegativeInfinity, float.PositiveInfinity), (float.PositiveInfinity, 0f, 1f),
        };
        foreach ((float delta, float lo, float hi) in cases)
        {
            InPlace(random, lanes, x => MathF.Min(MathF.Max(x + delta, lo), hi),
                (p, n, width) => PointwiseKernels.AddClip(p, n, delta, lo, hi, width), $"delta {delta:R} lo {lo:R} hi {hi:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Lanes))]
    public void Normalization_divides_per_channel_and_inverts(int lanes)
    {
        var random = new Random(lanes + 30);
        foreach (int channels in Channels)
        {
            float[] mean = Enumerable.Range(0, channels).Select(_ => FloatSamples.Next(random)).Select(v => float.IsFinite(v) ? v : 0.5f).ToArray();
            float[] divisor = Enumerable.Range(0, channels)
                .Select(c => c == 1 ? 1e-7f : MathF.Max(MathF.Sqrt((float)(random.NextDouble() * Math.Pow(10, random.Next(-8, 8)))), 1e-7f))
                .ToArray();
            foreach (int pixels in Enumerable.Range(0, 34).Append(100).Append(333))
            {
                int length = pixels * channels;
                float[] input = Enumerable.Range(0, length).Select(_ => FloatSamples.Next(random)).ToArray();
                foreach (bool invert in new[] { false, true })
                {
                    float[] expected = new float[length];
                    for (int i = 0; i < length; i++)
                    {
                        float m = mean[i % channels];
                        float d = divisor[i % channels];
                        float scaled = input[i] * d;
                        float centered = input[i] - m;
                        expected[i] = invert ? m + scaled : centered / d;
                    }

                    foreach (bool reciprocal in new[] { false, true })
                    {
                        var normalization = new NormalizationKernel.Prepared(mean, divisor, invert, (SimdWidth)lanes, reciprocal);
                        foreach (int offset in Offsets)
                        {
                            var values = new Placed<float>(length, offset);
                            input.CopyTo(values.Span);
                            fixed (float* p = values.Span)
                            {
                                PointwiseKernels.Normalize(p, length, normalization);
                            }

                            values.AssertEqual(expected, $"{channels} channels, {pixels} pixels, invert {invert}, reciprocal {reciprocal}, offset {offset}, {(SimdWidth)lanes}");
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Lanes))]
    public void Three_channels_split_into_planes(int lanes)
    {
        var random = new Random(lanes + 40);
        foreach (int pixels in Lengths)
        {
            float[] hwc = Enumerable.Range(0, 3 * pixels).Select(_ => FloatSamples.Next(random)).ToArray();
            float[] expected = new float[3 * pixels];
            for (int i = 0; i < pixels; i++)
            {
                for (int c = 0; c < 3; c++)
                {
                    expected[(c * pixels) + i] = hwc[(3 * i) + c];
                }
            }

            foreach (int offset in Offsets)
            {
                var source = new Placed<float>(hwc.Length, offset + 2);
                hwc.CopyTo(source.Span);
                var planes = new Placed<float>(hwc.Length, offset);
                fixed (float* x = source.Span)
                fixed (float* y = planes.Span)
                {
                    Deinterleave3.Run(x, y, y + pixels, y + (2 * pixels), pixels, (SimdWidth)lanes);
                }

                planes.AssertEqual(expected, $"{pixels} pixels, offset {offset}, {(SimdWidth)lanes}");
                source.AssertEqual(hwc, "the input");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Lanes))]
    public void Channels_first_store_transposes_whole_images_and_single_rows(int lanes)
    {
        var random = new Random(lanes + 50);
        foreach (int c in Channels.Append(2))
        {
            foreach ((int h, int w) in new[] { (1, 1), (3, 5), (2, 17), (4, 33) })
            {
                float[] hwc = Enumerable.Range(0, h * w * c).Select(_ => FloatSamples.Next(random)).ToArray();
                float[] expected = new float[hwc.Length];
                for (int p = 0; p < h * w; p++)
                {
                    for (int ch = 0; ch < c; ch++)
                    {
                        expected[(ch * h * w) + p] = hwc[(p * c) + ch];
                    }
                }

                var whole = new Placed<float>(hwc.Length, 1);
                var rows = new Placed<float>(hwc.Length, 3);
                fixed (float* x = hwc)
                fixed (float* a = whole.Span)
                fixed (float* b = rows.Span)
                {
                    PointwiseKernels.Store(x, a, 0, h, h, w, c, ImageLayout.ChannelsFirst, (SimdWidth)lanes);
                    for (int y = 0; y < h; y++)
                    {
                        PointwiseKernels.Store(x + (y * w * c), b, y, 1, h, w, c, ImageLayout.ChannelsFirst, (SimdWidth)lanes);
                    }
                }

                whole.AssertEqual(expected, $"{h}x{w}x{c} whole, {(SimdWidth)lanes}");
                rows.AssertEqual(expected, $"{h}x{w}x{c} by rows, {(SimdWidth)lanes}");
            }
        }
    }

    /// <summary>
    /// Whole pipelines run by the executor at a forced width (fused and stage by stage, byte and float input, both
    /// layouts, brightness in training, 3 and 5 channels) give the bits of the same plan at the scalar width.
    /// </summary>
    [Fact]
    public void Whole_pipelines_give_the_same_bits_at_every_width()
    {
        var random = new Random(60);
        var normalize = new NormalizeOp([0.485f, 0.456f, 0.406f], [0.052441f, 0.050176f, 0.050625f]);
        var pipelines = new (ImagePipelineSpec Spec, bool Training)[]
        {
            (new ImagePipelineSpec(19, 23, 3, [new ResizeOp(11, 13), new RescaleOp(1f / 255f), normalize], ImageLayout.ChannelsFirst), false),
            (new ImagePipelineSpec(7, 9, 3, [new RescaleOp(1f / 127.5f, -1f), new NormalizeOp([1f, 2f, 3f], [4f, 5f, 6f], invert: true)], ImageLayout.ChannelsFirst), false),
            (new ImagePipelineSpec(9, 10, 3, [new RandomFlipOp(), new RandomBrightnessOp(FactorRange.FromKeras([0.3])), normalize], ImageLayout.ChannelsFirst), true),
            (new ImagePipelineSpec(6, 11, 5, [new RandomBrightnessOp(FactorRange.FromKeras([0.2]), 0, 255), new RescaleOp(0.5f, 3f)]), true),
        };
        foreach ((ImagePipelineSpec spec, bool training) in pipelines)
        {
            byte[] bytes = ImageTestData.Bytes(2 * spec.InputLength, spec.InputLength);
            float[] floats = Enumerable.Range(0, bytes.Length).Select(i => i % 7 == 0 ? FloatSamples.Next(random) : bytes[i]).ToArray();
            float[] expectedBytes = RunAt(spec, training, SimdWidth.Scalar, bytes);
            float[] expectedFloats = RunAt(spec, training, SimdWidth.Scalar, floats);
            foreach (SimdWidth width in new[] { SimdWidth.V128, SimdWidth.V256, SimdWidth.V512 })
            {
                FloatSamples.AssertBits(expectedBytes, RunAt(spec, training, width, bytes), $"{spec.Height}x{spec.Width}x{spec.Channels} bytes, {width}");
                FloatSamples.AssertBits(expectedFloats, RunAt(spec, training, width, floats), $"{spec.Height}x{spec.Width}x{spec.Channels} floats, {width}");
            }
        }
    }

    private static float[] RunAt<T>(ImagePipelineSpec spec, bool training, SimdWidth width, T[] images)
        where T : unmanaged
    {
        var plan = new CpuPlan(spec, training, width);
        var scratch = new Scratch();
        scratch.Ensure(plan.MaxImageFloats, spec.Channels);
        int outLength = spec.OutputLength(training);
        var output = new float[2 * outLength];
        fixed (T* src = images)
        fixed (float* dst = output)
        {
            for (int image = 0; image < 2; image++)
            {
                ImageExecutor.Process(plan, src + (image * spec.InputLength), dst + (image * outLength), image, seed: 5, scratch);
            }
        }

        return output;
    }

    /// <summary>Runs an in-place kernel on random values with specials at every length and offset against <paramref name="formula"/>.</summary>
    private static void InPlace(Random random, int lanes, Func<float, float> formula, KernelCall kernel, string what)
    {
        foreach (int length in Lengths)
        {
            float[] input = Enumerable.Range(0, length).Select(_ => FloatSamples.Next(random)).ToArray();
            float[] expected = input.Select(formula).ToArray();
            foreach (int offset in Offsets)
            {
                var values = new Placed<float>(length, offset);
                input.CopyTo(values.Span);
                fixed (float* p = values.Span)
                {
                    kernel(p, length, (SimdWidth)lanes);
                }

                values.AssertEqual(expected, $"{what}, length {length}, offset {offset}, {(SimdWidth)lanes}");
            }
        }
    }

    private delegate void KernelCall(float* p, int length, SimdWidth width);

    /// <summary>
    /// <c>Span</c>: <c>length</c> elements starting <c>offset</c> elements past a 64-byte boundary of a pinned buffer
    /// whose other elements hold a sentinel, checked to be untouched.
    /// </summary>
    private sealed class Placed<T>
        where T : unmanaged, IEquatable<T>
    {
        private const int Guard = 32;
        private readonly T[] _buffer;
        private readonly int _start;
        private readonly int _length;
        private readonly T _sentinel;

        public Placed(int length, int offset)
        {
            _buffer = GC.AllocateArray<T>(length + (2 * Guard) + 64, pinned: true);
            fixed (T* p = _buffer)
            {
                _start = Guard + ((int)((64 - ((nuint)(p + Guard) % 64)) % 64) / sizeof(T)) + offset;
            }

            _length = length;
            _sentinel = typeof(T) == typeof(float) ? (T)(object)-42.5f : (T)(object)(byte)0xA5;
            _buffer.AsSpan().Fill(_sentinel);
        }

        public Span<T> Span => _buffer.AsSpan(_start, _length);

        public void AssertEqual(T[] expected, string what)
        {
            if (typeof(T) == typeof(float))
            {
                FloatSamples.AssertBits((float[])(object)expected, MemoryMarshal.Cast<T, float>(Span), what);
            }
            else
            {
                Assert.Equal(expected, Span.ToArray());
            }

            Assert.True(_buffer.AsSpan(0, _start).IndexOfAnyExcept(_sentinel) < 0, $"{what}: written before the start");
            Assert.True(_buffer.AsSpan(_start + _length).IndexOfAnyExcept(_sentinel) < 0, $"{what}: written past the end");
        }
    }
}
