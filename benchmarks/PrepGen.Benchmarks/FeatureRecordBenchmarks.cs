using System.Collections.Frozen;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PrepGen.Hashing;

namespace PrepGen.Benchmarks;

/// <summary>Seeded <see cref="Listing"/> rows.</summary>
public static class ListingRows
{
    /// <summary>Seeded rows: Zipf cities and streets (~5% unseen), realistic counts, a short title.</summary>
    public static Listing[] Create(int count, int seed)
    {
        string[] cities = BenchData.Lines("vocab-2k.txt");
        string[] streets = BenchData.Lines("vocab-20k.txt");
        var random = new Random(seed);
        var cityZipf = new BenchData.Zipf(cities.Length);
        var streetZipf = new BenchData.Zipf(streets.Length);
        string[] titles = BenchData.Documents(streets, count, targetChars: 40, seed: seed + 1);
        var rows = new Listing[count];
        for (int i = 0; i < count; i++)
        {
            rows[i] = new Listing
            {
                City = random.Next(20) == 0 ? "zzcity" + i : new string(cities[cityZipf.Next(random)]), // fresh instances, as parsed rows have
                Street = random.Next(20) == 0 ? "unseenstreet" : new string(streets[streetZipf.Next(random)]),
                PropertyType = random.Next(30) == 0 ? "castle" : Listing.PropertyTypes[random.Next(Listing.PropertyTypes.Length)],
                HostId = "host-" + random.Next(100_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Rooms = 1 + random.Next(10),
                Bathrooms = 1 + random.Next(5),
                ZipCode = 10_000 + random.Next(90_000),
                Amenities = [.. Enumerable.Range(0, random.Next(6)).Select(_ => (long)random.Next(16))],
                Tags = [.. Enumerable.Range(0, random.Next(4)).Select(_ => Listing.TagNames[random.Next(Listing.TagNames.Length)])],
                Title = titles[i].Length > 60 ? titles[i][..60] : titles[i],
            };
        }

        return rows;
    }
}

/// <summary>What a user writes today for the same 58 floats: FrozenDictionary lookups, Keras's FarmHash, a tuned tokenizer.</summary>
public sealed class HandWrittenListingEncoder
{
    public const int Width = 58;

    private readonly FrozenDictionary<string, int> _cities;
    private readonly FrozenDictionary<string, int> _streets;
    private readonly FrozenDictionary<string, int> _propertyTypes;
    private readonly FrozenDictionary<long, int> _rooms;
    private readonly FrozenDictionary<string, int> _tags;
    private readonly TextBaselines _title;

    public HandWrittenListingEncoder()
    {
        _cities = Index(BenchData.Lines("vocab-2k.txt"));
        _streets = Index(BenchData.Lines("vocab-20k.txt"));
        _propertyTypes = Index(Listing.PropertyTypes);
        _tags = Index(Listing.TagNames);
        _rooms = Enumerable.Range(1, 8).ToFrozenDictionary(r => (long)r, r => r);
        _title = new TextBaselines(BenchData.Lines("vocab-20k.txt"));
    }

    public void Encode(Listing row, Span<float> output)
    {
        output = output[..Width];
        output[0] = _cities.TryGetValue(row.City, out int city) ? city : 0;
        output[1] = _streets.TryGetValue(row.Street, out int street) ? street : 0;
        Span<float> type = output.Slice(2, 7);
        type.Clear();
        type[_propertyTypes.TryGetValue(row.PropertyType, out int t) ? t : 0] = 1;
        output[9] = KerasHash.Fingerprint64(row.HostId) % 1024;
        output[10] = _rooms.TryGetValue(row.Rooms, out int rooms) ? rooms : 0;
        Span<float> baths = output.Slice(11, 5);
        baths.Clear();
        baths[row.Bathrooms is >= 1 and <= 4 ? (int)row.Bathrooms : 0] = 1;
        output[16] = KerasHash.Fingerprint64(row.ZipCode) % 4096;
        Span<float> amenities = output.Slice(17, 16);
        amenities.Clear();
        foreach (long a in row.Amenities)
        {
            amenities[(int)a] = 1;
        }

        Span<float> tags = output.Slice(33, 13);
        tags.Clear();
        foreach (string tag in row.Tags)
        {
            tags[_tags.TryGetValue(tag, out int id) ? id : 0] = 1;
        }

        Span<long> ids = stackalloc long[64];
        int n = Math.Min(_title.TunedIds(row.Title, ids), 12);
        Span<float> title = output.Slice(46, 12);
        title.Clear();
        for (int i = 0; i < n; i++)
        {
            title[i] = ids[i];
        }
    }

    private static FrozenDictionary<string, int> Index(string[] tokens) =>
        tokens.Select((token, i) => (token, i)).ToFrozenDictionary(p => p.token, p => p.i + 1, StringComparer.Ordinal);
}

/// <summary>[FeatureRecord] Encode / EncodeBatch vs the hand-written encoder; 1,024 rows per operation (figures per row).</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FeatureRecordBenchmarks
{
    private const int Rows = 1024;

    private Listing[] _rows = [];
    private HandWrittenListingEncoder _hand = null!;
    private float[] _output = [];

    [GlobalSetup]
    public void Setup()
    {
        if (Listing.EncodedWidth != HandWrittenListingEncoder.Width)
        {
            throw new InvalidOperationException($"width {Listing.EncodedWidth}");
        }

        _rows = ListingRows.Create(Rows, seed: 10);
        _hand = new HandWrittenListingEncoder();
        _output = new float[Rows * Listing.EncodedWidth];
        var expected = new float[Listing.EncodedWidth];
        var actual = new float[Listing.EncodedWidth];
        foreach (Listing row in _rows)
        {
            _hand.Encode(row, expected);
            row.Encode(actual);
            if (!expected.AsSpan().SequenceEqual(actual))
            {
                throw new InvalidOperationException($"row differs: hand [{string.Join(",", expected)}] generated [{string.Join(",", actual)}]");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows), BenchmarkCategory("row")]
    public float HandWritten_Frozen_PerRow()
    {
        Span<float> output = _output.AsSpan(0, Listing.EncodedWidth);
        foreach (Listing row in _rows)
        {
            _hand.Encode(row, output);
        }

        return output[0];
    }

    [Benchmark(OperationsPerInvoke = Rows), BenchmarkCategory("row")]
    public float PrepGen_Encode_PerRow()
    {
        Span<float> output = _output.AsSpan(0, Listing.EncodedWidth);
        foreach (Listing row in _rows)
        {
            row.Encode(output);
        }

        return output[0];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows), BenchmarkCategory("batch")]
    public float HandWritten_Frozen_Batch()
    {
        int width = Listing.EncodedWidth;
        for (int i = 0; i < _rows.Length; i++)
        {
            _hand.Encode(_rows[i], _output.AsSpan(i * width, width));
        }

        return _output[^1];
    }

    [Benchmark(OperationsPerInvoke = Rows), BenchmarkCategory("batch")]
    public float PrepGen_EncodeBatch()
    {
        Listing.EncodeBatch(_rows, _output);
        return _output[^1];
    }
}
