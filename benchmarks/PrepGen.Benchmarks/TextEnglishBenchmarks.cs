using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace PrepGen.Benchmarks;

/// <summary>
/// TextVectorization (int ids, lower_and_strip_punctuation, whitespace split) on real English (issue 13): the
/// vocabulary is Debian's wamerican word list standardized (88k words), the documents 64 of the ~1 KB
/// documents joined from Debian's fortunes (benchmarks/corpus/english.sh, run by the build). Generated vs
/// (a) idiomatic and (b) tuned span + FrozenDictionary code; GlobalSetup checks that all three give the same ids.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TextEnglishBenchmarks
{
    private const int Docs = 64;

    private string[] _docs = [];
    private TextBaselines _baselines = null!;
    private readonly long[] _ids = new long[4096];

    [GlobalSetup]
    public void Setup()
    {
        string[] all = BenchData.Lines("english-docs.txt");
        _docs = [.. Enumerable.Range(0, Docs).Select(i => all[i * all.Length / Docs])]; // spread over every fortune file
        _baselines = new TextBaselines(BenchData.Lines("english-vocab.txt"));
        var generated = new long[4096];
        var idiomatic = new long[4096];
        var tuned = new long[4096];
        long tokens = 0, oov = 0;
        foreach (string doc in _docs)
        {
            int g = Layers.EnglishIds(doc, generated);
            int a = _baselines.IdiomaticIds(doc, idiomatic);
            int b = _baselines.TunedIds(doc, tuned);
            if (g != a || g != b || !generated.AsSpan(0, g).SequenceEqual(idiomatic.AsSpan(0, a)) || !generated.AsSpan(0, g).SequenceEqual(tuned.AsSpan(0, b)))
            {
                throw new InvalidOperationException($"TextVectorization ids differ: generated {g}, idiomatic {a}, tuned {b} tokens on \"{doc[..60]}...\"");
            }

            tokens += g;
            oov += generated.AsSpan(0, g).Count(1L);
        }

        Console.WriteLine($"// English check: generated == idiomatic == tuned on {Docs} documents ({_docs.Sum(d => d.Length) / Docs} chars, " +
            $"{tokens / Docs} tokens on average, {100.0 * oov / tokens:F1}% OOV)");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Docs), BenchmarkCategory("english-int-doc")]
    public long English_Tuned_FrozenSpan()
    {
        long sum = 0;
        foreach (string doc in _docs)
        {
            sum += _baselines.TunedIds(doc, _ids);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Docs), BenchmarkCategory("english-int-doc")]
    public long English_Idiomatic_Regex_Split_Dictionary()
    {
        long sum = 0;
        foreach (string doc in _docs)
        {
            sum += _baselines.IdiomaticIds(doc, _ids);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Docs), BenchmarkCategory("english-int-doc")]
    public long English_PrepGen()
    {
        long sum = 0;
        foreach (string doc in _docs)
        {
            sum += Layers.EnglishIds(doc, _ids);
        }

        return sum;
    }
}
