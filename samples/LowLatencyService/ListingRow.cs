using System.Text.Json.Serialization;
using PrepGen;

namespace LowLatencyService;

/// <summary>The feature row the service receives as JSON; the generator adds EncodedWidth, Encode and EncodeBatch.</summary>
[FeatureRecord]
public sealed partial class ListingRow
{
    [StringLookup(VocabularyFile = "state/city.txt")]
    public string City { get; set; } = "";

    [StringLookup(Vocabulary = new[] { "apartment", "house", "condo", "loft", "studio", "villa" }, OutputMode = OutputMode.OneHot)]
    public string PropertyType { get; set; } = "";

    [Hashing(NumBins = 1024)]
    public string HostId { get; set; } = "";

    [IntegerLookup(Vocabulary = new long[] { 1, 2, 3, 4, 5, 6, 7, 8 })]
    public long Rooms { get; set; }

    [IntegerLookup(Vocabulary = new long[] { 1, 2, 3, 4 }, OutputMode = OutputMode.OneHot)]
    public long Bathrooms { get; set; }

    [Hashing(NumBins = 4096)]
    public long ZipCode { get; set; }

    [CategoryEncoding(NumTokens = 16, OutputMode = OutputMode.MultiHot)]
    public long[] Amenities { get; set; } = [];

    [StringLookup(Vocabulary = new[] { "quiet", "central", "view", "garden", "pets", "parking", "family", "business", "beach", "historic", "modern", "cozy" }, OutputMode = OutputMode.MultiHot)]
    public string[] Tags { get; set; } = [];

    [TextVectorization(VocabularyFile = "state/title.txt", OutputSequenceLength = 12)]
    public string Title { get; set; } = "";
}

/// <summary>Source-generated JSON (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ListingRow))]
[JsonSerializable(typeof(float[]))]
internal sealed partial class AppJsonContext : JsonSerializerContext
{
}
