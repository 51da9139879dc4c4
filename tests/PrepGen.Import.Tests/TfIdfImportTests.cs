namespace PrepGen.Import.Tests;

/// <summary>tf-idf state: the idf file holds one float32 per real token; Keras's OOV weight must be their mean.</summary>
public sealed class TfIdfImportTests
{
    [Fact]
    public void Idf_weights_of_the_real_tokens_are_written_beside_the_vocabulary()
    {
        // As Keras's get_vocabulary()/idf_weights after adapt: [UNK] first, its weight the mean of the others.
        string model = SyntheticModel.Zip(SyntheticModel.OneLayer("TextVectorization",
            """{"vocabulary": ["[UNK]", "the", "cat"], "idf_weights": [0.75, 0.5, 1.0], "output_mode": "tf_idf", "standardize": "lower", "split": "whitespace"}"""));
        string output = Fixtures.TempDirectory();

        KerasImportResult result = KerasImporter.Import(new KerasImportOptions { ModelPath = model, OutputDirectory = output, Namespace = "N", TypeName = "Docs" });

        Assert.Equal(3, result.EncodedWidth);
        Assert.Equal("the\ncat\n", File.ReadAllText(Path.Combine(output, "Docs", "Text.vocab.txt")));
        Assert.Equal("0.5\n1\n", File.ReadAllText(Path.Combine(output, "Docs", "Text.idf.txt")));
        string source = File.ReadAllText(Path.Combine(output, "Docs.cs"));
        Assert.Contains("[TextVectorization(VocabularyFile = \"Docs/Text.vocab.txt\", Standardize = global::PrepGen.Standardize.Lower, IdfWeightsFile = \"Docs/Text.idf.txt\", OutputMode = global::PrepGen.OutputMode.TfIdf)]", source, StringComparison.Ordinal);
    }

    [Fact]
    public void An_OOV_weight_that_is_not_the_mean_is_refused()
    {
        string model = SyntheticModel.Zip(SyntheticModel.OneLayer("TextVectorization",
            """{"vocabulary": ["[UNK]", "the", "cat"], "idf_weights": [9.0, 0.5, 1.0], "output_mode": "tf_idf"}"""));
        var e = Assert.Throws<KerasImportException>(() => KerasImporter.Import(new KerasImportOptions { ModelPath = model, OutputDirectory = Fixtures.TempDirectory(), Namespace = "N" }));
        Assert.Contains("layer 'step' (TextVectorization): its OOV idf weight is 9, not the mean of the token weights (0.75)", e.Message, StringComparison.Ordinal);
    }
}
