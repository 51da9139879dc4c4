using System.Collections.Frozen;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace PrepGen.Benchmarks;

/// <summary>
/// Mapped tables (vocabularies marked PrepGenTable="mapped"), per key, 4,096 keys per operation, 20% misses,
/// against the COMPILED table over the same 1M tokens (mapped-1m.txt is a copy of vocab-1m.txt): "as fast
/// as the compiled table". The 10^7-token case is <see cref="VeryLargeLookupBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MappedLookupBenchmarks
{
    private const int Keys = 4096;

    private string[] _queries1m = [];
    private byte[][] _utf81m = [];

    [GlobalSetup]
    public void Setup()
    {
        string[] vocabulary1m = BenchData.Lines("vocab-1m.txt");
        _queries1m = BenchData.Queries(vocabulary1m, Keys, 0.2, seed: 6);
        _utf81m = [.. _queries1m.Select(Encoding.UTF8.GetBytes)];
        foreach (string q in _queries1m)
        {
            Check(q, Layers.Lookup1mSpan(q), Layers.Mapped1mSpan(q), Layers.Mapped1mUtf8(Encoding.UTF8.GetBytes(q)));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Keys), BenchmarkCategory("utf8-1m")]
    public long Compiled_Utf8_1m()
    {
        long sum = 0;
        foreach (byte[] q in _utf81m)
        {
            sum += Layers.Lookup1mUtf8(q);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Keys), BenchmarkCategory("utf8-1m")]
    public long Mapped_Utf8_1m()
    {
        long sum = 0;
        foreach (byte[] q in _utf81m)
        {
            sum += Layers.Mapped1mUtf8(q);
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Keys), BenchmarkCategory("span-1m")]
    public long Compiled_Span_1m()
    {
        long sum = 0;
        foreach (string q in _queries1m)
        {
            sum += Layers.Lookup1mSpan(q);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Keys), BenchmarkCategory("span-1m")]
    public long Mapped_Span_1m()
    {
        long sum = 0;
        foreach (string q in _queries1m)
        {
            sum += Layers.Mapped1mSpan(q);
        }

        return sum;
    }

    internal static void Check(string query, long expected, long span, long utf8)
    {
        if (span != expected || utf8 != expected)
        {
            throw new InvalidOperationException($"mapped lookup mismatch for '{query}': expected {expected}, span {span}, utf8 {utf8}");
        }
    }
}

#if PREPGEN_VERY_LARGE
/// <summary>
/// Issue 6's 10^7-token case (opt-in build: -p:PrepGenVeryLarge=true): a mapped table, which is the only way
/// such a vocabulary ships, against FrozenDictionary. Per key, 4,096 keys per operation, 20% misses.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class VeryLargeLookupBenchmarks
{
    private const int Keys = 4096;

    private string[] _queries10m = [];
    private byte[][] _utf810m = [];
    private FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _frozen10m;

    [GlobalSetup]
    public void Setup()
    {
        string[] vocabulary10m = BenchData.Lines("vocab-10m.txt");
        _queries10m = BenchData.Queries(vocabulary10m, Keys, 0.2, seed: 7);
        _utf810m = [.. _queries10m.Select(Encoding.UTF8.GetBytes)];
        var dictionary = new Dictionary<string, int>(vocabulary10m.Length, StringComparer.Ordinal);
        for (int i = 0; i < vocabulary10m.Length; i++)
        {
            dictionary[vocabulary10m[i]] = i + 1;
        }

        _frozen10m = dictionary.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (string q in _queries10m)
        {
            long expected = _frozen10m.TryGetValue(q, out int id) ? id : 0;
            MappedLookupBenchmarks.Check(q, expected, Layers.Mapped10mSpan(q), Layers.Mapped10mUtf8(Encoding.UTF8.GetBytes(q)));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Keys), BenchmarkCategory("span-10m")]
    public long FrozenDictionary_AlternateSpan_10m()
    {
        long sum = 0;
        foreach (string q in _queries10m)
        {
            sum += _frozen10m.TryGetValue(q, out int id) ? id : 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Keys), BenchmarkCategory("span-10m")]
    public long Mapped_Span_10m()
    {
        long sum = 0;
        foreach (string q in _queries10m)
        {
            sum += Layers.Mapped10mSpan(q);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Keys), BenchmarkCategory("span-10m")]
    public long Mapped_Utf8_10m()
    {
        long sum = 0;
        foreach (byte[] q in _utf810m)
        {
            sum += Layers.Mapped10mUtf8(q);
        }

        return sum;
    }
}
#endif
