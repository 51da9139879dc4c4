using System.Threading.Tasks;

namespace PrepGen.Generator.Tests;

/// <summary>Snapshots of the type-level outputs: a [FeatureRecord] and an [ImagePipeline] (see SnapshotTests).</summary>
public class TypeSnapshotTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        {
            "FeatureRecordListing",
            "Demo.Listing.FeatureRecord.g.cs",
            """
            using System;
            using PrepGen;

            namespace Demo;

            [FeatureRecord]
            public partial record Listing
            {
                [StringLookup(Vocabulary = new[] { "a", "b", "c" }, OutputMode = OutputMode.OneHot)]
                public string City { get; init; } = "";

                [Hashing(NumBins = 4)]
                public long Zip { get; init; }

                [CategoryEncoding(NumTokens = 3)]
                public long[] Tags { get; init; } = [];

                [TextVectorization(Vocabulary = new[] { "quiet", "sunny" }, OutputSequenceLength = 3)]
                public string Description { get; init; } = "";
            }
            """
        },
        {
            "FeatureRecordIntegerOutput",
            "Demo.TextModel.FeatureRecord.g.cs",
            """
            using System;
            using PrepGen;

            namespace Demo;

            [FeatureRecord(IntegerOutput = true)]
            public partial record TextModel
            {
                public string Input { get; init; } = "";

                public float Ratio { get; init; }

                [TextVectorization(Vocabulary = new[] { "quiet", "sunny" }, OutputSequenceLength = 3)]
                private string InputTokens => Input;

                [StringLookup(Vocabulary = new[] { "a", "b" })]
                public string @event { get; init; } = "";

                [Discretization(BinBoundaries = new[] { 0.0, 0.5 })]
                private float Bin => Ratio;

                [HashedCrossing(NumBins = 4)]
                private (string, long) Cross => (Input, 7);
            }
            """
        },
        {
            "ImagePipelineAugment",
            "Demo.Augment.ImagePipeline.g.cs",
            """
            using PrepGen;

            namespace Demo;

            [ImagePipeline(Height = 256, Width = 256, Channels = 3, OutputLayout = ImageLayout.ChannelsFirst)]
            [Resizing(224, 224, CropToAspectRatio = true)]
            [RandomFlip(Mode = FlipMode.Horizontal)]
            [RandomRotation(Factor = new[] { 0.1 }, FillMode = FillMode.Constant)]
            [RandomContrast(Factor = new[] { 0.2 })]
            public static partial class Augment
            {
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Generated_code_matches_the_snapshot(string name, string hintName, string source) =>
        await GeneratorSnapshots.Verify(source, [(name, hintName)]);

    /// <summary>A layer method declared inside a [FeatureRecord] (the importer's chain step): two files, two hint names.</summary>
    [Fact]
    public async Task A_record_with_a_layer_method_matches_the_snapshots()
    {
        const string source = """
            using System;
            using PrepGen;

            namespace Demo;

            [FeatureRecord]
            public partial record Pets
            {
                public long Age { get; init; }

                public long Poutcome { get; init; }

                public float Fee { get; init; }

                [IntegerLookup(Vocabulary = new long[] { 10, 20, 30 })]
                private static partial long AgeLookup(long value);

                [CategoryEncoding(NumTokens = 5, OutputMode = OutputMode.OneHot)]
                private long AgeEncoded => AgeLookup(Age);

                [Normalization(Mean = new[] { 1.5 }, Variance = new[] { 4.0 })]
                private float FeeNormalized => Fee;

                [HashedCrossing(NumBins = 8, OutputMode = OutputMode.OneHot)]
                private (long, long) AgeXPoutcome => (AgeLookup(Age), Poutcome);
            }
            """;
        await GeneratorSnapshots.Verify(source, [("FeatureRecordPets", "Demo.Pets.FeatureRecord.g.cs"), ("FeatureRecordPetsAgeLookup", "Demo.Pets.AgeLookup.PrepGen.g.cs")]);
    }
}
