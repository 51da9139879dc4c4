using System.Text.Json.Serialization;
using PrepGen;

namespace LowLatencyService;

/// <summary>The feature row the service receives as JSON; the generator adds EncodedWidth, Encode and EncodeBatch.</summary>
[FeatureRecord]
public sealed partial class ListingRow
{
    [StringLookup(VocabularyFile = "state/city.txt")]
    public string City { get; init; } = "";

    [StringLookup(Vocabulary = new[] { "apartment", "house", "condo", "loft", "studio", "villa" }, OutputMode = OutputMode.OneHot)]
    public string PropertyType { get; init; } = "";

    [Hashing(NumBins = 1024)]
    public string HostId { get; init; } = "";

    [IntegerLookup(Vocabulary = new long[] { 1, 2, 3, 4, 5, 6, 7, 8 })]
    public long Rooms { get; init; }

    [IntegerLookup(Vocabulary = new long[] { 1, 2, 3, 4 }, OutputMode = OutputMode.OneHot)]
    public long Bathrooms { get; init; }

    [Hashing(NumBins = 4096)]
    public long ZipCode { get; init; }

    [CategoryEncoding(NumTokens = 16, OutputMode = OutputMode.MultiHot)]
    public long[] Amenities { get; init; } = [];

    [StringLookup(Vocabulary = new[] { "quiet", "central", "view", "garden", "pets", "parking", "family", "business", "beach", "historic", "modern", "cozy" }, OutputMode = OutputMode.MultiHot)]
    public string[] Tags { get; init; } = [];

    [TextVectorization(VocabularyFile = "state/title.txt", OutputSequenceLength = 12)]
    public string Title { get; init; } = "";
}

/// <summary>Source-generated JSON (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ListingRow))]
[JsonSerializable(typeof(float[]))]
internal sealed partial class AppJsonContext : JsonSerializerContext
{
}
