using PrepGen.Batching;
using PrepGen.Parity.Tests.Layers;

namespace PrepGen.Parity.Tests;

/// <summary>
/// ParallelBatch over generated batch methods: 100k-row batches give exactly the serial call's output (which the
/// Keras vector tests pin), for a lookup, TextVectorization int, multi-hot and tf-idf batches and a feature record.
/// </summary>
public class ParallelBatchTests
{
    private const int Rows = 100_000;

    private static readonly string[] Words = ["foo", "bar", "baz", "Foo!", "qux", "café", "東京", "a", "", "boom bada"];

    [Fact]
    public void A_lookup_batch_in_parallel_equals_the_serial_batch()
    {
        string[] values = Column(Rows, seed: 1);
        AssertSame<string, long>(values, 1, GuideLayers.WorldBatch, expectedAt: (0, GuideLayers.WorldChars(values[0])));
    }

    [Fact]
    public void TextVectorization_batches_in_parallel_equal_the_serial_batch()
    {
        string[] documents = Documents(Rows, seed: 2);
        AssertSame<string, long>(documents, 4, TextVectorizationLayers.FixedVocabSeq4Batch);
        AssertSame<string, float>(documents, 4, TextVectorizationLayers.MultiHotBatch);
        AssertSame<string, float>(documents, 4, TextVectorizationLayers.TfIdfBatch);
    }

    [Fact]
    public void A_feature_record_batch_in_parallel_equals_the_serial_batch()
    {
        var random = new Random(3);
        var rows = new PetsRow[Rows];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new PetsRow { Age = random.Next(0, 40), Type = Words[random.Next(Words.Length)], Fee = (float)random.NextDouble() * 10, Poutcome = random.Next(3), Letter = Words[random.Next(Words.Length)] };
        }

        AssertSame<PetsRow, float>(rows, PetsRow.EncodedWidth, PetsRow.EncodeBatch);
    }

    [Fact]
    public void Chunks_are_whole_cache_lines_of_output_and_small_batches_stay_on_the_caller()
    {
        Assert.Equal(2047, ParallelBatch.ChunkRows(2047, 1, 8, 2)); // under 2 x 1024 rows: one chunk
        Assert.Equal(100_000, ParallelBatch.ChunkRows(100_000, 1, 8, 1)); // one worker: one chunk
        Assert.Equal(12_504, ParallelBatch.ChunkRows(100_000, 1, 8, 2)); // 12,500 rows of 8 bytes, up to 8 rows a line
        Assert.Equal(12_512, ParallelBatch.ChunkRows(100_000, 3, 4, 2)); // rows of 12 bytes: 16 rows make 3 lines; 12,500 rounded up to 16s
        Assert.Equal(1024, ParallelBatch.ChunkRows(10_000, 256, 8, 16)); // at least 1,024 rows a chunk
        for (int width = 1; width <= 40; width++)
        {
            int chunk = ParallelBatch.ChunkRows(50_000, width, 4, 2);
            Assert.Equal(0, chunk * width * 4 % 64);
        }
    }

    [Fact]
    public void Bad_arguments_and_encoder_exceptions_surface_as_themselves()
    {
        var rows = new string[5000];
        Array.Fill(rows, "foo");
        Assert.Throws<ArgumentException>(() => ParallelBatch.Run<string, long>(rows, new long[4999], 1, GuideLayers.WorldBatch));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParallelBatch.Run<string, long>(rows, new long[5000], 0, GuideLayers.WorldBatch));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParallelBatch.Run<string, long>(rows, new long[5000], 1, GuideLayers.WorldBatch, maxDegreeOfParallelism: 0));
        rows[4321] = null!;
        Assert.Throws<ArgumentNullException>(() => ParallelBatch.Run<string, long>(rows, new long[5000], 1, GuideLayers.WorldBatch, maxDegreeOfParallelism: 2));
    }

    private static void AssertSame<TRow, TOut>(TRow[] rows, int width, BatchEncoder<TRow, TOut> encode, (int Index, TOut Value)? expectedAt = null)
        where TOut : IEquatable<TOut>
    {
        var serial = new TOut[rows.Length * width];
        encode(rows, serial);
        foreach (int workers in new[] { 2, 3, -1 })
        {
            var parallel = new TOut[(rows.Length * width) + 7];
            parallel.AsSpan(rows.Length * width).Fill(default!); // beyond the rows: untouched
            ParallelBatch.Run<TRow, TOut>(rows, parallel, width, encode, workers);
            Assert.True(serial.AsSpan().SequenceEqual(parallel.AsSpan(0, serial.Length)), typeof(TRow).Name + " x " + width + " with " + workers + " workers");
        }

        if (expectedAt is { } at)
        {
            Assert.Equal(at.Value, serial[at.Index]);
        }
    }

    private static string[] Column(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Words[random.Next(Words.Length)])];
    }

    private static string[] Documents(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(0, 7)).Select(_ => Words[random.Next(Words.Length)])))];
    }
}
