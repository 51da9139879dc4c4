namespace PrepGen.Import.Tests;

/// <summary>
/// What the importer refuses: each message names the layer, its class and the reason, and the output folder
/// is left exactly as it was (no new file, no changed file, no stale-file cleanup).
/// </summary>
public sealed class RefusalTests
{
    private const string Lookup = """{"vocabulary": ["a", "b"], "num_oov_indices": 1, "mask_token": null, "oov_token": "[UNK]", "output_mode": "int"}""";

    [Fact]
    public void A_legacy_hdf5_without_its_vocabulary_is_refused_and_says_why() => Refused(
        Fixtures.Model("textvec-h5-keras2.12.0-vocab-lost.keras"),
        "layer 'text_vectorization' (TextVectorization): the file holds no vocabulary", "Re-save the model with TF 2.13+ or Keras 3");

    [Fact]
    public void A_SavedModel_folder_is_refused_with_how_to_resave_it() => Refused(
        Fixtures.Model("legacy-savedmodel-keras2.6-pets"), "is a TensorFlow SavedModel", "model.save(\"model.keras\")");

    [Fact]
    public void A_file_that_is_no_model_is_refused_with_its_first_bytes() => Refused(
        Fixtures.Model("README.md"), "is neither a Keras zip (.keras) nor an HDF5 file", "23205265616C2073");

    [Fact]
    public void Lambda_is_refused() => Refused(
        SyntheticModel.Zip(SyntheticModel.OneLayer("Lambda", """{"function": "lambda x: x", "name": "step"}""")),
        "layer 'step' (Lambda): a Lambda layer runs arbitrary Python code");

    [Fact]
    public void An_unknown_TensorFlow_op_is_refused_by_name() => Refused(
        SyntheticModel.Zip(SyntheticModel.OneLayer("TFOpLambda", """{"function": "math.log", "name": "step"}""")),
        "layer 'step' (TFOpLambda): the TensorFlow op 'math.log'");

    [Fact]
    public void An_unknown_layer_class_is_refused() => Refused(
        SyntheticModel.Zip(SyntheticModel.OneLayer("MyTokenizer", """{"name": "step"}""")),
        "layer 'step' (MyTokenizer): PrepGen does not know this layer class");

    [Fact]
    public void A_custom_standardize_function_is_refused() => Refused(
        SyntheticModel.Zip(SyntheticModel.OneLayer("TextVectorization",
            """{"vocabulary": ["a"], "standardize": "my_package>custom_standardize", "split": "whitespace", "output_mode": "int", "output_sequence_length": 4}""")),
        "layer 'step' (TextVectorization): standardize='my_package>custom_standardize' is a custom function");

    [Fact]
    public void A_custom_split_function_is_refused() => Refused(
        SyntheticModel.Zip(SyntheticModel.OneLayer("TextVectorization",
            """{"vocabulary": ["a"], "standardize": "lower", "split": "my_package>split_on_commas", "output_mode": "int", "output_sequence_length": 4}""")),
        "layer 'step' (TextVectorization): split='my_package>split_on_commas' is a custom function");

    [Fact]
    public void Ragged_text_is_refused() => Refused(
        SyntheticModel.Zip(SyntheticModel.OneLayer("TextVectorization", """{"vocabulary": ["a"], "output_mode": "int", "ragged": true}""")),
        "layer 'step' (TextVectorization): ragged=True");

    [Fact]
    public void Int_text_without_a_sequence_length_is_refused() => Refused(
        SyntheticModel.Zip(SyntheticModel.OneLayer("TextVectorization", """{"vocabulary": ["a"], "output_mode": "int", "output_sequence_length": null}""")),
        "layer 'step' (TextVectorization): output_mode='int' without output_sequence_length");

    [Fact]
    public void Sparse_output_is_refused() => Refused(
        SyntheticModel.Zip(SyntheticModel.OneLayer("StringLookup", Lookup.Replace("\"output_mode\": \"int\"", "\"output_mode\": \"multi_hot\", \"sparse\": true", StringComparison.Ordinal))),
        "layer 'step' (StringLookup): sparse=True");

    [Fact]
    public void Invert_is_refused() => Refused(
        SyntheticModel.Zip(SyntheticModel.OneLayer("StringLookup", Lookup.Replace("\"output_mode\"", "\"invert\": true, \"output_mode\"", StringComparison.Ordinal))),
        "layer 'step' (StringLookup): invert=True");

    [Fact]
    public void A_repeated_vocabulary_token_is_refused_with_both_entries() => Refused(
        SyntheticModel.Zip(SyntheticModel.OneLayer("StringLookup", """{"vocabulary": null, "num_oov_indices": 1, "oov_token": "[UNK]", "output_mode": "int"}"""),
            ("assets/layers/string_lookup/vocabulary.txt", "[UNK]\nred\nblue\nred")),
        "layer 'step' (StringLookup): its vocabulary repeats the token \"red\" (entries 1 and 3)");

