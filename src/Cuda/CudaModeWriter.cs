using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PrepGen.Imaging;

namespace PrepGen.Cuda;

/// <summary>Writes the namespace of one mode (infer or train): params struct, stage functions, run&lt;T&gt;.</summary>
internal sealed class ModeWriter
{
    private readonly ImagePipelineSpec _spec;
    private readonly bool _training;
    private readonly StringBuilder _sb;
    private readonly PipelineStage[] _stages;
    private readonly int _c;

    public ModeWriter(ImagePipelineSpec spec, bool training, StringBuilder sb)
    {
        _spec = spec;
        _training = training;
        _sb = sb;
        _stages = spec.StageArray(training);
        _c = spec.Channels;
    }

    private static string F(float v) => CudaKernelSource.F(v);

    public void Write()
    {
        _sb.Append("namespace ").Append(_training ? "train" : "infer").Append("\n{\n");
        WriteConstants();
        WriteParams();
        Line("template <typename T> __device__ __forceinline__ float s0(const T* __restrict__ img, const P& p, int y, int x, int c)");
        Line($"{{ return ld(img + ((y * {_spec.Width} + x) * {_c} + c)); }}");
        for (int k = 0; k < _stages.Length; k++)
        {
            WriteStage(k + 1, _stages[k]);
        }

        WriteRun();
        _sb.Append("}\n\n");
    }

    private void Line(string text) => _sb.Append(text).Append('\n');

    private void WriteConstants()
    {
        for (int k = 0; k < _stages.Length; k++)
        {
            if (_stages[k].Op is NormalizeOp n)
            {
                Line($"__constant__ float n{k + 1}_mean[{_c}] = {{ {string.Join(", ", Enumerable.Range(0, _c).Select(c => F(n.MeanOf(c))))} }};");
                Line($"__constant__ float n{k + 1}_div[{_c}] = {{ {string.Join(", ", Enumerable.Range(0, _c).Select(c => F(n.DivisorOf(c))))} }};");
            }
        }
    }

    private void WriteParams()
    {
        var fields = new List<string>();
        var init = new StringBuilder();
        foreach (var s in _stages)
        {
            string l = "l" + s.LayerIndex;
            if (!s.Op.IsRandom)
            {
                continue;
            }

            init.Append($"    {{\n        uint4 r = philox((u32)n, {s.LayerIndex}u, (u32)seed, (u32)(seed >> 32));\n        float u0 = unitf(r.x), u1 = unitf(r.y);\n        (void)u0; (void)u1;\n");
            switch (s.Op)
            {
                case RandomFlipOp:
                    fields.Add($"bool {l}_flip;");
                    init.Append($"        p.{l}_flip = u0 <= 0.5f;\n");
                    break;
                case RandomRotationOp r:
                    fields.Add($"float {l}_a0, {l}_a1, {l}_a2, {l}_b0, {l}_b1, {l}_b2;");
                    init.Append($"        float ang = {At(r.Angle, "u0")};\n")
                        .Append("        float cs = (float)cos((double)ang), sn = (float)sin((double)ang);\n")
                        .Append($"        float wm1 = {F(s.InWidth - 1)}, hm1 = {F(s.InHeight - 1)};\n")
                        .Append($"        p.{l}_a0 = cs; p.{l}_a1 = -sn; p.{l}_a2 = (wm1 - ((cs * wm1) - (sn * hm1))) / 2.0f;\n")
                        .Append($"        p.{l}_b0 = sn; p.{l}_b1 = cs; p.{l}_b2 = (hm1 - ((sn * wm1) + (cs * hm1))) / 2.0f;\n");
                    break;
                case RandomZoomOp z:
                    fields.Add($"float {l}_a0, {l}_a1, {l}_a2, {l}_b0, {l}_b1, {l}_b2;");
                    init.Append($"        float zy = {At(z.HeightZoom, "u0")};\n")
                        .Append($"        float zx = {(z.WidthZoom is { } wz ? At(wz, "u1") : "zy")};\n")
                        .Append($"        p.{l}_a0 = zx; p.{l}_a1 = 0.0f; p.{l}_a2 = {F((s.InWidth - 1f) / 2f)} * (1.0f - zx);\n")
                        .Append($"        p.{l}_b0 = 0.0f; p.{l}_b1 = zy; p.{l}_b2 = {F((s.InHeight - 1f) / 2f)} * (1.0f - zy);\n");
                    break;
                case RandomTranslationOp t:
                    fields.Add($"float {l}_a0, {l}_a1, {l}_a2, {l}_b0, {l}_b1, {l}_b2;");
                    init.Append($"        float dy = {At(t.HeightFactor, "u0")} * {F(s.InHeight)};\n")
                        .Append($"        float dx = {At(t.WidthFactor, "u1")} * {F(s.InWidth)};\n")
                        .Append($"        p.{l}_a0 = 1.0f; p.{l}_a1 = 0.0f; p.{l}_a2 = -dx; p.{l}_b0 = 0.0f; p.{l}_b1 = 1.0f; p.{l}_b2 = -dy;\n");
                    break;
                case RandomCropOp c when s.Map is null:
                    fields.Add($"int {l}_y, {l}_x;");
                    init.Append($"        p.{l}_y = (int)({F(s.InHeight - c.Height + 1)} * u0);\n")
                        .Append($"        p.{l}_x = (int)({F(s.InWidth - c.Width + 1)} * u1);\n");
                    break;
                case RandomContrastOp co:
                    fields.Add($"float {l}_f; const float* {l}_mean;");
                    init.Append($"        p.{l}_f = {At(co.Factor, "u0")};\n");
                    break;
                case RandomBrightnessOp b:
                    fields.Add($"float {l}_delta;");
                    init.Append($"        p.{l}_delta = {At(b.Factor, "u0")} * {F(b.ValueHigh - b.ValueLow)};\n");
                    break;
                default:
                    break;
            }

            init.Append("    }\n");
        }

        Line("struct P { int unused; " + string.Join(" ", fields) + " };");
        Line("__device__ __forceinline__ void make_params(P& p, int n, u64 seed)");
        Line("{");
        Line("    p.unused = 0; (void)n; (void)seed;");
        _sb.Append(init);
        Line("}");
    }

