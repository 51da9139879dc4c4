using PrepGen;

namespace QuickStart;

/// <summary>Keras preprocessing layers, compiled: each attribute becomes an allocation-free encoder.</summary>
public static partial class Encoders
{
    /// <summary>City name to index: 0 is OOV, 1..4 the tokens of state/city.txt.</summary>
    [StringLookup(VocabularyFile = "state/city.txt")]
    public static partial long City(string city);

    /// <summary>The same vocabulary, one-hot: 5 floats.</summary>
    [StringLookup(VocabularyFile = "state/city.txt", OutputMode = OutputMode.OneHot)]
    public static partial void CityOneHot(string city, Span<float> output);

    /// <summary>Room counts with a mask value 0 and two OOV buckets (FloorMod, as Keras).</summary>
    [IntegerLookup(VocabularyFile = "state/rooms.txt", MaskToken = 0, NumOovIndices = 2)]
    public static partial long Rooms(long rooms);

    /// <summary>The guide's StringLookup: vocabulary a, b, c, d.</summary>
    [StringLookup(Vocabulary = new[] { "a", "b", "c", "d" })]
    public static partial void Letters(ReadOnlySpan<string> values, Span<long> indices);

    /// <summary>Hashing trick with a SipHash salt, 64 bins, as the guide's example.</summary>
    [Hashing(NumBins = 64, Salt = 1337)]
    public static partial long Bucket(long value);

    /// <summary>Tags multi-hot over the hashed bins.</summary>
    [Hashing(NumBins = 8, OutputMode = OutputMode.MultiHot)]
    public static partial void Tags(ReadOnlySpan<string> tags, Span<float> output);

    /// <summary>City crossed with room count.</summary>
    [HashedCrossing(NumBins = 16)]
    public static partial long CityByRooms(string city, long rooms);

    /// <summary>Category ids to counts.</summary>
    [CategoryEncoding(NumTokens = 6, OutputMode = OutputMode.Count)]
    public static partial void Amenities(ReadOnlySpan<long> ids, Span<float> output);
}
