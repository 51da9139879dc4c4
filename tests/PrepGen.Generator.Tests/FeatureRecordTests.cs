using Microsoft.CodeAnalysis;

namespace PrepGen.Generator.Tests;

/// <summary>
/// [FeatureRecord]: members concatenate in declaration order, each encoded exactly as its layer (expected
/// values are the keras-vectors.json outputs named beside each member).
/// </summary>
public class FeatureRecordTests
{
    private const string Source = """
        using System;
        using PrepGen;
        namespace Demo;

        [FeatureRecord]
        public partial record Listing
        {
            // Guide vocabulary a, b, c, d; one-hot of "c" is index 3 of 5.
            [StringLookup(Vocabulary = new[] { "a", "b", "c", "d" }, OutputMode = OutputMode.OneHot)]
            public string City { get; init; } = "";

            // hashing-farmhash-ABCDE-3: "A" -> 1.
            [Hashing(NumBins = 3)]
            public string Code { get; init; } = "";

            // integerlookup-fixed-vocab semantics: the second token -> 2.
            [IntegerLookup(Vocabulary = new long[] { 10, 20, 30 })]
            public long Rooms { get; init; }

            // catenc-count-1d: [1, 2, 3, 1] -> [0, 2, 1, 1, 0, 0].
            [CategoryEncoding(NumTokens = 6, OutputMode = OutputMode.Count)]
            public long[] Amenities { get; init; } = [];

            // textvec-fixed-vocab-seq4: "foo qux bar" -> [4, 1, 3, 0].
            [TextVectorization(Vocabulary = new[] { "baz", "bar", "foo" }, OutputSequenceLength = 4)]
            public string Title { get; init; } = "";

            // textvec-count: "baz foo foo" -> [0, 2, 0, 1].
            [TextVectorization(Vocabulary = new[] { "foo", "bar", "baz" }, OutputMode = OutputMode.Count)]
            public string Notes { get; init; } = "";

            public int NotEncoded { get; init; }
        }

        [FeatureRecord]
        public partial struct Point
        {
            [Hashing(NumBins = 2)] public long X;
            [StringLookup(Vocabulary = new[] { "omar", "wire" }, OutputMode = OutputMode.MultiHot)] public ReadOnlyMemory<string> Names;
        }

        [FeatureRecord]
        public partial record struct Measure
        {
            // keras-semantics 9: (x - mean) / max(sqrt(var), 1e-7): (4 - 2) / 2 = 1.
            [Normalization(Mean = new[] { 2.0 }, Variance = new[] { 4.0 })] public float Price { get; init; }

            // discretization-int: boundaries [0, 0.5, 1] map 0.5 -> 2 (a value on a boundary goes up).
            [Discretization(BinBoundaries = new[] { 0.0, 0.5, 1.0 })] public float Ratio { get; init; }

            // discretization-one-hot-rank1: 0.5 -> one-hot of bin 2 of 4.
            [Discretization(BinBoundaries = new[] { 0.0, 0.5, 1.0 }, OutputMode = OutputMode.OneHot)] public float RatioOneHot { get; init; }

            // Three features, one mean per feature: ((1-1)/1, (4-2)/2, (9-3)/3) = (0, 1, 2).
            [Normalization(Mean = new[] { 1.0, 2.0, 3.0 }, Variance = new[] { 1.0, 4.0, 9.0 })] public float[] Vector { get; init; }

            // Rescaling(1/255): 255 -> 1.
            [Rescaling(Scale = 1.0 / 255)] public float Pixel { get; init; }
        }

        [FeatureRecord]
        public partial class Crossed
        {
            public string Letter { get; init; } = "";

            public long Code { get; init; }

            // hashedcrossing-int-5: ("A", 101) -> 1.
            [HashedCrossing(NumBins = 5)]
            public (string, long) Pair => (Letter, Code);

            // hashedcrossing-one-hot-5: ("B", 101) -> one-hot of 4.
            [HashedCrossing(NumBins = 5, OutputMode = OutputMode.OneHot)]
            public (string, long) Other => ("B", Code);
        }

        public static class Call
        {
            public static float[] EncodeCrossed()
            {
                var output = new float[Crossed.EncodedWidth];
                new Crossed { Letter = "A", Code = 101 }.Encode(output);
                return output;
            }

            public static float[] EncodeMeasure()
            {
                var output = new float[Measure.EncodedWidth];
                new Measure { Price = 4, Ratio = 0.5f, RatioOneHot = 0.5f, Vector = [1, 4, 9], Pixel = 255 }.Encode(output);
                return output;
            }

            public static int Width => Listing.EncodedWidth;

            public static float[] Encode()
            {
                var row = new Listing { City = "c", Code = "A", Rooms = 20, Amenities = [1, 2, 3, 1], Title = "foo qux bar", Notes = "baz foo foo" };
                var output = new float[Listing.EncodedWidth + 2];
                output[^1] = 42;
                row.Encode(output);
                return output;
            }

            public static float[] Batch()
            {
                Listing[] rows = [new Listing { City = "a", Title = "baz" }, new Listing { City = "zzz", Notes = "bar" }];
                var output = new float[2 * Listing.EncodedWidth];
                Listing.EncodeBatch(rows, output);
                return output;
            }

            public static float[] EncodePoint()
            {
                var output = new float[Point.EncodedWidth];
                new Point { X = 3, Names = new[] { "wire", "nobody" } }.Encode(output);
                return output;
            }

            public static void TooShort() => new Listing().Encode(new float[Listing.EncodedWidth - 1]);

            public static long Allocated()
            {
                var row = new Listing { City = "c", Code = "A", Rooms = 20, Amenities = [1, 2, 3, 1], Title = "foo qux bar", Notes = "baz foo foo" };
                Span<float> output = stackalloc float[Listing.EncodedWidth];
                for (int i = 0; i < 100; i++) row.Encode(output);
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 1000; i++) row.Encode(output);
                return GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }
        """;