    // FactorRange.At: Lower + ((Upper - Lower) * u), in float32.
    private static string At(FactorRange r, string u) => $"({F(r.Lower)} + (({F(r.Upper)} - {F(r.Lower)}) * {u}))";

    private void WriteStage(int k, PipelineStage s)
    {
        string prev = $"s{k - 1}(img, p, ";
        string l = "l" + s.LayerIndex;
        Line($"template <typename T> __device__ __forceinline__ float s{k}(const T* __restrict__ img, const P& p, int y, int x, int c)");
        Line("{");
        switch (s.Op)
        {
            case RescaleOp r:
                Line($"    float v = {prev}y, x, c) * {F(r.Scale)};");
                Line($"    return v + {F(r.Offset)};");
                break;
            case NormalizeOp n:
                Line($"    float v = {prev}y, x, c);");
                Line(n.Invert ? $"    return n{k}_mean[c] + (v * n{k}_div[c]);" : $"    return (v - n{k}_mean[c]) / n{k}_div[c];");
                break;
            case RandomBrightnessOp b:
                Line($"    return fminf(fmaxf({prev}y, x, c) + p.{l}_delta, {F(b.ValueLow)}), {F(b.ValueHigh)});");
                break;
            case RandomContrastOp co:
                Line($"    float m = p.{l}_mean[c];");
                Line($"    return fminf(fmaxf((({prev}y, x, c) - m) * p.{l}_f) + m, {F(co.ValueLow)}), {F(co.ValueHigh)});");
                break;
            case RandomFlipOp f:
                if (f.Mode != FlipMode.Vertical)
                {
                    Line($"    if (p.{l}_flip) x = {s.InWidth - 1} - x;");
                }

                if (f.Mode != FlipMode.Horizontal)
                {
                    Line($"    if (p.{l}_flip) y = {s.InHeight - 1} - y;");
                }

                Line($"    return {prev}y, x, c);");
                break;
            case RandomCropOp when s.Map is null:
                Line($"    return {prev}y + p.{l}_y, x + p.{l}_x, c);");
                break;
            case GeometricAugmentOp g:
                WriteAffine(s, g, prev, l);
                break;
            default:
                WriteResample(s, s.Map ?? throw new NotSupportedException(s.Op.GetType().Name), prev);
                break;
        }

        Line("}");
    }

    private void WriteAffine(PipelineStage s, GeometricAugmentOp g, string prev, string l)
    {
        string map = "map_" + g.FillMode.ToString().ToLowerInvariant();
        int h = s.InHeight;
        int w = s.InWidth;
        Line("    float fx = (float)x, fy = (float)y;");
        Line($"    float ix = {map}(((p.{l}_a0 * fx) + (p.{l}_a1 * fy)) + p.{l}_a2, {w});");
        Line($"    float iy = {map}(((p.{l}_b0 * fx) + (p.{l}_b1 * fy)) + p.{l}_b2, {h});");
        string Rd(string yy, string xx) => $"(((unsigned)({yy}) < {h}u && (unsigned)({xx}) < {w}u) ? {prev}{yy}, {xx}, c) : {F(g.FillValue)})";
        if (g.Interpolation == Interpolation.Nearest)
        {
            // roundf rounds half away from zero, as std::round in TF.
            Line("    int ny = (int)roundf(iy), nx = (int)roundf(ix);");
            Line($"    return {Rd("ny", "nx")};");
            return;
        }

        Line("    float yf = floorf(iy), xf = floorf(ix), yc = yf + 1.0f, xc = xf + 1.0f;");
        Line("    int y0 = (int)yf, x0 = (int)xf;");
        Line($"    float vf = ((xc - ix) * {Rd("y0", "x0")}) + ((ix - xf) * {Rd("y0", "x0 + 1")});");
        Line($"    float vc = ((xc - ix) * {Rd("y0 + 1", "x0")}) + ((ix - xf) * {Rd("y0 + 1", "x0 + 1")});");
        Line("    return ((yc - iy) * vf) + ((iy - yf) * vc);");
    }

