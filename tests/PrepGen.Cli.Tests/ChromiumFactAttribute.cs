namespace PrepGen.Cli.Tests;

/// <summary>A fact that needs headless Chromium (Debian's <c>chromium</c>); skipped, with the reason, where it is absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Sets Skip when no Chromium is found.</summary>
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = "Chromium not found (/usr/bin/chromium, or chromium on PATH; Debian: apt-get install chromium): the HTML report's rendering is not checked";
        }
    }
}