    private static readonly Lazy<(GeneratorRun Run, Type Call)> Compiled = new(() =>
    {
        GeneratorRun run = GeneratorHarness.Run(Source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);
        return (run, GeneratorHarness.Load(run).GetType("Demo.Call")!);
    });

    private static object? Call(string name) => Compiled.Value.Call.GetMethod(name)?.Invoke(null, null) ?? Compiled.Value.Call.GetProperty(name)!.GetValue(null);

    [Fact]
    public void A_row_concatenates_its_members_in_declaration_order()
    {
        float[] expected =
        [
            0, 0, 0, 1, 0,      // City one-hot
            1,                  // Code
            2,                  // Rooms
            0, 2, 1, 1, 0, 0,   // Amenities count
            4, 1, 3, 0,         // Title ids
            0, 2, 0, 1,         // Notes count
        ];
        Assert.Equal(21, (int)Call("Width")!);
        Assert.Equal([.. expected, 0, 42], (float[])Call("Encode")!);
    }

    [Fact]
    public void EncodeBatch_is_row_major()
    {
        float[] batch = (float[])Call("Batch")!;
        Assert.Equal(new float[] { 0, 1, 0, 0, 0 }, batch[..5]);          // row 0: "a" -> index 1
        Assert.Equal(new float[] { 2, 0, 0, 0 }, batch[13..17]);          // row 0 title "baz" -> 2, padded
        Assert.Equal(new float[] { 1, 0, 0, 0, 0 }, batch[21..26]);       // row 1: OOV -> 0
        Assert.Equal(new float[] { 0, 0, 1, 0 }, batch[38..42]);          // row 1 notes "bar" -> index 2
    }

    [Fact]
    public void Structs_and_ReadOnlyMemory_members_work()
    {
        // hashing-farmhash-int-list-3 style: ints hash as decimal strings; Names multi-hot over [OOV, omar, wire].
        float[] point = (float[])Call("EncodePoint")!;
        Assert.Equal(4, point.Length);
        Assert.Equal(new float[] { 1, 0, 1 }, point[1..]);
    }

    [Fact]
    public void Numeric_members_encode_as_their_layers()
    {
        Assert.Equal(new float[] { 1, 2, 0, 0, 1, 0, 0, 1, 2, 1 }, (float[])Call("EncodeMeasure")!);
    }

    [Fact]
    public void Tuple_members_feed_HashedCrossing()
    {
        Assert.Equal(new float[] { 1, 0, 0, 0, 0, 1 }, (float[])Call("EncodeCrossed")!);
    }

    [Fact]
    public void A_short_destination_throws()
    {
        var ex = Assert.Throws<System.Reflection.TargetInvocationException>(() => Call("TooShort"));
        Assert.IsType<ArgumentException>(ex.InnerException);
    }

    [Fact]
    public void Encoding_a_row_allocates_nothing()
    {
        Assert.Equal(0L, (long)Call("Allocated")!);
    }

    [Theory]
    [InlineData("[FeatureRecord] public partial class R { [StringLookup(Vocabulary = new[] { \"a\" })] public System.DateTime When { get; set; } }", "PG0004")]
    [InlineData("[FeatureRecord] public partial class R { public int Plain { get; set; } }", "PG0202")]
    [InlineData("[FeatureRecord] public class R { [Hashing(NumBins = 2)] public long X; }", "PG0001")]
    [InlineData("[FeatureRecord] public partial class R { [TextVectorization(Vocabulary = new[] { \"a\" })] public string T = \"\"; }", "PG0202")]
    [InlineData("[FeatureRecord] public partial class R { [Hashing(NumBins = 0)] public long X; }", "PG0200")]
    [InlineData("[FeatureRecord] public partial class R { [Hashing(NumBins = 2)][StringLookup(Vocabulary = new[] { \"a\" })] public string X = \"\"; }", "PG0003")]
    [InlineData("[FeatureRecord] public partial class R { [CategoryEncoding(NumTokens = 300000000)] public long[] A = []; [CategoryEncoding(NumTokens = 300000000)] public long[] B = []; }", "PG0200")]
    [InlineData("[FeatureRecord] public partial class R { [Normalization(Mean = new[] { 1.0 }, Variance = new[] { 1.0 })] public float[] V = []; }", "PG0202")]
    public void Bad_records_are_diagnostics(string declaration, string id)
    {
        GeneratorRun run = GeneratorHarness.Run("using PrepGen;\nnamespace Demo;\n" + declaration);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
    }
}
