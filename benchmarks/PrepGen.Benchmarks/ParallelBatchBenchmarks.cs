using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PrepGen.Batching;

namespace PrepGen.Benchmarks;

/// <summary>
/// 100k-row batches (issue 13, "all cores for big batches"): each generated batch method serially, then through
/// <see cref="ParallelBatch.Run{TRow, TOut}"/> on every core. Lookups (50k vocabulary, 20% misses), TextVectorization
/// int (~200-char documents, 256 ids per row) and the 58-float <see cref="Listing"/> record.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ParallelBatchBenchmarks
{
    private const int Rows = 100_000;

    private string[] _queries = [];
    private long[] _ids = [];
    private string[] _documents = [];
    private long[] _tokenIds = [];
    private Listing[] _listings = [];
    private float[] _features = [];

    [GlobalSetup]
    public void Setup()
    {
        _queries = BenchData.Queries(BenchData.Lines("vocab-50k.txt"), Rows, missRate: 0.2, seed: 31);
        _ids = new long[Rows];
        _documents = BenchData.Documents(BenchData.Lines("vocab-20k.txt"), Rows, targetChars: 200, seed: 32);
        _tokenIds = new long[Rows * Layers.SequenceLength];
        _listings = ListingRows.Create(Rows, seed: 33);
        _features = new float[Rows * Listing.EncodedWidth];

        var serial = new float[_features.Length];
        Listing.EncodeBatch(_listings, serial);
        ParallelBatch.Run<Listing, float>(_listings, _features, Listing.EncodedWidth, Listing.EncodeBatch);
        if (!serial.AsSpan().SequenceEqual(_features))
        {
            throw new InvalidOperationException("parallel and serial record batches differ");
        }

        Console.WriteLine($"// {Environment.ProcessorCount} cores; chunk rows: lookups {ParallelBatch.ChunkRows(Rows, 1, 8, Environment.ProcessorCount)}, " +
            $"text {ParallelBatch.ChunkRows(Rows, Layers.SequenceLength, 8, Environment.ProcessorCount)}, records {ParallelBatch.ChunkRows(Rows, Listing.EncodedWidth, 4, Environment.ProcessorCount)}");
    }

    [Benchmark(Baseline = true), BenchmarkCategory("lookup-100k")]
    public long Lookup_Serial()
    {
        Layers.Lookup50kBatch(_queries, _ids);
        return _ids[^1];
    }

    [Benchmark, BenchmarkCategory("lookup-100k")]
    public long Lookup_Parallel()
    {
        ParallelBatch.Run<string, long>(_queries, _ids, 1, Layers.Lookup50kBatch);
        return _ids[^1];
    }

    [Benchmark(Baseline = true), BenchmarkCategory("text-100k")]
    public long Text_Serial()
    {
        Layers.TextIdsBatch(_documents, _tokenIds);
        return _tokenIds[^1];
    }

    [Benchmark, BenchmarkCategory("text-100k")]
    public long Text_Parallel()
    {
        ParallelBatch.Run<string, long>(_documents, _tokenIds, Layers.SequenceLength, Layers.TextIdsBatch);
        return _tokenIds[^1];
    }

    [Benchmark(Baseline = true), BenchmarkCategory("record-100k")]
    public float Record_Serial()
    {
        Listing.EncodeBatch(_listings, _features);
        return _features[^1];
    }

    [Benchmark, BenchmarkCategory("record-100k")]
    public float Record_Parallel()
    {
        ParallelBatch.Run<Listing, float>(_listings, _features, Listing.EncodedWidth, Listing.EncodeBatch);
        return _features[^1];
    }
}