    private void WriteResample(PipelineStage s, ResampleMap m, string prev)
    {
        if (m.IsCopy)
        {
            Line($"    return {prev}y + {m.OffY}, x + {m.OffX}, c);");
            return;
        }

        int winH = m.WinH;
        int winW = m.WinW;
        int h = s.InHeight;
        int w = s.InWidth;
        // Without padding every clamped index is inside the source, so reads need no bounds test.
        string Rd(string yy, string xx) => m.HasFill
            ? $"(((unsigned)({yy}) < {h}u && (unsigned)({xx}) < {w}u) ? {prev}{yy}, {xx}, c) : {F(m.Fill)})"
            : $"{prev}{yy}, {xx}, c)";
        if (m.Nearest)
        {
            Line($"    int sy = max(min((int)floorf(((float)y + 0.5f) * {F(m.ScaleY)}), {winH - 1}), 0) + {m.OffY};");
            Line($"    int sx = max(min((int)floorf(((float)x + 0.5f) * {F(m.ScaleX)}), {winW - 1}), 0) + {m.OffX};");
            Line($"    return {Rd("sy", "sx")};");
            return;
        }

        Line($"    float iy = (((float)y + 0.5f) * {F(m.ScaleY)}) - 0.5f, fy = floorf(iy);");
        Line($"    int y0 = max((int)fy, 0) + {m.OffY}, y1 = min((int)ceilf(iy), {winH - 1}) + {m.OffY};");
        Line($"    float ix = (((float)x + 0.5f) * {F(m.ScaleX)}) - 0.5f, fx = floorf(ix);");
        Line($"    int x0 = max((int)fx, 0) + {m.OffX}, x1 = min((int)ceilf(ix), {winW - 1}) + {m.OffX};");
        Line("    float ly = iy - fy, lx = ix - fx;");
        Line($"    float tl = {Rd("y0", "x0")}, tr = {Rd("y0", "x1")};");
        Line($"    float bl = {Rd("y1", "x0")}, br = {Rd("y1", "x1")};");
        Line("    float top = tl + ((tr - tl) * lx);");
        Line("    float bottom = bl + ((br - bl) * lx);");
        Line("    return top + ((bottom - top) * ly);");
    }