    [Fact]
    public void A_vocabulary_that_disagrees_with_vocabulary_size_is_refused() => Refused(
        SyntheticModel.Zip(SyntheticModel.OneLayer("StringLookup", """{"vocabulary": null, "num_oov_indices": 1, "oov_token": "[UNK]", "output_mode": "int", "vocabulary_size": 9}"""),
            ("assets/layers/string_lookup/vocabulary.txt", "[UNK]\nred\nblue")),
        "gives 3 indices (2 tokens + 1 special) but the configuration says vocabulary_size=9");

    [Fact]
    public void A_missing_vocabulary_asset_is_refused() => Refused(
        SyntheticModel.Zip(SyntheticModel.OneLayer("StringLookup", """{"vocabulary": null, "output_mode": "int"}""")),
        "layer 'step' (StringLookup): the archive has no assets/layers/string_lookup/vocabulary.txt");

    [Fact]
    public void A_corrupt_zip_is_refused() => Refused(
        Write("broken.keras", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), "starts like a zip but cannot be read as one");

    [Fact]
    public void A_corrupt_hdf5_file_is_refused() => Refused(
        Write("broken.h5", [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0, 9, 9, 9]), "not a readable HDF5 file");

    [Fact]
    public void A_config_of_an_unknown_shape_is_refused() => Refused(
        SyntheticModel.Zip("""{"class_name": "Functional", "config": {"layers": [{"class_name": "InputLayer", "name": "x", "config": {"batch_shape": "wide"}, "inbound_nodes": [[["y", "zero", 0]]]}]}}"""),
        "the model's configuration is not in a form PrepGen knows");

    [Fact]
    public void A_config_that_is_no_model_is_refused() => Refused(
        SyntheticModel.Zip("""{"class_name": "Adam", "config": {}}"""), "the file holds a 'Adam', not a Keras model or FeatureSpace");

    [Fact]
    public void A_bad_type_name_is_refused()
    {
        var e = Assert.Throws<KerasImportException>(() => KerasImporter.Import(new KerasImportOptions
        {
            ModelPath = Fixtures.Pets.ModelPath,
            OutputDirectory = Fixtures.TempDirectory(),
            Namespace = "N",
            TypeName = "class",
        }));
        Assert.Contains("--type 'class' is not a C# identifier", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_from_another_model_are_refused_with_the_line()
    {
        var e = Assert.Throws<KerasImportException>(() => KerasImporter.Import(new KerasImportOptions
        {
            ModelPath = Fixtures.Pets.ModelPath,
            OutputDirectory = Fixtures.TempDirectory(),
            Namespace = "N",
            SamplesPath = Fixtures.TextCrlf.SamplesPath,
        }));
        Assert.Contains("(1): \"output\" has 30 values but the imported model encodes 48", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_successful_import_removes_only_its_own_stale_state_files()
    {
        string output = Fixtures.TempDirectory();
        Directory.CreateDirectory(Path.Combine(output, "Pets"));
        File.WriteAllText(Path.Combine(output, "Pets", "Removed.vocab.txt"), "old\n");
        File.WriteAllText(Path.Combine(output, "Other.cs"), "// not ours\n");

        Fixtures.Import(Fixtures.Pets, output);

        Assert.False(File.Exists(Path.Combine(output, "Pets", "Removed.vocab.txt")));
        Assert.True(File.Exists(Path.Combine(output, "Other.cs")));
        Assert.DoesNotContain(Directory.EnumerateDirectories(output), d => Path.GetFileName(d).StartsWith(".prepgen-import-", StringComparison.Ordinal));
    }

    private static void Refused(string model, params string[] messageParts)
    {
        string output = Fixtures.TempDirectory();
        Directory.CreateDirectory(Path.Combine(output, "Model"));
        File.WriteAllText(Path.Combine(output, "Model.cs"), "// an earlier import\n");
        File.WriteAllText(Path.Combine(output, "Model", "Old.vocab.txt"), "kept\n");
        string[] before = Snapshot(output);

        var e = Assert.Throws<KerasImportException>(() => KerasImporter.Import(new KerasImportOptions
        {
            ModelPath = model,
            OutputDirectory = output,
            Namespace = "N",
            TypeName = "Model",
        }));

        foreach (string part in messageParts)
        {
            Assert.Contains(part, e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, Snapshot(output));
    }

    private static string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(Fixtures.TempDirectory(), name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string[] Snapshot(string folder) => Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
        .Select(p => Path.GetRelativePath(folder, p) + (File.Exists(p) ? ":" + File.ReadAllText(p) : "/"))
        .Order(StringComparer.Ordinal)
        .ToArray();
}
