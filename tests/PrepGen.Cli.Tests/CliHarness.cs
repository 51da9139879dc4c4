using System.IO;
using System.Text;

namespace PrepGen.Cli.Tests;

/// <summary>A temp folder and an in-process <c>prepgen</c> run capturing stdout and stderr.</summary>
public sealed class CliHarness : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("prepgen-cli-").FullName;

    public string Stdout { get; private set; } = "";

    public string Stderr { get; private set; } = "";

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string Write(string name, string content)
    {
        string path = PathOf(name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public int Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = PrepGenCli.Run(args, stdout, stderr);
        Stdout = stdout.ToString();
        Stderr = stderr.ToString();
        return code;
    }

    public string[] Files() => Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
}
