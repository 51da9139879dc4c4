namespace PrepGen.Cli.Tests;

/// <summary>The --html pages as a browser draws them: headless Chromium screenshots, checked pixel by pixel.</summary>
public sealed class InspectRenderingTests : IDisposable
{
    private const int Width = 1000;
    private const int Height = 1400;

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [ChromiumFact]
    public void A_stats_page_from_sklearn_wine_renders_its_charts()
    {
        // Real data: all 13 wine features normalized, proline discretized into 8 bins.
        string wine = Path.Combine(AppContext.BaseDirectory, "Data", "sklearn", "wine_data.csv");
        string stats = _cli.PathOf("stats.json");
        string[] columns = Enumerable.Range(0, 13).SelectMany(i => new[] { "-c", i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray();
        Assert.Equal(0, _cli.Run(["adapt", "-q", "-i", wine, "--skip-rows", "1", "--no-header", .. columns, "-l", "normalization", "--stats-key", "wine", "-o", stats]));
        Assert.Equal(0, _cli.Run("adapt", "-q", "-i", wine, "--skip-rows", "1", "--no-header", "-c", "12", "-l", "discretization", "--num-bins", "8",
            "--stats-key", "proline", "-o", stats));

        PngImage image = Render(stats, Width, 2000);
        // About half of what Chromium 156 draws: 13 whiskers (570 pixels), 13 dots and 7 boundaries (350), 4 shaded bins (13,500).
        Assert.True(Pixels(image, (0x4c, 0x78, 0xa8)) > 300, "too few whisker pixels: the mean ± std chart did not render");
        Assert.True(Pixels(image, (0xe4, 0x57, 0x56)) > 170, "too few red pixels: the means or the bin boundaries did not render");
        Assert.True(Pixels(image, (0xdd, 0xe6, 0xf2)) > 6000, "too few shaded-bin pixels: the discretization axis did not render");
    }

    [ChromiumFact]
    public void A_vocabulary_page_renders_its_histogram_and_shows_markup_tokens_as_text()
    {
        string vocabulary = _cli.Write("v.txt", "<script>document.body.innerHTML=''</script>\n"
            + string.Concat(Enumerable.Range(1, 5000).Select(i => new string('w', 1 + i % 11) + "\n").Distinct()) + string.Concat(Enumerable.Range(1, 2000).Select(i => "t" + i + "\n")));
        PngImage image = Render(vocabulary, Width, Height);

        // A script that ran would have blanked the page; the bars and text are there.
        // About half of what Chromium 156 draws: the rank line and the histogram bars (4,950 pixels), text, axes and lines (55,800 pixels darker than near-white).
        Assert.True(Pixels(image, (0x4c, 0x78, 0xa8)) > 2500, "too few bar pixels: the charts did not render");
        Assert.True(NonWhite(image) > 25_000, $"the page is (nearly) blank: {NonWhite(image)} pixels that are not white");
    }

    private PngImage Render(string input, int width, int height)
    {
        string html = _cli.PathOf("report.html");
        string png = _cli.PathOf("report.png");
        _cli.Run("inspect", input, "--html", html);
        Chromium.Screenshot(html, png, width, height);
        PngImage image = PngImage.Read(File.ReadAllBytes(png));
        Assert.Equal((width, height), (image.Width, image.Height));
        return image;
    }

    /// <summary>The pixels within a small distance of a colour of the page's stylesheet.</summary>
    private static long Pixels(PngImage image, (int R, int G, int B) colour) =>
        Count(image, p => Math.Abs(p.R - colour.R) + Math.Abs(p.G - colour.G) + Math.Abs(p.B - colour.B) <= 12);

    private static long NonWhite(PngImage image) => Count(image, p => p.R + p.G + p.B < 3 * 240);

    private static long Count(PngImage image, Func<(byte R, byte G, byte B), bool> test)
    {
        long hits = 0;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                hits += test(image[x, y]) ? 1 : 0;
            }
        }

        return hits;
    }
}
