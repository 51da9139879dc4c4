using System.Collections.Frozen;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace PrepGen.Benchmarks;

/// <summary>
/// StringLookup (Int mode) over 50k and 1M-token vocabularies, ~20% misses, 4,096 keys per operation
/// (figures are per key). Each category pairs the generated layer with its strongest alternative (Baseline).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class LookupBenchmarks
{
    private const int Keys = 4096;

    private string[] _queries = [];
    private byte[][] _utf8 = [];
    private long[] _ids = new long[Keys];
    private Dictionary<string, int> _dictionary = [];
    private FrozenDictionary<string, int> _frozen = FrozenDictionary<string, int>.Empty;
    private FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _frozenSpan;

    [Params("50k", "1m")]
    public string Size { get; set; } = "50k";

    [GlobalSetup]
    public void Setup()
    {
        string[] vocabulary = BenchData.Lines("vocab-" + Size + ".txt");
        _queries = BenchData.Queries(vocabulary, Keys, 0.2, seed: 6);
        _utf8 = [.. _queries.Select(Encoding.UTF8.GetBytes)];
        // Keras StringLookup ids: 0 = OOV, token i (0-based line) -> i + 1.
        _dictionary = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (int i = 0; i < vocabulary.Length; i++)
        {
            _dictionary[vocabulary[i]] = i + 1;
        }

        _frozen = _dictionary.ToFrozenDictionary(StringComparer.Ordinal);
        _frozenSpan = _frozen.GetAlternateLookup<ReadOnlySpan<char>>();

        // The generated layer must agree with the dictionaries on every query before anything is timed.
        foreach (string q in _queries)
        {
            long expected = _dictionary.TryGetValue(q, out int id) ? id : 0;
            long actual = Size == "50k" ? Layers.Lookup50k(q) : Layers.Lookup1mSpan(q);
            long utf8 = Size == "50k" ? Layers.Lookup50kUtf8(Encoding.UTF8.GetBytes(q)) : Layers.Lookup1mUtf8(Encoding.UTF8.GetBytes(q));
            if (actual != expected || utf8 != expected)
            {
                throw new InvalidOperationException($"lookup mismatch for '{q}': dictionary {expected}, generated {actual}, utf8 {utf8}");
            }
        }

        if (Math.Abs(_queries.Count(q => !_dictionary.ContainsKey(q)) / (double)Keys - 0.2) > 0.03)
        {
            throw new InvalidOperationException("miss rate is not ~20%");
        }
    }

    // ---- string input ----

    [Benchmark(Baseline = true, OperationsPerInvoke = Keys), BenchmarkCategory("string")]
    public long FrozenDictionary_String()
    {
        long sum = 0;
        foreach (string q in _queries)
        {
            sum += _frozen.TryGetValue(q, out int id) ? id : 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Keys), BenchmarkCategory("string")]
    public long Dictionary_String()
    {
        long sum = 0;
        foreach (string q in _queries)
        {
            sum += _dictionary.TryGetValue(q, out int id) ? id : 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Keys), BenchmarkCategory("string")]
    public long PrepGen_String()
    {
        long sum = 0;
        if (Size == "50k")
        {
            foreach (string q in _queries)
            {
                sum += Layers.Lookup50k(q);
            }
        }
        else
        {
            foreach (string q in _queries)
            {
                sum += Layers.Lookup1mSpan(q); // no separate 1M string method: see Layers.cs
            }
        }

        return sum;
    }

    // ---- ReadOnlySpan<char> input ----

    [Benchmark(Baseline = true, OperationsPerInvoke = Keys), BenchmarkCategory("span")]
    public long FrozenDictionary_AlternateSpan()
    {
        long sum = 0;
        foreach (string q in _queries)
        {
            sum += _frozenSpan.TryGetValue(q.AsSpan(), out int id) ? id : 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Keys), BenchmarkCategory("span")]
    public long PrepGen_Span()
    {
        long sum = 0;
        if (Size == "50k")
        {
            foreach (string q in _queries)
            {
                sum += Layers.Lookup50kSpan(q.AsSpan());
            }
        }
        else
        {
            foreach (string q in _queries)
            {
                sum += Layers.Lookup1mSpan(q.AsSpan());
            }
        }

        return sum;
    }

    // ---- UTF-8 input ----

    /// <summary>The best FrozenDictionary route for UTF-8: transcode to a stack char buffer, then the alternate lookup.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Keys), BenchmarkCategory("utf8")]
    public long FrozenDictionary_Utf8Transcode()
    {
        long sum = 0;
        Span<char> buffer = stackalloc char[64];
        foreach (byte[] q in _utf8)
        {
            if (q.Length > buffer.Length)
            {
                continue; // longer than any vocabulary token: OOV
            }

            int n = Encoding.UTF8.GetChars(q, buffer);
            sum += _frozenSpan.TryGetValue(buffer[..n], out int id) ? id : 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Keys), BenchmarkCategory("utf8")]
    public long PrepGen_Utf8()
    {
        long sum = 0;
        if (Size == "50k")
        {
            foreach (byte[] q in _utf8)
            {
                sum += Layers.Lookup50kUtf8(q);
            }
        }
        else
        {
            foreach (byte[] q in _utf8)
            {
                sum += Layers.Lookup1mUtf8(q);
            }
        }

        return sum;
    }

    // ---- batch: ReadOnlySpan<string> -> Span<long> ----

    [Benchmark(Baseline = true, OperationsPerInvoke = Keys), BenchmarkCategory("batch")]
    public long FrozenDictionary_BatchLoop()
    {
        ReadOnlySpan<string> queries = _queries;
        Span<long> ids = _ids;
        for (int i = 0; i < queries.Length; i++)
        {
            ids[i] = _frozen.TryGetValue(queries[i], out int id) ? id : 0;
        }

        return ids[^1];
    }

    [Benchmark(OperationsPerInvoke = Keys), BenchmarkCategory("batch")]
    public long PrepGen_Batch()
    {
        if (Size == "50k")
        {
            Layers.Lookup50kBatch(_queries, _ids);
        }
        else
        {
            // No generated 1M batch method (see Layers.cs): the same loop as the baseline over the span method.
            ReadOnlySpan<string> queries = _queries;
            for (int i = 0; i < queries.Length; i++)
            {
                _ids[i] = Layers.Lookup1mSpan(queries[i]);
            }
        }

        return _ids[^1];
    }
}
