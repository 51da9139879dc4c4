namespace PrepGen.Generator.Model;

/// <summary>TextVectorization's pipeline options, validated.</summary>
internal sealed record TextOptions(Standardize Standardize, Split Split, EquatableArray<int> NgramWidths, int SequenceLength);
