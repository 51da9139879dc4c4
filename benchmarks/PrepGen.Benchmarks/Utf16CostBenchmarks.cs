using System.Runtime.CompilerServices;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace PrepGen.Benchmarks;

/// <summary>
/// Profile of the generated UTF-16 lookup path (50k vocabulary, the LookupBenchmarks queries, per key): where do
/// the nanoseconds between PrepGen_Utf8 and PrepGen_Span go? Each step re-does what PrepGen.Runtime.Utf16Keys
/// does (stackalloc byte[768], Encoding.UTF8.GetBytes, then the layer's UTF-8 index) with one thing changed.
/// Diagnostic only: not one of issue 6's comparisons.
/// </summary>
[MemoryDiagnoser]
public class Utf16CostBenchmarks
{
    private const int Keys = 4096;
    private string[] _queries = [];
    private byte[][] _utf8 = [];

    [GlobalSetup]
    public void Setup()
    {
        _queries = BenchData.Queries(BenchData.Lines("vocab-50k.txt"), Keys, 0.2, seed: 6);
        _utf8 = [.. _queries.Select(Encoding.UTF8.GetBytes)];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Keys)]
    public long Utf8_Generated()
    {
        long sum = 0;
        foreach (byte[] q in _utf8)
        {
            sum += Layers.Lookup50kUtf8(q);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Keys)]
    public long Span_Generated()
    {
        long sum = 0;
        foreach (string q in _queries)
        {
            sum += Layers.Lookup50kSpan(q);
        }

        return sum;
    }

    /// <summary>As Utf16Keys: a zero-initialised stackalloc byte[768] per key, Encoding.UTF8.GetBytes, UTF-8 index.</summary>
    [Benchmark(OperationsPerInvoke = Keys)]
    public long Span_Copy_Zeroed768()
    {
        long sum = 0;
        foreach (string q in _queries)
        {
            sum += Zeroed768(q);
        }

        return sum;
    }

    /// <summary>The same without zeroing the 768 bytes ([SkipLocalsInit]).</summary>
    [Benchmark(OperationsPerInvoke = Keys)]
    public long Span_Copy_SkipLocalsInit768()
    {
        long sum = 0;
        foreach (string q in _queries)
        {
            sum += SkipInit768(q);
        }

        return sum;
    }

    /// <summary>Transcode only (no lookup), zeroed 768 bytes: the cost of the front end alone.</summary>
    [Benchmark(OperationsPerInvoke = Keys)]
    public long Transcode_Only_Zeroed768()
    {
        long sum = 0;
        foreach (string q in _queries)
        {
            sum += TranscodeOnly(q);
        }

        return sum;
    }

    /// <summary>
    /// UTF-8 lookups made dependent (each key's index depends on the previous result), so the CPU cannot
    /// overlap the cache misses of consecutive lookups: the latency of one lookup rather than the throughput.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Keys)]
    public long Utf8_Generated_Dependent()
    {
        long sum = 0;
        for (int i = 0; i < _utf8.Length; i++)
        {
            sum += Layers.Lookup50kUtf8(_utf8[(i + (int)(sum >> 62)) & (Keys - 1)]);
        }

        return sum;
    }

    /// <summary>The span path made dependent in the same way.</summary>
    [Benchmark(OperationsPerInvoke = Keys)]
    public long Span_Generated_Dependent()
    {
        long sum = 0;
        for (int i = 0; i < _queries.Length; i++)
        {
            sum += Layers.Lookup50kSpan(_queries[(i + (int)(sum >> 62)) & (Keys - 1)]);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Zeroed768(ReadOnlySpan<char> value)
    {
        Span<byte> utf8 = stackalloc byte[768];
        int length = Encoding.UTF8.GetBytes(value, utf8);
        return Layers.Lookup50kUtf8(utf8[..length]);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    private static long SkipInit768(ReadOnlySpan<char> value)
    {
        Span<byte> utf8 = stackalloc byte[768];
        int length = Encoding.UTF8.GetBytes(value, utf8);
        return Layers.Lookup50kUtf8(utf8[..length]);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long TranscodeOnly(ReadOnlySpan<char> value)
    {
        Span<byte> utf8 = stackalloc byte[768];
        return Encoding.UTF8.GetBytes(value, utf8);
    }
}
