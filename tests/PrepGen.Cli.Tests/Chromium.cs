using System.Diagnostics;

namespace PrepGen.Cli.Tests;

/// <summary>Headless Chromium: renders a local page to a PNG screenshot.</summary>
internal static class Chromium
{
    public static string? Path { get; } = Find();

    /// <summary>Screenshots <paramref name="html"/> at the given window size into <paramref name="png"/>.</summary>
    public static void Screenshot(string html, string png, int width, int height)
    {
        string profile = Directory.CreateTempSubdirectory("prepgen-chromium-").FullName;
        try
        {
            // --no-sandbox: the sandbox refuses to start as root (CI containers); the page is our own, without script.
            var start = new ProcessStartInfo(Path!)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                $"--user-data-dir={profile}", $"--window-size={width},{height}", $"--screenshot={png}", new Uri(html).AbsoluteUri })
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            System.Threading.Tasks.Task<string> stderr = process.StandardError.ReadToEndAsync();
            System.Threading.Tasks.Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("chromium did not finish the screenshot within 120 s");
            }

            Assert.True(File.Exists(png), $"chromium wrote no screenshot (exit {process.ExitCode}): {stdout.Result} {stderr.Result}");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private static string? Find()
    {
        if (File.Exists("/usr/bin/chromium"))
        {
            return "/usr/bin/chromium";
        }

        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = System.IO.Path.Combine(folder, "chromium");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
