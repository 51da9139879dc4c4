using System.Xml.Linq;
using PrepGen.Cli.Inspect;
using PrepGen.Cli.Inspect.Html;

namespace PrepGen.Cli.Tests;

public sealed class InspectHtmlTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>The page parsed as XML (it is written XHTML-compatible), after the HTML5 doctype, which XML cannot read.</summary>
    internal static XElement Parse(string html)
    {
        const string Doctype = "<!DOCTYPE html>\n";
        Assert.StartsWith(Doctype, html, StringComparison.Ordinal);
        return XElement.Parse(html[Doctype.Length..]);
    }

    private string Report(string input, string name = "report.html")
    {
        string html = _cli.PathOf(name);
        _cli.Run("inspect", input, "--html", html);
        Assert.Contains($"  report: {html}", _cli.Stdout, StringComparison.Ordinal);
        return File.ReadAllText(html);
    }

    [Fact]
    public void A_vocabulary_page_is_well_formed_self_contained_and_says_what_it_plots()
    {
        string html = Report(_cli.Write("v.txt", string.Concat(Enumerable.Range(1, 3000).Select(i => new string('w', 1 + i % 9) + i + "\n"))));
        XElement page = Parse(html);
        Assert.Equal("html", page.Name.LocalName);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);

        string[] headings = page.Descendants("h2").Select(h => h.Value).ToArray();
        Assert.Equal(["Summary", "Token length by rank", "Token length histogram"], headings);
        Assert.Contains("holds no counts, so frequency cannot be plotted", html, StringComparison.Ordinal);
        Assert.Contains("v.txt: vocabulary file, 3,000 tokens", page.Descendants("pre").Single().Value, StringComparison.Ordinal);
        Assert.Equal(2, page.Descendants("svg").Count());

        // Lengths 2 ("w9" is 1 + 1) .. 13 (nine w's and four digits): one bar per length.
        Assert.Equal(12, page.Descendants("rect").Count(r => (string?)r.Attribute("class") == "bar"));
    }

    [Fact]
    public void Tokens_appear_as_text_never_as_markup()
    {
        string html = Report(_cli.Write("v.txt", "<script>alert(1)</script>\na&b\n\"q'\n<img src=x onerror=alert(2)>\nbell\u0007\n"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("a&amp;b", html, StringComparison.Ordinal);
        string summary = Parse(html).Descendants("pre").Single().Value;
        Assert.Contains("\"<script>alert(1)</script>\"", summary, StringComparison.Ordinal);
        Assert.Contains("\"\\\"q'\"", summary, StringComparison.Ordinal);
        Assert.Contains("\"bell\\u0007\"", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_keeps_what_xml_cannot_hold_visible()
    {
        Assert.Equal("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", HtmlReport.Escape("<a href=\"x\">&'"));
        Assert.Equal("a\\u0000b\\uD800c\U0001F600", HtmlReport.Escape("a\0b\uD800c\U0001F600"));
    }

    [Fact]
    public void The_page_is_deterministic_wherever_the_file_and_the_page_lie()
    {
        string content = string.Concat(Enumerable.Range(0, 500).Select(i => "tok" + (i * 7919 % 10007) + "\n"));
        string first = Report(_cli.Write("v.txt", content), "a.html");
        Directory.CreateDirectory(_cli.PathOf("other"));
        string second = Report(_cli.Write(Path.Combine("other", "v.txt"), content), Path.Combine("other", "b.html"));
        Assert.Equal(first, second);
        Assert.Equal(File.ReadAllBytes(_cli.PathOf("a.html")), File.ReadAllBytes(_cli.PathOf(Path.Combine("other", "b.html"))));
    }

    [Fact]
    public void The_page_replaces_an_old_one_and_leaves_no_temporary_file()
    {
        string input = _cli.Write("v.txt", "a\nb\n");
        _cli.Write("report.html", "old");
        string html = Report(input);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(["report.html", "v.txt"], _cli.Files());

        Assert.Equal(1, _cli.Run("inspect", input, "--html", _cli.PathOf(Path.Combine("missing", "r.html"))));
        Assert.StartsWith("prepgen: error: ", _cli.Stderr, StringComparison.Ordinal);
        Assert.Equal(["report.html", "v.txt"], _cli.Files());
    }

    [Fact]
    public void A_stats_page_draws_every_feature_and_every_boundary()
    {
        string html = Report(_cli.Write("stats.json",
            "{\"format\": 1, \"features\": {\"price\": {\"kind\": \"normalization\", \"mean\": [1.5, 250, -3], \"variance\": [0.25, 0, 4], \"count\": 10},"
            + " \"age\": {\"kind\": \"discretization\", \"bin_boundaries\": [18, 30, 45.5, 60]}}}"));
        XElement page = Parse(html);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["Summary", "price: normalization, 3 feature(s), 10 rows", "age: discretization, 4 boundaries (5 bins)"],
            page.Descendants("h2").Select(h => h.Value));
        Assert.Equal(3, page.Descendants("line").Count(l => (string?)l.Attribute("class") == "whisker"));
        Assert.Contains("feature 1: mean 250, std 0", page.Descendants("title").Select(t => t.Value));
        Assert.Equal(["boundary [0]: 18", "boundary [1]: 30", "boundary [2]: 45.5", "boundary [3]: 60"],
            page.Descendants("line").Where(l => (string?)l.Attribute("class") == "boundary").Select(l => l.Value));
        Assert.Equal(5, page.Descendants("rect").Count(r => ((string?)r.Attribute("class"))?.StartsWith("bin", StringComparison.Ordinal) == true));
        Assert.Equal([["0", "1.5", "0.25", "0.5"], ["1", "250", "0", "0"], ["2", "-3", "4", "2"]],
            page.Descendants("tbody").Single().Elements("tr").Select(r => r.Elements("td").Select(d => d.Value).ToArray()));
    }

    [Fact]
    public void An_idf_page_has_a_weight_histogram()
    {
        XElement page = Parse(Report(_cli.Write("idf.txt", "0.5\n1.25\n2\n2\n")));
        Assert.Equal(["Summary", "Weight histogram"], page.Descendants("h2").Select(h => h.Value));
        Assert.Equal([1L, 1L, 2L], page.Descendants("rect").Where(r => (string?)r.Attribute("class") == "bar")
            .Select(r => long.Parse(r.Element("title")!.Value.Split(": ")[1], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Known_counts_give_a_log_log_rank_plot()
    {
        // A vocabulary file holds no counts; a file kind that records them (a partial state) passes them in.
        var report = new HtmlReport("counts");
        long[] counts = Enumerable.Range(1, 1000).Select(r => 100_000L / r).ToArray();
        VocabularyCharts.Write(report, Enumerable.Repeat(3, 1000).ToArray(), counts);
        XElement page = Parse(report.ToHtml());
        Assert.Equal(["Token frequency by rank", "Token length histogram"], page.Descendants("h2").Select(h => h.Value));
        XElement rankPlot = page.Descendants("svg").First();
        Assert.Equal(["1", "10", "100", "1000"], rankPlot.Elements("text").Select(t => t.Value).Take(4));
        string[] points = rankPlot.Element("polyline")!.Attribute("points")!.Value.Split(' ');
        Assert.InRange(points.Length, 250, 600);

        // Zipf counts on log-log axes: a straight line from the top left to the bottom right.
        double[] ys = points.Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(ys.Zip(ys.Skip(1)).All(p => p.Second >= p.First));
    }
}
