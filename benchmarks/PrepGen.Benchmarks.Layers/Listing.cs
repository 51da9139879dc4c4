using PrepGen;

namespace PrepGen.Benchmarks;

/// <summary>A listing row of ten mixed members (the shape of FeatureRecordTests): 58 floats.</summary>
[FeatureRecord]
public sealed partial class Listing
{
    public static readonly string[] PropertyTypes = ["apartment", "house", "condo", "loft", "studio", "villa"];
    public static readonly string[] TagNames = ["quiet", "central", "view", "garden", "pets", "parking", "family", "business", "beach", "historic", "modern", "cozy"];

    [StringLookup(VocabularyFile = "vocab-2k.txt")]
    public string City { get; init; } = "";

    [StringLookup(VocabularyFile = "vocab-20k.txt")]
    public string Street { get; init; } = "";

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

    [TextVectorization(VocabularyFile = "vocab-20k.txt", OutputSequenceLength = 12)]
    public string Title { get; init; } = "";
}
