using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace PrepGen.Benchmarks;

/// <summary>
/// TextVectorization over a 20k vocabulary and ~1 KB English-like documents (Zipf word frequencies).
/// Per document (64 documents per operation; figures are per document) and per batch (the same 64 documents
/// in one call). Int: generated vs (a) idiomatic, (b) tuned span + FrozenDictionary, (c) ML.NET. TfIdf: generated
/// vs (a) and (b). GlobalSetup asserts that (a), (b) and the generated layer give the same ids on every document.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TextBenchmarks
{
    private const int SequenceLength = Layers.SequenceLength;
    private const int Docs = 64;

    private string[] _docs = [];
    private TextBaselines _baselines = null!;
    private MlNetText? _mlNet;
    private float[] _idf = [];
    private long[] _ids = new long[4096];
    private long[] _batchIds = new long[Docs * SequenceLength];
    private float[] _vector = [];
    private float[] _batchVectors = [];

    [GlobalSetup]
    public void Setup()
    {
        string[] vocabulary = BenchData.Lines("vocab-20k.txt");
        _docs = BenchData.Documents(vocabulary, Docs, targetChars: 1024, seed: 20);
        _baselines = new TextBaselines(vocabulary);
        float[] weights = [.. BenchData.Lines("idf-20k.txt").Select(l => float.Parse(l, System.Globalization.CultureInfo.InvariantCulture))];
        _idf = [weights.Average(), .. weights]; // index 0 = OOV: the mean, as Keras pads it
        _vector = new float[_idf.Length];
        _batchVectors = new float[Docs * _idf.Length];

        var generated = new long[4096];
        var idiomatic = new long[4096];
        var tuned = new long[4096];
        var mlNet = new long[4096];
        int mlNetAgrees = 0;
        _mlNet = new MlNetText(vocabulary);
        foreach (string doc in _docs)
        {
            int g = Layers.TextIds(doc, generated);
            int a = _baselines.IdiomaticIds(doc, idiomatic);
            int b = _baselines.TunedIds(doc, tuned);
            if (g != a || g != b || !generated.AsSpan(0, g).SequenceEqual(idiomatic.AsSpan(0, a)) || !generated.AsSpan(0, g).SequenceEqual(tuned.AsSpan(0, b)))
            {
                throw new InvalidOperationException($"TextVectorization ids differ: generated {g}, idiomatic {a}, tuned {b} tokens on \"{doc[..60]}...\"");
            }

            int c = _mlNet.Encode(doc, mlNet);
            mlNetAgrees += c == g && generated.AsSpan(0, g).SequenceEqual(mlNet.AsSpan(0, c)) ? 1 : 0;

            float[] expected = _baselines.IdiomaticTfIdf(doc, _idf);
            Layers.TextTfIdf(doc, _vector);
            float[] tunedVector = new float[_idf.Length];
            _baselines.TunedTfIdf(doc, tunedVector, _idf);
            if (!expected.AsSpan().SequenceEqual(_vector) || !expected.AsSpan().SequenceEqual(tunedVector))
            {
                throw new InvalidOperationException("tf-idf vectors differ");
            }
        }

        Console.WriteLine($"// TextVectorization check: generated == idiomatic == tuned on {Docs} documents " +
            $"({_docs.Sum(d => d.Length) / Docs} chars, {_docs.Sum(d => Layers.TextIds(d, generated)) / Docs} tokens on average); " +
            $"ML.NET gives the same ids on {mlNetAgrees}/{Docs}");
    }

    [GlobalCleanup]
    public void Cleanup() => _mlNet?.Dispose();

    // ---- Int, per document ----

    [Benchmark(Baseline = true, OperationsPerInvoke = Docs), BenchmarkCategory("int-doc")]
    public long Int_Tuned_FrozenSpan()
    {
        long sum = 0;
        foreach (string doc in _docs)
        {
            sum += _baselines.TunedIds(doc, _ids);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Docs), BenchmarkCategory("int-doc")]
    public long Int_Idiomatic_Regex_Split_Dictionary()
    {
        long sum = 0;
        foreach (string doc in _docs)
        {
            sum += _baselines.IdiomaticIds(doc, _ids);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Docs), BenchmarkCategory("int-doc")]
    public long Int_MlNet_PredictionEngine()
    {
        long sum = 0;
        foreach (string doc in _docs)
        {
            sum += _mlNet!.Encode(doc, _ids);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Docs), BenchmarkCategory("int-doc")]
    public long Int_PrepGen()
    {
        long sum = 0;
        foreach (string doc in _docs)
        {
            sum += Layers.TextIds(doc, _ids);
        }

        return sum;
    }

    // ---- Int, batch (fixed width 256, zero padded) ----

    [Benchmark(Baseline = true, OperationsPerInvoke = Docs), BenchmarkCategory("int-batch")]
    public long IntBatch_Tuned_FrozenSpan()
    {
        Span<long> all = _batchIds;
        Span<long> scratch = _ids;
        for (int i = 0; i < _docs.Length; i++)
        {
            int n = Math.Min(_baselines.TunedIds(_docs[i], scratch), SequenceLength);
            Span<long> row = all.Slice(i * SequenceLength, SequenceLength);
            scratch[..n].CopyTo(row);
            row[n..].Clear();
        }

        return all[^1];
    }

    [Benchmark(OperationsPerInvoke = Docs), BenchmarkCategory("int-batch")]
    public long IntBatch_MlNet_Transform()
    {
        return _mlNet!.EncodeBatch(_docs);
    }

    [Benchmark(OperationsPerInvoke = Docs), BenchmarkCategory("int-batch")]
    public long IntBatch_PrepGen()
    {
        Layers.TextIdsBatch(_docs, _batchIds);
        return _batchIds[^1];
    }

    // ---- TfIdf, per document (20,001 floats) ----

    [Benchmark(Baseline = true, OperationsPerInvoke = Docs), BenchmarkCategory("tfidf-doc")]
    public float TfIdf_Tuned_FrozenSpan()
    {
        foreach (string doc in _docs)
        {
            _baselines.TunedTfIdf(doc, _vector, _idf);
        }

        return _vector[0];
    }

    [Benchmark(OperationsPerInvoke = Docs), BenchmarkCategory("tfidf-doc")]
    public float TfIdf_Idiomatic()
    {
        float last = 0;
        foreach (string doc in _docs)
        {
            last += _baselines.IdiomaticTfIdf(doc, _idf)[0];
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Docs), BenchmarkCategory("tfidf-doc")]
    public float TfIdf_PrepGen()
    {
        foreach (string doc in _docs)
        {
            Layers.TextTfIdf(doc, _vector);
        }

        return _vector[0];
    }

    // ---- TfIdf, batch ----

    [Benchmark(Baseline = true, OperationsPerInvoke = Docs), BenchmarkCategory("tfidf-batch")]
    public float TfIdfBatch_Tuned_FrozenSpan()
    {
        int width = _idf.Length;
        for (int i = 0; i < _docs.Length; i++)
        {
            _baselines.TunedTfIdf(_docs[i], _batchVectors.AsSpan(i * width, width), _idf);
        }

        return _batchVectors[^1];
    }

    [Benchmark(OperationsPerInvoke = Docs), BenchmarkCategory("tfidf-batch")]
    public float TfIdfBatch_PrepGen()
    {
        Layers.TextTfIdfBatch(_docs, _batchVectors);
        return _batchVectors[^1];
    }
}
