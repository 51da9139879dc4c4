namespace PrepGen.Generator.Model;

/// <summary>Mirrors of <c>PrepGen.Standardize</c> and <c>PrepGen.Split</c> (a test keeps them identical).</summary>
internal enum StandardizeMode
{
    LowerAndStripPunctuation,
    Lower,
    StripPunctuation,
    None,
}

internal enum SplitMode
{
    Whitespace,
    Character,
    None,
}

/// <summary>TextVectorization's pipeline options, validated.</summary>
internal sealed record TextOptions(StandardizeMode Standardize, SplitMode Split, EquatableArray<int> NgramWidths, int SequenceLength);
