using PrepGen;

namespace QuickStart;

/// <summary>
/// One row of data/listings.csv, encoded as Keras's FeatureSpace would: each attributed member is a Keras
/// layer whose state the prepgen tool learned from the CSV (adapt.sh), compiled into this assembly.
/// </summary>
[FeatureRecord]
public partial record Listing
{
    [StringLookup(VocabularyFile = "state/city.txt", OutputMode = OutputMode.OneHot)]
    public string City { get; init; } = "";

    [IntegerLookup(VocabularyFile = "state/rooms.txt", OutputMode = OutputMode.OneHot)]
    public long Rooms { get; init; }

    [Hashing(NumBins = 8, OutputMode = OutputMode.OneHot)]
    public long Zip { get; init; }

    [TextVectorization(VocabularyFile = "state/description.txt", MaxTokens = 24, OutputMode = OutputMode.MultiHot)]
    public string Description { get; init; } = "";

    [Normalization(StatsFile = "state/stats.json", StatsKey = "price")]
    public float Price { get; init; }

    [Discretization(StatsFile = "state/stats.json", StatsKey = "area", OutputMode = OutputMode.OneHot)]
    public float Area { get; init; }

    /// <summary>Not encoded: no layer attribute.</summary>
    public string Source { get; init; } = "listings.csv";
}

/// <summary>Layers as plain methods, straight from the Keras guide.</summary>
public static partial class Layers
{
    /// <summary>The guide's StringLookup: vocabulary a, b, c, d; index 0 is OOV.</summary>
    [StringLookup(Vocabulary = new[] { "a", "b", "c", "d" })]
    public static partial void Letters(ReadOnlySpan<string> values, Span<long> indices);

    /// <summary>The hashing trick with a SipHash salt, as the guide's example.</summary>
    [Hashing(NumBins = 64, Salt = 1337)]
    public static partial long Bucket(long value);

    /// <summary>City crossed with room count.</summary>
    [HashedCrossing(NumBins = 16)]
    public static partial long CityByRooms(string city, long rooms);
}
