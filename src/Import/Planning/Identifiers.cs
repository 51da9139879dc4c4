using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PrepGen.Import.Planning;

/// <summary>C# names derived from Keras names.</summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// PascalCase: split on every character that is not a letter or digit, capitalise the first letter of
    /// each part and keep the rest; a leading digit gets <c>_</c>; nothing left gives <paramref name="empty"/>.
    /// </summary>
    public static string Pascal(string name, string empty = "Input")
    {
        var builder = new StringBuilder();
        foreach (string part in Split(name))
        {
            builder.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        }

        if (builder.Length == 0)
        {
            return empty;
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="name"/> is a valid C# identifier that is not a keyword.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0
        && (char.IsLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsLetterOrDigit(c) || c == '_')
        && !Keywords.Contains(name);

    /// <summary>Whether <paramref name="name"/> is a dotted namespace of identifiers.</summary>
    public static bool IsNamespace(string name) => name.Split('.').All(IsIdentifier);

    /// <summary>A namespace from a folder name: invalid characters become <c>_</c>, a leading digit gets <c>_</c>.</summary>
    public static string Namespace(string folderName)
    {
        var parts = folderName.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var builder = new StringBuilder(part.Length + 1);
            foreach (char c in part)
            {
                builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
            }

            string result = builder.ToString();
            return result.Length == 0 || char.IsDigit(result[0]) || Keywords.Contains(result) ? "_" + result : result;
        }).ToList();
        return parts.Count == 0 ? "Models" : string.Join(".", parts);
    }

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static IEnumerable<string> Split(string name)
    {
        int start = -1;
        for (int i = 0; i <= name.Length; i++)
        {
            bool word = i < name.Length && char.IsLetterOrDigit(name[i]);
            if (word && start < 0)
            {
                start = i;
            }
            else if (!word && start >= 0)
            {
                yield return name[start..i];
                start = -1;
            }
        }
    }
}

/// <summary>Hands out unique member names within one record: collisions get 2, 3, ... in request order.</summary>
internal sealed class NameSet
{
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    public NameSet(string typeName)
    {
        // Members the generator or the record itself declares; a member may not share the type's name.
        foreach (string reserved in new[] { typeName, "EncodedWidth", "Encode", "EncodeBatch", "CheckKerasSamples", "KerasSampleMismatch", "KerasSampleReport", "EncodedColumns", "SampleColumns", "SampleField", "SampleArray",
                     "Equals", "GetHashCode", "ToString", "Deconstruct", "EqualityContract", "PrintMembers", "GetType", "MemberwiseClone", "Finalize" })
        {
            used.Add(reserved);
        }
    }

    public string Take(string wanted)
    {
        if (used.Add(wanted))
        {
            return wanted;
        }

        for (int n = 2; ; n++)
        {
            string candidate = wanted + n.ToString(CultureInfo.InvariantCulture);
            if (used.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
