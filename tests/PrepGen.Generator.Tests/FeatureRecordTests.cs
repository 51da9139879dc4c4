using System.Reflection;
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
            // docs/keras-semantics.md, "Normalization": (x - mean) / max(sqrt(var), 1e-7): (4 - 2) / 2 = 1.
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

    // ---- The shapes a Keras model importer emits: IntegerOutput rows, private computed members, layer methods inside the record ----
    private const string ImporterSource = """
        using System;
        using PrepGen;
        namespace Demo;

        [FeatureRecord(IntegerOutput = true)]
        public partial record TextModel
        {
            public string Input { get; init; } = "";

            // textvec-vocab-file: vocabulary file foo, bar, baz; "foo bar baz unknown" -> [2, 3, 4, 1], then padding.
            [TextVectorization(VocabularyFile = "text_model/vocabulary.txt", OutputSequenceLength = 6)]
            private string InputTokens => Input;
        }

        [FeatureRecord(IntegerOutput = true)]
        public partial struct Ids
        {
            public string Code;
            public float Ratio;

            // stringlookup-fixed-vocab: a, b, c; "c" -> 3.
            [StringLookup(Vocabulary = new[] { "a", "b", "c" })] public string Letter;

            // integerlookup-vocab-file: 10, 20, 30; 30 -> 3.
            [IntegerLookup(VocabularyFile = "pets/age.txt")] public long Age;

            // hashing-farmhash-ABCDE-3: "E" -> 2.
            [Hashing(NumBins = 3)] private readonly string Hashed => Code;

            // discretization-int: boundaries 0, 0.5, 1: 0.8 -> 2.
            [Discretization(BinBoundaries = new[] { 0.0, 0.5, 1.0 })] private readonly float Bin => Ratio;

            // hashedcrossing-int-5: ("B", 101) -> 4.
            [HashedCrossing(NumBins = 5)] private readonly (string, long) Cross => (Code == "E" ? "B" : "A", 101);

            // textvec-fixed-vocab-seq4: baz, bar, foo; "qux baz" -> [1, 2, 0, 0].
            [TextVectorization(Vocabulary = new[] { "baz", "bar", "foo" }, OutputSequenceLength = 4)] public string @event;
        }

        [FeatureRecord]
        public partial record Pets
        {
            public long Age { get; init; }
            public string Type { get; init; } = "";
            public float Fee { get; init; }
            public long Poutcome { get; init; }

            // integerlookup-vocab-file: 10, 20, 30 -> 1, 2, 3; anything else 0.
            [IntegerLookup(VocabularyFile = "pets/age.txt")]
            private static partial long AgeLookup(long value);

            // catenc-one-hot-1d: one-hot of the index over NumTokens.
            [CategoryEncoding(NumTokens = 7, OutputMode = OutputMode.OneHot)]
            private long AgeEncoded => AgeLookup(Age);

            // stringlookup-fixed-vocab: a, b, c; one-hot over [OOV, a, b, c].
            [StringLookup(VocabularyFile = "pets/type.txt", OutputMode = OutputMode.OneHot)]
            private string TypeEncoded => Type;

            // docs/keras-semantics.md, "Normalization": (5.5 - 1.5) / sqrt(4) = 2.
            [Normalization(Mean = new[] { 1.5 }, Variance = new[] { 4.0 })]
            private float FeeNormalized => Fee;

            [HashedCrossing(NumBins = 8, OutputMode = OutputMode.OneHot)]
            private (long, long) AgeXPoutcome => (AgeLookup(Age), Poutcome);

            // A layer method beside the record's members stays callable on its own.
            public static long Lookup(long value) => AgeLookup(value);
        }

        public static class Importer
        {
            public static long[] EncodeText(string input)
            {
                var output = new long[TextModel.EncodedWidth + 1];
                output[^1] = 42;
                new TextModel { Input = input }.Encode(output);
                return output;
            }

            public static long[] EncodeIds()
            {
                var output = new long[Ids.EncodedWidth];
                new Ids { Code = "E", Ratio = 0.8f, Letter = "c", Age = 30, @event = "qux baz" }.Encode(output);
                return output;
            }

            public static long[] BatchText()
            {
                TextModel[] rows = [new TextModel { Input = "foo" }, new TextModel { Input = "baz bar" }];
                var output = new long[2 * TextModel.EncodedWidth];
                TextModel.EncodeBatch(rows, output);
                return output;
            }

            public static float[] EncodePets()
            {
                var output = new float[Pets.EncodedWidth];
                new Pets { Age = 20, Type = "b", Fee = 5.5f, Poutcome = 3 }.Encode(output);
                return output;
            }

            public static long Lookup(long value) => Pets.Lookup(value);

            public static void TooShort() => new TextModel().Encode(new long[TextModel.EncodedWidth - 1]);
        }
        """;

    private static readonly Lazy<(GeneratorRun Run, Type Importer)> ImporterCompiled = new(() =>
    {
        GeneratorRun run = GeneratorHarness.Run(ImporterSource,
            ("/proj/text_model/vocabulary.txt", "foo\nbar\nbaz\n"),
            ("/proj/pets/age.txt", "10\n20\n30\n"),
            ("/proj/pets/type.txt", "a\nb\nc\n"));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);
        return (run, GeneratorHarness.Load(run).GetType("Demo.Importer")!);
    });

    private static object? Importer(string name, params object[] arguments) => ImporterCompiled.Value.Importer.GetMethod(name)!.Invoke(null, arguments);

    [Fact]
    public void IntegerOutput_rows_are_longs()
    {
        Assert.Equal(new long[] { 2, 3, 4, 1, 0, 0, 42 }, (long[])Importer("EncodeText", "foo bar baz unknown")!);
        Assert.Equal(new long[] { 3, 3, 2, 2, 4, 1, 2, 0, 0 }, (long[])Importer("EncodeIds")!);
        Assert.Equal(new long[] { 2, 0, 0, 0, 0, 0, 4, 3, 0, 0, 0, 0 }, (long[])Importer("BatchText")!);
        var ex = Assert.Throws<System.Reflection.TargetInvocationException>(() => Importer("TooShort"));
        Assert.IsType<ArgumentException>(ex.InnerException);
    }

    [Fact]
    public void IntegerOutput_has_only_the_long_overloads()
    {
        Assembly assembly = ImporterCompiled.Value.Importer.Assembly;
        Type text = assembly.GetType("Demo.TextModel")!;
        Assert.Equal(6, (int)text.GetField("EncodedWidth")!.GetValue(null)!);
        Assert.Equal([typeof(Span<long>)], text.GetMethods().Where(m => m.Name == "Encode").Select(m => m.GetParameters()[0].ParameterType));
        Assert.Equal([typeof(Span<long>)], text.GetMethods().Where(m => m.Name == "EncodeBatch").Select(m => m.GetParameters()[1].ParameterType));
        Type pets = assembly.GetType("Demo.Pets")!;
        Assert.Equal([typeof(Span<float>)], pets.GetMethods().Where(m => m.Name == "Encode").Select(m => m.GetParameters()[0].ParameterType));
    }

    [Fact]
    public void Private_computed_members_and_layer_methods_inside_the_record_compose()
    {
        float[] row = (float[])Importer("EncodePets")!;
        Assert.Equal(7 + 4 + 1 + 8, row.Length);
        Assert.Equal(new float[] { 0, 0, 1, 0, 0, 0, 0 }, row[..7]);      // AgeLookup(20) = 2, one-hot of 7
        Assert.Equal(new float[] { 0, 0, 1, 0 }, row[7..11]);            // "b" -> 2 of [OOV, a, b, c]
        Assert.Equal(2f, row[11]);                                      // (5.5 - 1.5) / 2
        Assert.Equal(1f, row[12..].Sum());                              // one-hot of the crossing
        Assert.Equal(2L, (long)Importer("Lookup", 20L)!);
        Assert.Equal(0L, (long)Importer("Lookup", 21L)!);

        // The record's file and the layer method's file have different hint names; the method's file holds the method.
        string[] hints = ImporterCompiled.Value.Run.Result.Results[0].GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Equal(hints.Length, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("Demo.Pets.FeatureRecord.g.cs", hints);
        Assert.Contains("private static partial long AgeLookup(long value)", ImporterCompiled.Value.Run.Generated("Demo.Pets.AgeLookup.PrepGen.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_crossing_member_is_the_crossing_of_the_looked_up_index()
    {
        // HashedCrossing of two int64 values: FingerprintCat64(FingerprintCat64(0xDECAFCAFFE, a), b) % bins
        // (docs/keras-semantics.md, "HashedCrossing"; the raw int64 values are fed, not their strings).
        ulong hash = PrepGen.Hashing.KerasHash.FingerprintCat64(PrepGen.Hashing.KerasHash.DefaultCrossHashKey, 2UL);
        hash = PrepGen.Hashing.KerasHash.FingerprintCat64(hash, 3UL);
        float[] row = (float[])Importer("EncodePets")!;
        Assert.Equal(1f, row[12 + (int)(hash % 8)]);
    }

    [Theory]
    [InlineData("[FeatureRecord(IntegerOutput = true)] public partial class R { [StringLookup(Vocabulary = new[] { \"a\" }, OutputMode = OutputMode.OneHot)] public string X = \"\"; }", "StringLookup with OutputMode OneHot")]
    [InlineData("[FeatureRecord(IntegerOutput = true)] public partial class R { [Normalization(Mean = new[] { 1.0 }, Variance = new[] { 1.0 })] public float X; }", "Normalization always produces floats")]
    [InlineData("[FeatureRecord(IntegerOutput = true)] public partial class R { [CategoryEncoding(NumTokens = 3, OutputMode = OutputMode.OneHot)] public long X; }", "CategoryEncoding has no Int mode")]
    [InlineData("[FeatureRecord(IntegerOutput = true)] public partial class R { [TextVectorization(Vocabulary = new[] { \"a\" }, OutputMode = OutputMode.Count)] public string X = \"\"; }", "TextVectorization with OutputMode Count")]
    [InlineData("[FeatureRecord(IntegerOutput = true)] public partial class R { [Discretization(BinBoundaries = new[] { 0.0 }, OutputMode = OutputMode.OneHot)] public float X; }", "Discretization with OutputMode OneHot")]
    public void A_float_member_in_an_IntegerOutput_record_is_PG0005(string declaration, string messagePart)
    {
        GeneratorRun run = GeneratorHarness.Run("using PrepGen;\nnamespace Demo;\n" + declaration);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0005", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("'X'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains(messagePart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
    }

    /// <summary>A record declaration, the ID it reports, and a part of the message.</summary>
    public static TheoryData<string, string, string> BadRecords() => new()
    {
        { "[FeatureRecord] public partial class R { [StringLookup(Vocabulary = new[] { \"a\" })] public System.DateTime When { get; set; } }", "PG0004", "'When'" },
        { "[FeatureRecord] public partial class R { public int Plain { get; set; } }", "PG0007", "[FeatureRecord] 'R' has no property or field with a layer attribute" },
        { "[FeatureRecord] public class R { [Hashing(NumBins = 2)] public long X; }", "PG0001", "partial" },
        { "[FeatureRecord] public partial class R { [TextVectorization(Vocabulary = new[] { \"a\" })] public string T = \"\"; }", "PG0006", "Member 'T' has no fixed width in the record's row: an Int-mode TextVectorization member needs OutputSequenceLength" },
        { "[FeatureRecord] public partial class R { [Hashing(NumBins = 0)] public long X; }", "PG0200", "NumBins must be greater than 0" },
        { "[FeatureRecord] public partial class R { [Hashing(NumBins = 2)][StringLookup(Vocabulary = new[] { \"a\" })] public string X = \"\"; }", "PG0003", "several layer attributes" },
        { "[FeatureRecord] public partial class R { [CategoryEncoding(NumTokens = 300000000)] public long[] A = []; [CategoryEncoding(NumTokens = 300000000)] public long[] B = []; }", "PG0303", "the members encode to 600000000 elements; EncodedWidth is limited to 536870911" },
        { "[FeatureRecord] public partial class R { [Normalization(Mean = new[] { 1.0 }, Variance = new[] { 1.0 })] public float[] V = []; }", "PG0006", "a float[] member needs a Normalization with one mean per feature" },
        { "[FeatureRecord(IntegerOutput = true)] public partial class R { [TextVectorization(Vocabulary = new[] { \"a\" })] public string T = \"\"; }", "PG0006", "OutputSequenceLength" },
        { "[FeatureRecord(IntegerOutput = true)] public partial class R { [Rescaling(Scale = 2)] public float P; }", "PG0005", "'P'" },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public void Bad_records_are_diagnostics(string declaration, string id, string messagePart)
    {
        GeneratorRun run = GeneratorHarness.Run("using PrepGen;\nnamespace Demo;\n" + declaration);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(messagePart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
