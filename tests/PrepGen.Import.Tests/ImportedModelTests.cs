using PrepGen.Import.Tests.Imported;

namespace PrepGen.Import.Tests;

/// <summary>
/// Each imported record, compiled here through the real generator, against samples computed independently
/// from the model's own state (Fixtures/samples/README.md): every element of every row, bit for bit.
/// </summary>
public sealed class ImportedModelTests
{
    [Fact]
    public void Pets_functional_Keras3_matches_the_concatenate_input_of_Dense()
    {
        Pets.KerasSampleReport report = Pets.CheckKerasSamples(Fixtures.Pets.SamplesPath);
        Check(report.Rows, report.Passed, report.ToString(), 48, Pets.EncodedWidth);
    }

    [Fact]
    public void Crlf_vocabulary_saved_on_Windows_gives_Keras_ids()
    {
        TextCrlf.KerasSampleReport report = TextCrlf.CheckKerasSamples(Fixtures.TextCrlf.SamplesPath);
        Check(report.Rows, report.Passed, report.ToString(), 30, TextCrlf.EncodedWidth);
    }

    [Fact]
    public void Bigram_TextVectorization_without_InputLayer_gives_Keras_ids()
    {
        TextBigrams.KerasSampleReport report = TextBigrams.CheckKerasSamples(Fixtures.TextBigrams.SamplesPath);
        Check(report.Rows, report.Passed, report.ToString(), 200, TextBigrams.EncodedWidth);
    }

    [Fact]
    public void Utf8_vocabulary_gives_Keras_ids()
    {
        TextUtf8.KerasSampleReport report = TextUtf8.CheckKerasSamples(Fixtures.TextUtf8.SamplesPath);
        Check(report.Rows, report.Passed, report.ToString(), 200, TextUtf8.EncodedWidth);
    }

    [Fact]
    public void FeatureSpace_concat_matches_sorted_features_then_crosses()
    {
        BankFeatures.KerasSampleReport report = BankFeatures.CheckKerasSamples(Fixtures.BankFeatures.SamplesPath);
        Check(report.Rows, report.Passed, report.ToString(), 77, BankFeatures.EncodedWidth);
    }

    [Fact]
    public void Hdf5_functional_model_with_tf_ops_matches_its_output()
    {
        CarbonFootprint.KerasSampleReport report = CarbonFootprint.CheckKerasSamples(Fixtures.CarbonFootprint.SamplesPath);
        Check(report.Rows, report.Passed, report.ToString(), 66, CarbonFootprint.EncodedWidth);
    }

    [Fact]
    public void Chains_masks_arrays_rescaling_and_an_unfused_category_encoding_match_Keras()
    {
        Chains.KerasSampleReport report = Chains.CheckKerasSamples(Path.Combine(AppContext.BaseDirectory, "Fixtures", "synthetic", "chains.jsonl"));
        Check(report.Rows, report.Passed, report.ToString(), 13, Chains.EncodedWidth);
    }

    [Fact]
    public void Text_records_encode_token_ids_as_integers()
    {
        // int-mode TextVectorization: the tensor the model receives is int64, so the row is long.
        var row = new TextCrlf { InputLayer = "Not on after appearing" };
        Span<long> ids = stackalloc long[TextCrlf.EncodedWidth];
        row.Encode(ids);

        // Keras: the file's line 3 ("not") is index 2, "on" 3, "after" 110, "appearing" 109 (samples line 1).
        Assert.Equal([2L, 3, 110, 109, 0], ids[..5].ToArray());
    }

    [Fact]
    public void A_mismatch_is_reported_with_its_line_and_feature_name()
    {
        string path = Path.Combine(Fixtures.TempDirectory(), "wrong.jsonl");
        string first = File.ReadLines(Fixtures.Pets.SamplesPath).First();

        // The first element is PhotoAmt's normalization; change Keras's value.
        int start = first.IndexOf("\"output\":[", StringComparison.Ordinal) + 10;
        int end = first.IndexOf(',', start);
        File.WriteAllText(path, first[..start] + "12345.5" + first[end..] + "\n" + first + "\n");

        Pets.KerasSampleReport report = Pets.CheckKerasSamples(path);

        Assert.False(report.Passed);
        Assert.Equal(2, report.Rows);
        Assert.Equal(1, report.Mismatches);
        Pets.KerasSampleMismatch mismatch = Assert.Single(report.FirstMismatches);
        Assert.Equal((1, 0, "PhotoAmtNormalized", 12345.5), (mismatch.Line, mismatch.Column, mismatch.Feature, mismatch.Expected));
        Assert.Contains("line 1, column 0 (PhotoAmtNormalized)", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_samples_row_whose_input_has_the_wrong_type_names_its_line()
    {
        string path = Path.Combine(Fixtures.TempDirectory(), "wrong-type.jsonl");
        string first = File.ReadLines(Fixtures.Pets.SamplesPath).First();
        File.WriteAllText(path, first + "\n" + first.Replace("\"Type\":\"Dog\"", "\"Type\":5", StringComparison.Ordinal) + "\n");

        var e = Assert.Throws<InvalidDataException>(() => Pets.CheckKerasSamples(path));
        Assert.StartsWith(path + "(2): the inputs do not fit the model's", e.Message, StringComparison.Ordinal);
    }

    private static void Check(int rows, bool passed, string report, int expectedWidth, int width)
    {
        Assert.Equal(expectedWidth, width);
        Assert.True(rows >= 30, "too few sample rows: " + report);
        Assert.True(passed, report);
    }
}
