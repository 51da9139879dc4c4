using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PrepGen.Generator.State;

/// <summary>
/// One AdditionalFiles item split into lines, keyed by (path, content hash). Equality looks at the key
/// only: a 10^6-line vocabulary is compared by its hash, never line by line, and it is split, hashed and
/// checked for repeats (<see cref="Tokens"/>) once per content however many layers use it.
/// </summary>
internal sealed class StateFile : IEquatable<StateFile>
{
    private StateFile(string path, string contentHash, string[]? lines, string? error, bool mapped = false, int? invalidUtf8Line = null, TokenFacts? tokens = null)
    {
        InvalidUtf8Line = invalidUtf8Line;
        Mapped = mapped;
        Path = path;
        ContentHash = contentHash;
        Lines = lines ?? Array.Empty<string>();
        Error = error;
        Tokens = tokens ?? TokenFacts.Of(Lines);
    }

    /// <summary>The lines as string tokens: their hash, repeats and UTF-8 sizes, computed when the file is read.</summary>
    public TokenFacts Tokens { get; }

    private IntegerFacts? _integers;

    /// <summary>The lines as 64-bit integers (IntegerLookup), parsed on first use and then kept, as <see cref="Json"/>.</summary>
    public IntegerFacts Integers => _integers ??= TokenFacts.Integers(Lines);

    public string Path { get; }

    /// <summary>SHA-256 of the decoded text, hex (the generated code records it).</summary>
    public string ContentHash { get; }

    /// <summary>The lines, as TensorFlow's TextFileInitializer reads them: split on '\n', one trailing '\r' removed, a final newline optional.</summary>
    public string[] Lines { get; }

    /// <summary>
    /// The item has <c>PrepGenTable="mapped"</c> metadata: its lookup table is built by the build task into a
    /// file mapped at run time, instead of compiled (vocabularies too large to compile).
    /// </summary>
    public bool Mapped { get; }

    /// <summary>The AnalyzerConfig key of the item metadata (made visible by build/PrepGen.targets).</summary>
    public const string MappedMetadata = "build_metadata.AdditionalFiles.PrepGenTable";

    /// <summary>Why the file could not be read, or null.</summary>
    public string? Error { get; }

    /// <summary>
    /// The 1-based line of the first byte sequence that is not valid UTF-8, or null. The compiler first
    /// decodes a file as strict UTF-8; when that fails it decodes it again replacing bad bytes with U+FFFD
    /// (and the text's encoding then has a replacement fallback), so a U+FFFD in such a text marks them.
    /// </summary>
    public int? InvalidUtf8Line { get; }

    private JsonParseResult? _json;

    /// <summary>
    /// The file parsed as JSON (stats.json), on first use only and then kept: the pipeline keeps one
    /// StateFile per (path, content), so a stats file is parsed once per content however many layers
    /// read it. A race computes the same result twice, harmlessly.
    /// </summary>
    public JsonParseResult Json => _json ??= JsonReader.Parse(string.Join("\n", Lines));

    /// <summary>Element-wise equality of a collected set of files (a rebuilt array of equal files is unchanged).</summary>
    public static IEqualityComparer<System.Collections.Immutable.ImmutableArray<StateFile>> ArrayComparer { get; } = new FilesComparer();

    /// <summary>This file with the <see cref="Mapped"/> flag set as given (the lines are shared, not copied).</summary>
    public StateFile WithMapped(bool mapped) =>
        mapped == Mapped ? this : new StateFile(Path, ContentHash, Lines, Error, mapped, InvalidUtf8Line, Tokens) { _json = _json, _integers = _integers };

    /// <summary>A file that could not be read: every layer that names it reports <paramref name="reason"/>.</summary>
    public static StateFile Unreadable(string path, string reason) => new(path, "", null, reason);

    public static StateFile Load(AdditionalText file, CancellationToken cancellationToken)
    {
        SourceText? text;
        try
        {
            text = file.GetText(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Unreadable(file.Path, ex.Message);
        }

        if (text is null)
        {
            return Unreadable(file.Path, "the compiler could not read the file");
        }

        string content = text.ToString();
        string[] lines = VocabularyText.SplitLines(content).ToArray();
        return new StateFile(file.Path, Sha256(content), lines, null, invalidUtf8Line: ReplacedBytesLine(text, content, lines));
    }

    private static int? ReplacedBytesLine(SourceText text, string content, string[] lines)
    {
        if (text.Encoding is not { CodePage: 65001 } encoding || encoding.DecoderFallback is not DecoderReplacementFallback || content.IndexOf('\uFFFD') < 0)
        {
            return null;
        }

        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].IndexOf('\uFFFD') >= 0)
            {
                return i + 1;
            }
        }

        return 1;
    }

    /// <summary>Whether this file answers to <paramref name="requested"/>, a path suffix as written in an attribute.</summary>
    public bool Matches(string requested)
    {
        string path = Normalize(Path);
        string suffix = Normalize(requested);
        while (suffix.StartsWith("./", StringComparison.Ordinal))
        {
            suffix = suffix.Substring(2);
        }

        return suffix.Length > 0
            && (string.Equals(path, suffix, StringComparison.Ordinal)
                || path.EndsWith("/" + suffix, StringComparison.Ordinal));
    }

    public bool Equals(StateFile? other) =>
        other is not null && Path == other.Path && ContentHash == other.ContentHash && Error == other.Error && Mapped == other.Mapped && InvalidUtf8Line == other.InvalidUtf8Line;

    public override bool Equals(object? obj) => Equals(obj as StateFile);

    public override int GetHashCode() => (Path.GetHashCode() * 31) ^ ContentHash.GetHashCode();

    private static string Normalize(string path) => path.Replace('\\', '/');

    private static string Sha256(string content)
    {
        using var sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(content));
        var builder = new StringBuilder(hash.Length * 2);
        foreach (byte b in hash)
        {
            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private sealed class FilesComparer : IEqualityComparer<System.Collections.Immutable.ImmutableArray<StateFile>>
    {
        public bool Equals(System.Collections.Immutable.ImmutableArray<StateFile> x, System.Collections.Immutable.ImmutableArray<StateFile> y) =>
            x.Length == y.Length && System.Linq.Enumerable.SequenceEqual(x, y);

        public int GetHashCode(System.Collections.Immutable.ImmutableArray<StateFile> obj) => obj.Length;
    }
}
