using BenchmarkDotNet.Attributes;

namespace PrepGen.Benchmarks;

/// <summary>
/// Diagnostic for FeatureRecordBenchmarks (not one of issue 6's comparisons): the share of the row's ~40-char
/// title, i.e. TextVectorization of the same 1,024 titles, tuned FrozenDictionary code vs the generated layer
/// (Layers.TextIds: same vocabulary and standardization as the record's title, without its 12-id padding).
/// Per title.
/// </summary>
[MemoryDiagnoser]
public class FeatureRecordTitleBenchmarks
{
    private string[] _titles = [];
    private TextBaselines _tuned = null!;
    private readonly long[] _ids = new long[64];

    [GlobalSetup]
    public void Setup()
    {
        _titles = ListingRows.Create(1024, seed: 10).Select(r => r.Title).ToArray();
        _tuned = new TextBaselines(BenchData.Lines("vocab-20k.txt"));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 1024)]
    public long Title_Tuned_FrozenSpan()
    {
        long s = 0;
        foreach (string t in _titles)
        {
            s += _tuned.TunedIds(t, _ids);
        }

        return s;
    }

    [Benchmark(OperationsPerInvoke = 1024)]
    public long Title_PrepGen()
    {
        long s = 0;
        foreach (string t in _titles)
        {
            s += Layers.TextIds(t, _ids);
        }

        return s;
    }
}
