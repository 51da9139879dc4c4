using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using PrepGen.Imaging;

namespace PrepGen.Runtime.Tests.Imaging;

/// <summary>Reads the image-layer entries of keras-vectors.json and turns their configs into specs.</summary>
internal static partial class KerasImageVectors
{
    public static readonly string[] Layers = { "Resizing", "RandomTranslation", "RandomZoom", "RandomRotation", "RandomFlip" };

    private static readonly Lazy<JsonElement[]> All = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Vectors", "keras-vectors.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    });

    public static IEnumerable<JsonElement> ForLayers() => All.Value.Where(v => Layers.Contains(v.GetProperty("layer").GetString()));

    public static JsonElement ById(string id) => All.Value.Single(v => v.GetProperty("id").GetString() == id);

    /// <summary>The input image as (H, W, C, pixels HWC).</summary>
    public static (int H, int W, int C, float[] Pixels) Image(JsonElement vector)
    {
        var input = vector.GetProperty("input");
        if (input.TryGetProperty("image_hw", out var expr))
        {
            // "np.arange(N).reshape(1,H,W,1)"
            var m = ArangeRegex().Match(expr.GetString()!);
            Assert.True(m.Success, $"unparsed input {expr}");
            int n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            int h = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            int w = int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(n, h * w);
            return (h, w, 1, Enumerable.Range(0, n).Select(i => (float)i).ToArray());
        }

        return Nested(input.GetProperty("image"));
    }

    /// <summary>The expected output as (H, W, C, pixels HWC); 2-D arrays are one channel.</summary>
    public static (int H, int W, int C, float[] Pixels) Expected(JsonElement vector)
    {
        var e = vector.GetProperty("expected");
        return e[0][0].ValueKind == JsonValueKind.Array
            ? Nested(e)
            : (e.GetArrayLength(), e[0].GetArrayLength(), 1, e.EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(x => x.GetSingle()).ToArray());
    }

    public static bool Training(JsonElement vector)
        => vector.GetProperty("input").TryGetProperty("training", out var t) && t.GetBoolean();

    /// <summary>The Keras layer of a vector as a PrepGen op.</summary>
    public static ImageOp Op(JsonElement vector)
    {
        var cfg = vector.GetProperty("config");
        var fill = Enum.Parse<FillMode>(Str(cfg, "fill_mode", "reflect"), ignoreCase: true);
        var interp = Enum.Parse<Interpolation>(Str(cfg, "interpolation", "bilinear"), ignoreCase: true);
        float fillValue = cfg.TryGetProperty("fill_value", out var fv) ? fv.GetSingle() : 0f;
        return vector.GetProperty("layer").GetString() switch
        {
            "Resizing" => new ResizeOp(cfg.GetProperty("height").GetInt32(), cfg.GetProperty("width").GetInt32(), interp,
                Bool(cfg, "crop_to_aspect_ratio"), Bool(cfg, "pad_to_aspect_ratio"), fillValue),
            "RandomTranslation" => new RandomTranslationOp(Factor(cfg, "height_factor"), Factor(cfg, "width_factor"), fill, interp, fillValue),
            "RandomZoom" => new RandomZoomOp(Factor(cfg, "height_factor"),
                cfg.TryGetProperty("width_factor", out var wf) && wf.ValueKind != JsonValueKind.Null ? Factor(cfg, "width_factor") : null,
                fill, interp, fillValue),
            "RandomRotation" => new RandomRotationOp(Factor(cfg, "factor"), fill, interp, fillValue),
            "RandomFlip" => new RandomFlipOp(Str(cfg, "mode", "horizontal_and_vertical") switch
            {
                "horizontal" => FlipMode.Horizontal,
                "vertical" => FlipMode.Vertical,
                _ => FlipMode.HorizontalAndVertical,
            }),
            var other => throw new NotSupportedException(other),
        };
    }

    private static FactorRange Factor(JsonElement cfg, string name)
    {
        var f = cfg.GetProperty(name);
        return FactorRange.FromKeras(f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Select(x => x.GetDouble()).ToArray()
            : new[] { f.GetDouble() });
    }

    private static string Str(JsonElement cfg, string name, string fallback)
        => cfg.TryGetProperty(name, out var v) ? v.GetString()! : fallback;

    private static bool Bool(JsonElement cfg, string name) => cfg.TryGetProperty(name, out var v) && v.GetBoolean();

    private static (int H, int W, int C, float[] Pixels) Nested(JsonElement hwc)
    {
        int h = hwc.GetArrayLength();
        int w = hwc[0].GetArrayLength();
        int c = hwc[0][0].GetArrayLength();
        var pixels = hwc.EnumerateArray().SelectMany(r => r.EnumerateArray()).SelectMany(p => p.EnumerateArray()).Select(x => x.GetSingle()).ToArray();
        return (h, w, c, pixels);
    }

    [GeneratedRegex(@"np\.arange\((\d+)\)\.reshape\(1,\s*(\d+),\s*(\d+),\s*1\)")]
    private static partial Regex ArangeRegex();
}
