// Compiled into the generator and, linked, into the build task (src/Build): both must read a vocabulary
// file into the same tokens and hash them the same way, or a mapped table would not match its layer.
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace PrepGen.Generator.State;

/// <summary>How a vocabulary file's text becomes tokens, and the content hash of a token list.</summary>
internal static class VocabularyText
{
    /// <summary>One entry per line: split on '\n', a trailing '\r' dropped, no final empty line.</summary>
    public static List<string> SplitLines(string content)
    {
        var lines = new List<string>();
        int start = 0;
        while (start < content.Length)
        {
            int end = content.IndexOf('\n', start);
            int next = end < 0 ? content.Length : end + 1;
            int stop = end < 0 ? content.Length : end;
            if (stop > start && content[stop - 1] == '\r')
            {
                stop--;
            }

            lines.Add(content.Substring(start, stop - start));
            start = next;
        }

        return lines;
    }

    /// <summary>SHA-256 (hex) of the tokens, each as its length, ':' and itself: order and boundaries count.</summary>
    public static string TokenHash(IEnumerable<string> tokens)
    {
        using var sha = SHA256.Create();
        var builder = new StringBuilder();
        foreach (string token in tokens)
        {
            builder.Append(token.Length).Append(':').Append(token);
        }

        byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(builder.ToString()));
        return string.Concat(hash.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