    private void WriteRun()
    {
        int oh = _stages.Length == 0 ? _spec.Height : _stages[^1].OutHeight;
        int ow = _stages.Length == 0 ? _spec.Width : _stages[^1].OutWidth;
        int c = _c;
        long e = (long)oh * ow * c;
        long inE = _spec.InputLength;
        int last = _stages.Length;
        bool chw = _spec.OutputLayout == ImageLayout.ChannelsFirst;
        string decode = chw
            ? $"int ch = r / {oh * ow}; int rem = r - ch * {oh * ow}; int y = rem / {ow}; int x = rem - y * {ow};"
            : $"int pix = r / {c}; int ch = r - pix * {c}; int y = pix / {ow}; int x = pix - y * {ow};";

        Line("template <typename T> __device__ __forceinline__ void run(const T* __restrict__ in, float* __restrict__ out, int batch, u64 seed)");
        Line("{");
        if (CudaKernelSource.UsesBlockPerImage(_spec, _training))
        {
            WriteBlockPerImageBody(e, inE, decode, last);
        }
        else if (chw && ow % 4 == 0)
        {
            // Four consecutive x of one (image, row), every channel: coordinates are computed once for all
            // channels, and each channel plane gets one float4 store (coalesced per warp).
            long quadsPerImage = (long)oh * ow / 4;
            Line($"    const long long quads = (long long)batch * {quadsPerImage}LL;");
            Line("    for (long long q = (long long)blockIdx.x * blockDim.x + threadIdx.x; q < quads; q += (long long)gridDim.x * blockDim.x)");
            Line("    {");
            Line($"        int n = (int)(q / {quadsPerImage}LL); int r = (int)(q - (long long)n * {quadsPerImage}LL) * 4;");
            Line("        P p; make_params(p, n, seed);");
            Line($"        const T* img = in + (long long)n * {inE}LL;");
            Line($"        int y = r / {ow}; int x = r - y * {ow};");
            Line($"        float* o = out + (long long)n * {e}LL + r;");
            Line("#pragma unroll");
            Line($"        for (int ch = 0; ch < {c}; ++ch)");
            Line("        {");
            Line($"            float4 v = make_float4(s{last}(img, p, y, x, ch), s{last}(img, p, y, x + 1, ch), s{last}(img, p, y, x + 2, ch), s{last}(img, p, y, x + 3, ch));");
            Line($"            *reinterpret_cast<float4*>(o + ch * {(long)oh * ow}) = v;");
            Line("        }");
            Line("    }");
        }
        else if (e % 4 == 0)
        {
            // Four consecutive outputs of one image, decoded one by one, one float4 store.
            Line($"    const long long quads = (long long)batch * {e / 4}LL;");
            Line("    for (long long q = (long long)blockIdx.x * blockDim.x + threadIdx.x; q < quads; q += (long long)gridDim.x * blockDim.x)");
            Line("    {");
            Line($"        int n = (int)(q / {e / 4}LL); int r0 = (int)(q - (long long)n * {e / 4}LL) * 4;");
            Line("        P p; make_params(p, n, seed);");
            Line($"        const T* img = in + (long long)n * {inE}LL;");
            Line("        float v[4];");
            Line("#pragma unroll");
            Line("        for (int k = 0; k < 4; ++k)");
            Line("        {");
            Line("            int r = r0 + k; " + decode);
            Line($"            v[k] = s{last}(img, p, y, x, ch);");
            Line("        }");
            Line("        *reinterpret_cast<float4*>(out + q * 4) = make_float4(v[0], v[1], v[2], v[3]);");
            Line("    }");
        }
        else
        {
            Line($"    const long long total = (long long)batch * {e}LL;");
            Line("    for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < total; i += (long long)gridDim.x * blockDim.x)");
            Line("    {");
            Line($"        int n = (int)(i / {e}LL); int r = (int)(i - (long long)n * {e}LL);");
            Line("        P p; make_params(p, n, seed);");
            Line($"        const T* img = in + (long long)n * {inE}LL;");
            Line("        " + decode);
            Line($"        out[i] = s{last}(img, p, y, x, ch);");
            Line("    }");
        }

        Line("}");
    }

    private void WriteBlockPerImageBody(long e, long inE, string decode, int last)
    {
        var contrasts = _stages.Select((s, i) => (s, k: i + 1)).Where(t => t.s.Op is RandomContrastOp).ToArray();
        int c = _c;
        Line($"    __shared__ double red[{c}];");
        Line($"    __shared__ float means[{contrasts.Length}][{c}];");
        Line("    for (int n = blockIdx.x; n < batch; n += gridDim.x)");
        Line("    {");
        Line("        P p; make_params(p, n, seed);");
        Line($"        const T* img = in + (long long)n * {inE}LL;");
        for (int j = 0; j < contrasts.Length; j++)
        {
            var (s, k) = contrasts[j];
            int hw = s.InHeight * s.InWidth;

            // Per-channel mean over H and W of the stage before the contrast, accumulated in double.
            Line($"        for (int ch = threadIdx.x; ch < {c}; ch += blockDim.x) red[ch] = 0.0;");
            Line("        __syncthreads();");
            Line("        {");
            Line($"            double acc[{c}];");
            Line($"            for (int ch = 0; ch < {c}; ++ch) acc[ch] = 0.0;");
            Line($"            for (int i = threadIdx.x; i < {hw}; i += blockDim.x)");
            Line("            {");
            Line($"                int y = i / {s.InWidth}, x = i - (i / {s.InWidth}) * {s.InWidth};");
            Line($"                for (int ch = 0; ch < {c}; ++ch) acc[ch] += (double)s{k - 1}(img, p, y, x, ch);");
            Line("            }");
            Line($"            for (int ch = 0; ch < {c}; ++ch) atomicAdd(&red[ch], acc[ch]);");
            Line("        }");
            Line("        __syncthreads();");
            Line($"        for (int ch = threadIdx.x; ch < {c}; ch += blockDim.x) means[{j}][ch] = (float)(red[ch] / {hw}.0);");
            Line("        __syncthreads();");
            Line($"        p.l{s.LayerIndex}_mean = means[{j}];");
        }

        Line($"        for (int r = threadIdx.x; r < {e}; r += blockDim.x)");
        Line("        {");
        Line("            " + decode);
        Line($"            out[(long long)n * {e}LL + r] = s{last}(img, p, y, x, ch);");
        Line("        }");
        Line("        __syncthreads();");
        Line("    }");
    }
}
