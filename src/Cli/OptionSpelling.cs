using System;
using System.Linq;

namespace PrepGen.Cli;

/// <summary>The command-line spellings of the enum options: parsed by adapt, written into and read back from partial states.</summary>
internal static class OptionSpelling
{
    public static readonly (string Name, OutputMode Value)[] OutputModes =
    [
        ("int", OutputMode.Int), ("one-hot", OutputMode.OneHot), ("multi-hot", OutputMode.MultiHot), ("count", OutputMode.Count), ("tf-idf", OutputMode.TfIdf),
    ];

    public static readonly (string Name, Standardize Value)[] Standardizes =
    [
        ("lower-and-strip-punctuation", Standardize.LowerAndStripPunctuation), ("lower", Standardize.Lower),
        ("strip-punctuation", Standardize.StripPunctuation), ("none", Standardize.None),
    ];

    public static readonly (string Name, Split Value)[] Splits = [("whitespace", Split.Whitespace), ("character", Split.Character), ("none", Split.None)];

    public static string NameOf<T>((string Name, T Value)[] table, T value)
        where T : struct, Enum => table.First(entry => entry.Value.Equals(value)).Name;

    public static T ValueOf<T>((string Name, T Value)[] table, string name)
        where T : struct, Enum => table.First(entry => entry.Name == name).Value;
}
