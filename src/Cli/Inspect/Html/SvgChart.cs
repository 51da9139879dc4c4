using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PrepGen.Cli.Inspect.Html;

/// <summary>
/// An inline SVG chart: a plot area with a left and a bottom axis, ticks and titles, and marks placed in data
/// coordinates. Coordinates are written with one decimal, invariant culture, so the output is deterministic.
/// </summary>
internal sealed class SvgChart
{
    private const double Left = 72;
    private const double Right = 20;
    private const double Top = 14;
    private const double Bottom = 44;

    private readonly StringBuilder _marks = new();
    private readonly string _label;
    private readonly double _width;
    private readonly double _height;
    private readonly string _xTitle;
    private readonly string _yTitle;

    public SvgChart(string label, double width, double height, Scale x, Scale y, string xTitle, string yTitle)
    {
        _label = label;
        _width = width;
        _height = height;
        XScale = x;
        YScale = y;
        _xTitle = xTitle;
        _yTitle = yTitle;
    }

    public Scale XScale { get; }

    public Scale YScale { get; }

    /// <summary>Labels for the x axis in place of the scale's own ticks (categories such as token lengths).</summary>
    public IReadOnlyList<(double Value, string Label)>? XTicks { get; set; }

    /// <summary>Labels for the y axis in place of the scale's own ticks (feature indices).</summary>
    public IReadOnlyList<(double Value, string Label)>? YTicks { get; set; }

    /// <summary>False for a one-dimensional chart (bin boundaries on a line): no y axis, no y title.</summary>
    public bool ShowYAxis { get; set; } = true;

    private double PlotWidth => _width - Left - Right;

    private double PlotHeight => _height - Top - Bottom;

    /// <summary>The x pixel of a data value.</summary>
    public double X(double value) => Left + XScale.Fraction(value) * PlotWidth;

    /// <summary>The y pixel of a data value (up is larger).</summary>
    public double Y(double value) => Top + (1 - YScale.Fraction(value)) * PlotHeight;

    /// <summary>A rectangle between two data corners, with a hover title.</summary>
    public void Rect(double x0, double y0, double x1, double y1, string cssClass, string? title = null)
    {
        double left = System.Math.Min(X(x0), X(x1));
        double top = System.Math.Min(Y(y0), Y(y1));
        _marks.Append($"<rect class=\"{cssClass}\" x=\"{F(left)}\" y=\"{F(top)}\" width=\"{F(System.Math.Abs(X(x1) - X(x0)))}\" height=\"{F(System.Math.Abs(Y(y1) - Y(y0)))}\"");
        Close("rect", title);
    }

    public void Line(double x0, double y0, double x1, double y1, string cssClass, string? title = null)
    {
        _marks.Append($"<line class=\"{cssClass}\" x1=\"{F(X(x0))}\" y1=\"{F(Y(y0))}\" x2=\"{F(X(x1))}\" y2=\"{F(Y(y1))}\"");
        Close("line", title);
    }

    public void Dot(double x, double y, string cssClass, string? title = null)
    {
        _marks.Append($"<circle class=\"{cssClass}\" cx=\"{F(X(x))}\" cy=\"{F(Y(y))}\" r=\"3\"");
        Close("circle", title);
    }

    public void Polyline(IEnumerable<(double X, double Y)> points, string cssClass) =>
        _marks.Append($"<polyline class=\"{cssClass}\" points=\"{string.Join(" ", points.Select(p => F(X(p.X)) + "," + F(Y(p.Y))))}\" />\n");

    /// <summary>Text at a data position, centred, a few pixels above it.</summary>
    public void Label(double x, double y, string text) =>
        _marks.Append($"<text x=\"{F(X(x))}\" y=\"{F(Y(y) - 4)}\" text-anchor=\"middle\">{HtmlReport.Escape(text)}</text>\n");

    public string ToSvg()
    {
        var svg = new StringBuilder();
        svg.Append($"<svg width=\"{F(_width)}\" height=\"{F(_height)}\" viewBox=\"0 0 {F(_width)} {F(_height)}\" role=\"img\" aria-label=\"{HtmlReport.Escape(_label)}\">\n");
        double bottom = Top + PlotHeight;
        foreach ((double value, string label) in XTicks ?? XScale.Ticks())
        {
            double x = X(value);
            svg.Append($"<line class=\"axis\" x1=\"{F(x)}\" y1=\"{F(bottom)}\" x2=\"{F(x)}\" y2=\"{F(bottom + 4)}\" />");
            svg.Append($"<text x=\"{F(x)}\" y=\"{F(bottom + 16)}\" text-anchor=\"middle\">{HtmlReport.Escape(label)}</text>\n");
        }

        if (ShowYAxis)
        {
            foreach ((double value, string label) in YTicks ?? YScale.Ticks())
            {
                double y = Y(value);
                svg.Append($"<line class=\"grid\" x1=\"{F(Left)}\" y1=\"{F(y)}\" x2=\"{F(_width - Right)}\" y2=\"{F(y)}\" />");
                svg.Append($"<text x=\"{F(Left - 6)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{HtmlReport.Escape(label)}</text>\n");
            }

            svg.Append($"<line class=\"axis\" x1=\"{F(Left)}\" y1=\"{F(Top)}\" x2=\"{F(Left)}\" y2=\"{F(bottom)}\" />\n");
            svg.Append($"<text x=\"14\" y=\"{F(Top + PlotHeight / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {F(Top + PlotHeight / 2)})\">{HtmlReport.Escape(_yTitle)}</text>\n");
        }

        svg.Append(_marks);
        svg.Append($"<line class=\"axis\" x1=\"{F(Left)}\" y1=\"{F(bottom)}\" x2=\"{F(_width - Right)}\" y2=\"{F(bottom)}\" />\n");
        svg.Append($"<text x=\"{F(Left + PlotWidth / 2)}\" y=\"{F(_height - 6)}\" text-anchor=\"middle\">{HtmlReport.Escape(_xTitle)}</text>\n");
        return svg.Append("</svg>").ToString();
    }

    private void Close(string element, string? title) =>
        _marks.Append(title is null ? " />\n" : $"><title>{HtmlReport.Escape(title)}</title></{element}>\n");

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
