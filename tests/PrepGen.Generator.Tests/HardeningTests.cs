using Microsoft.CodeAnalysis;

namespace PrepGen.Generator.Tests;

/// <summary>
/// Issue 11, generator: ordinary C# never loses the generated output (unique hint names, escaped
/// identifiers, no exception into the compiler), and each fix has the test that would have caught it.
/// </summary>
public class HardeningTests
{
    /// <summary>Runs the generator and asserts it neither threw nor left a compile error: every layer was generated.</summary>
    private static GeneratorRun Clean(string source, params (string Path, string? Text)[] files)
    {
        GeneratorRun run = GeneratorHarness.Run(source, files);
        Assert.Null(run.Result.Results[0].Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Id is "CS8785" or "AD0001"));
        Assert.True(run.CompileErrors.IsEmpty, string.Join("\n", run.CompileErrors));
        string[] hints = run.Result.Results[0].GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Equal(hints.Length, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        return run;
    }

    [Fact]
    public void Overloaded_layer_methods_get_distinct_files()
    {
        GeneratorRun run = Clean("""
            using System;
            using PrepGen;
            namespace Demo;
            public static partial class E
            {
                [StringLookup(Vocabulary = new[] { "a", "b" })] public static partial long City(string city);
                [StringLookup(Vocabulary = new[] { "a", "b" }, OutputMode = OutputMode.OneHot)] public static partial void City(string city, Span<float> output);
                [Hashing(NumBins = 4)] public static partial long city(long v);
            }
            public static class Use
            {
                public static long[] Run()
                {
                    var o = new float[3];
                    E.City("b", o);
                    return [E.City("b"), (long)o[2], E.city(3) is >= 0 and < 4 ? 1 : 0];
                }
            }
            """);
        Assert.Equal(3, run.LayerSources.Length);
        Assert.Single(run.Result.Results[0].GeneratedSources, s => s.HintName.StartsWith("PrepGen.Table.StringTable_", StringComparison.Ordinal)); // the two City layers share one table
        Assert.Equal(new long[] { 2, 1, 1 }, (long[])GeneratorHarness.Load(run).GetType("Demo.Use")!.GetMethod("Run")!.Invoke(null, null)!);
    }

    [Fact]
    public void Generic_nested_and_case_variant_types_get_distinct_files()
    {
        GeneratorRun run = Clean("""
            using System;
            using PrepGen;
            namespace Demo
            {
                public static partial class Outer<TX> { [Hashing(NumBins = 3)] public static partial long M(string v); }
                public static partial class Outer_TX_ { [Hashing(NumBins = 3)] public static partial long M(string v); }
                public static partial class Outer { [Hashing(NumBins = 3)] public static partial long M(string v); }
                public static partial class OUTER { [Hashing(NumBins = 3)] public static partial long M(string v); }
                public partial class Host<T>
                {
                    public static partial class Inner { [Hashing(NumBins = 3)] public static partial long M(string v); }

                    [FeatureRecord] public partial record Row { [Hashing(NumBins = 3)] public string A { get; init; } = ""; }

                    [ImagePipeline(Height = 4, Width = 4, Channels = 1)] [Resizing(2, 2)] public static partial class Pipe { }
                }
            }
            namespace demo
            {
                public static partial class Outer { [Hashing(NumBins = 3)] public static partial long M(string v); }
            }
            namespace Other
            {
                public static partial class Outer { [Hashing(NumBins = 3)] public static partial long M(string v); }
            }
            """);
        Assert.Equal(9, run.Result.Results[0].GeneratedSources.Length);
    }

    [Fact]
    public void Keyword_names_are_escaped()
    {
        GeneratorRun run = Clean("""
            using System;
            using PrepGen;
            namespace @class.@event;
            public static partial class @struct
            {
                [StringLookup(Vocabulary = new[] { "a", "b" })] public static partial long @class(string @object);
                [HashedCrossing(NumBins = 5)] public static partial long Cross(string hash, long prepgenHash);
                [Normalization(Mean = new[] { 1.0 }, Variance = new[] { 4.0 })] public static partial void @int(ReadOnlySpan<float> @in, Span<float> @out);
            }
            [FeatureRecord]
            public partial record @record
            {
                [StringLookup(Vocabulary = new[] { "a", "b" })] public string @event { get; init; } = "";
                [Hashing(NumBins = 2)] public long @class;
                [HashedCrossing(NumBins = 5)] public (string, long) destination => (@event, 101);
                [Normalization(Mean = new[] { 1.0 }, Variance = new[] { 4.0 })] public float prepgenOne { get; init; }
            }
            public static class Use
            {
                public static float[] Run()
                {
                    var row = new float[@record.EncodedWidth];
                    new @record { @event = "b", prepgenOne = 5 }.Encode(row);
                    var n = new float[1];
                    @struct.@int([3f], n);
                    return [@struct.@class("b"), @struct.Cross("A", 101), .. row, .. n];
                }
            }
            """);
        // hashedcrossing-int-5: ("A", 101) -> 1 and ("B"...) aside; the row: "b" -> 2, hash of 0 in 2 bins, crossing, (5 - 1) / 2 = 2.
        float[] values = (float[])GeneratorHarness.Load(run).GetType("class.event.Use")!.GetMethod("Run")!.Invoke(null, null)!;
        Assert.Equal(2f, values[0]);
        Assert.Equal(1f, values[1]);
        Assert.Equal(2f, values[2]);
        Assert.Equal(2f, values[5]);
        Assert.Equal(1f, values[6]);
    }

    /// <summary>Runs the generator on members of a static partial class E; the single diagnostic it must report, located in the source.</summary>
    private static Diagnostic OneError(string members, params (string Path, string? Text)[] files)
    {
        GeneratorRun run = GeneratorHarness.Run("using System;\nusing PrepGen;\nnamespace Demo;\npublic static partial class E\n{\n    " + members + "\n}\n", files);
        Assert.Null(run.Result.Results[0].Exception);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Id is "CS8785" or "AD0001"));
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        return diagnostic;
    }

    private static string Message(Diagnostic d) => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("[StringLookup(Vocabulary = new[] { \"a\", \"\\uD800\", \"\\uDC00\" })] public static partial long M(string v);", "entry 1 holds an unpaired surrogate (U+D800")]
    [InlineData("[TextVectorization(Vocabulary = new[] { \"a\\uDFFFb\" })] public static partial int M(string v, Span<long> ids);", "entry 0 holds an unpaired surrogate (U+DFFF at char 1)")]
    [InlineData("[StringLookup(Vocabulary = new[] { \"a\" }, MaskToken = \"\\uD800\")] public static partial long M(string v);", "MaskToken holds an unpaired surrogate")]
    [InlineData("[Hashing(NumBins = 3, MaskValue = \"\\uDC00\")] public static partial long M(string v);", "MaskValue holds an unpaired surrogate")]
    public void Strings_without_a_UTF8_form_are_PG0212(string member, string messagePart)
    {
        Diagnostic d = OneError(member);
        Assert.Equal("PG0212", d.Id);
        Assert.Contains(messagePart, Message(d), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ngrams = 20000000", "Ngrams = 20000000 is beyond PrepGen's limit of 64")]
    [InlineData("Ngrams = int.MaxValue", "Ngrams = 2147483647 is beyond PrepGen's limit of 64")]
    [InlineData("NgramWidths = new[] { 2, 65 }", "NgramWidths width 65 is beyond PrepGen's limit of 64")]
    public void Ngram_widths_are_bounded(string option, string messagePart)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Diagnostic d = OneError("[TextVectorization(Vocabulary = new[] { \"a\" }, " + option + ")] public static partial int M(string v, Span<long> ids);");
        Assert.Equal("PG0302", d.Id);
        Assert.Contains(messagePart, Message(d), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString());
    }

    [Fact]
    public void Sixty_four_wide_ngrams_still_generate() =>
        Clean("using System; using PrepGen; public static partial class E { [TextVectorization(Vocabulary = new[] { \"a\" }, Ngrams = 64)] public static partial int M(string v, Span<long> ids); }");

    [Fact]
    public void Invalid_UTF8_in_a_vocabulary_file_is_PG0104_naming_the_line()
    {
        foreach (bool mapped in new[] { false, true })
        {
            GeneratorRun run = GeneratorHarness.Run(
                GeneratorHarness.Compilation("using PrepGen; public static partial class E { [StringLookup(VocabularyFile = \"v.txt\")] public static partial long M(string v); }"),
                GeneratorHarness.Driver(new TestAdditionalText("/p/v.txt", [0x61, 0x0A, 0x62, 0x0A, 0xC3, 0x28, 0x0A, 0xFF, 0x0A])).WithUpdatedAnalyzerConfigOptions(new MappedFilesOptions(mapped ? ["/p/v.txt"] : [])));
            Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
            Assert.Equal("PG0104", d.Id);
            Assert.Contains("line 3: holds bytes that are not valid UTF-8", Message(d), StringComparison.Ordinal);
            Assert.Equal("Source0.cs", d.Location.GetLineSpan().Path);
        }

        // Valid UTF-8 for U+FFFD (EF BF BD) is a token like any other.
        GeneratorRun valid = GeneratorHarness.Run(
            GeneratorHarness.Compilation("using PrepGen; public static partial class E { [StringLookup(VocabularyFile = \"v.txt\")] public static partial long M(string v); }"),
            GeneratorHarness.Driver(new TestAdditionalText("/p/v.txt", [0x61, 0x0A, 0xEF, 0xBF, 0xBD, 0x0A])));
        Assert.Empty(valid.GeneratorDiagnostics);
    }

    [Fact]
    public void A_mapped_vocabulary_with_a_duplicate_token_is_PG0103_naming_token_and_lines()
    {
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Compilation("using PrepGen; public static partial class E { [StringLookup(VocabularyFile = \"big.txt\")] public static partial long M(string v); }"),
            GeneratorHarness.Driver(new TestAdditionalText("/p/big.txt", "a\nb\nc\nb\n")).WithUpdatedAnalyzerConfigOptions(new MappedFilesOptions("/p/big.txt")));
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0103", d.Id);
        Assert.Contains("\"b\" (first at line 2, again at line 4)", Message(d), StringComparison.Ordinal);
    }

    [Fact]
    public void PG0002_for_a_layer_without_output_modes_names_no_mode()
    {
        Diagnostic d = OneError("[Normalization(Mean = new[] { 1.0 }, Variance = new[] { 1.0 })] public static partial float M(float x);");
        Assert.Equal("PG0002", d.Id);
        Assert.DoesNotContain("OutputMode", Message(d), StringComparison.Ordinal);
        Assert.StartsWith("Normalization on M cannot be generated as 'float M(float x)'", Message(d), StringComparison.Ordinal);
    }

    [Fact]
    public void Record_member_diagnostics_name_the_member()
    {
        GeneratorRun run = GeneratorHarness.Run(
            "using PrepGen; [FeatureRecord] public partial record Wine { [Normalization(StatsFile = \"stats.json\", StatsKey = \"proline\")] public float Proline { get; init; } }",
            ("/p/stats.json", "{\"format\": 1, \"features\": {\"alcohol\": {\"kind\": \"normalization\", \"mean\": [1], \"variance\": [1]}}}"));
        Diagnostic d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0106", d.Id);
        Assert.StartsWith("Normalization on Proline: StatsFile", Message(d), StringComparison.Ordinal);
        Assert.DoesNotContain("Encode_", Message(d), StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostics_link_to_no_unconfirmed_URL()
    {
        foreach (System.Reflection.FieldInfo field in typeof(PrepGen.Generator.Diagnostics.Descriptors).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        {
            var descriptor = (DiagnosticDescriptor)field.GetValue(null)!;
            Assert.True(string.IsNullOrEmpty(descriptor.HelpLinkUri), descriptor.Id + ": " + descriptor.HelpLinkUri);
            Assert.Contains("docs/diagnostics.md, section " + descriptor.Id, descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }

    private const string ChemRecord = """
        using System;
        using PrepGen;
        namespace Demo;
        [FeatureRecord]
        public partial record Wine
        {
            [Normalization(Mean = new[] { 1.0, 2.0, 3.0 }, Variance = new[] { 1.0, 4.0, 9.0 })] public float[] Chem { get; init; } = [];
            [TextVectorization(Vocabulary = new[] { "a", "b" }, OutputSequenceLength = 1000)] public string Text { get; init; } = "";
        }
        public static class Use
        {
            public static float[] Encode(float[]? chem, string text)
            {
                var row = new float[Wine.EncodedWidth];
                new Wine { Chem = chem!, Text = text }.Encode(row);
                return row;
            }
        }
        """;

    [Fact]
    public void A_feature_vector_of_the_wrong_length_throws_even_when_empty()
    {
        GeneratorRun run = Clean(ChemRecord);
        System.Reflection.MethodInfo encode = GeneratorHarness.Load(run).GetType("Demo.Use")!.GetMethod("Encode")!;
        float[] row = (float[])encode.Invoke(null, [new float[] { 1, 4, 9 }, "b a c"])!;
        Assert.Equal(new float[] { 0, 1, 2, 3, 2, 1, 0 }, row[..7]);        // (x - mean) / sqrt(var); ids b=3, a=2, c=OOV 1, padding
        Assert.Equal(1003, row.Length);
        foreach (float[]? chem in new[] { [], null, new float[2], new float[4] })
        {
            var ex = Assert.Throws<System.Reflection.TargetInvocationException>(() => encode.Invoke(null, [chem, ""]));
            Assert.IsType<ArgumentException>(ex.InnerException);
        }

        Assert.Contains("Chem has 0 values, but its Normalization has 3 features", Assert.Throws<System.Reflection.TargetInvocationException>(() => encode.Invoke(null, [Array.Empty<float>(), ""])).InnerException!.Message, StringComparison.Ordinal);
    }

    /// <summary>The generator's diagnostics are the only errors: no CS8795 on the failed method, no CS0117 at uses of a failed record.</summary>
    private static GeneratorRun OnlyPrepGenErrors(string source, string[] expectedIds, params (string Path, string? Text)[] files)
    {
        GeneratorRun run = GeneratorHarness.Run(source, files);
        Assert.Null(run.Result.Results[0].Exception);
        Assert.Equal(expectedIds.Order(), run.GeneratorDiagnostics.Select(d => d.Id).Order());
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("Source0.cs", d.Location.GetLineSpan().Path));
        Assert.True(run.CompileErrors.IsEmpty, string.Join("\n", run.CompileErrors));
        return run;
    }

    [Fact]
    public void A_failed_layer_method_gets_a_body_that_throws_and_the_rest_still_works()
    {
        GeneratorRun run = OnlyPrepGenErrors("""
            using System;
            using PrepGen;
            namespace Demo;
            public static partial class E
            {
                [StringLookup(VocabularyFile = "missing.txt")] public static partial long Missing(string v);
                [StringLookup(Vocabulary = new[] { "a" })] public static partial double WrongShape(string v);
                [StringLookup(Vocabulary = new[] { "a" })][Hashing(NumBins = 2)] public static partial long Two(string v);
                [Hashing(NumBins = 3)] public static partial long Fine(string v);
                [Hashing(NumBins = 3)] public static partial long Extension(this string v);
            }
            public static class Use
            {
                public static long Run() => E.Fine("A") + "A".Extension() * 10;
                public static long Fail() => E.Missing("a") + (long)E.WrongShape("a") + E.Two("a");
            }
            """, ["PG0100", "PG0002", "PG0003"]);
        Type use = GeneratorHarness.Load(run).GetType("Demo.Use")!;
        Assert.Equal(11L, use.GetMethod("Run")!.Invoke(null, null));       // hashing-farmhash-ABCDE-3: "A" -> 1
        var ex = Assert.Throws<System.Reflection.TargetInvocationException>(() => use.GetMethod("Fail")!.Invoke(null, null));
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Contains("StringLookup on Missing", ex.InnerException!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[StringLookup(Vocabulary = new[] { \"a\" })] public System.DateTime When { get; init; }", "PG0004")]
    [InlineData("[StringLookup(VocabularyFile = \"missing.txt\")] public string City { get; init; } = \"\";", "PG0100")]
    [InlineData("[StringLookup(Vocabulary = new[] { \"a\" }, OutputMode = OutputMode.OneHot)] public string City { get; init; } = \"\";", "PG0005")]
    [InlineData("public string Nothing { get; init; } = \"\";", "PG0007")]
    public void A_failed_record_keeps_its_uses_compiling(string member, string id)
    {
        bool integers = id == "PG0005";
        string element = integers ? "long" : "float";
        GeneratorRun run = OnlyPrepGenErrors($$"""
            using System;
            using PrepGen;
            namespace Demo;
            [FeatureRecord(IntegerOutput = {{(integers ? "true" : "false")}})]
            public partial record Row
            {
                {{member}}
            }
            public static class Use
            {
                public static int Run()
                {
                    var row = new {{element}}[Row.EncodedWidth];
                    new Row().Encode(row);
                    Row.EncodeBatch([new Row()], row);
                    return row.Length;
                }
            }
            """, [id]);
        var ex = Assert.Throws<System.Reflection.TargetInvocationException>(() => GeneratorHarness.Load(run).GetType("Demo.Use")!.GetMethod("Run")!.Invoke(null, null));
        Assert.IsType<InvalidOperationException>(ex.InnerException);
    }

    /// <summary>
    /// The invalid-UTF-8 check reads how the compiler decoded the file, so it is checked once with the real
    /// compiler too: the SDK's csc, PrepGen as an analyzer, the bytes on disk.
    /// </summary>
    [Fact]
    public void The_real_compiler_reports_invalid_UTF8_in_a_vocabulary_file()
    {
        string root = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string csc = Directory.GetFiles(Path.Combine(root, "sdk"), "csc.dll", SearchOption.AllDirectories)
            .Where(f => f.Replace('\\', '/').EndsWith("/Roslyn/bincore/csc.dll", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal).Last();
        string dir = Directory.CreateTempSubdirectory("prepgen-csc").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "bad.txt"), [0x61, 0x0A, 0x62, 0x0A, 0xC3, 0x28, 0x0A]);
            File.WriteAllText(Path.Combine(dir, "p.cs"), "using PrepGen;\npublic static partial class E { [StringLookup(VocabularyFile = \"bad.txt\")] public static partial long M(string v); }\n");
            string bin = AppContext.BaseDirectory;
            string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            var arguments = new List<string> { "exec", csc, "-nologo", "-t:library", "-nostdlib", "-out:" + Path.Combine(dir, "p.dll"), "-analyzer:" + Path.Combine(bin, "PrepGen.Generator.dll"), "-additionalfile:" + Path.Combine(dir, "bad.txt"), Path.Combine(dir, "p.cs") };
            arguments.AddRange(tpa.Split(Path.PathSeparator).Where(f => Path.GetFileName(f).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(f) is "netstandard.dll").Select(f => "-r:" + f));
            arguments.Add("-r:" + Path.Combine(bin, "PrepGen.Attributes.dll"));
            arguments.Add("-r:" + Path.Combine(bin, "PrepGen.Runtime.dll"));
            var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet")) { RedirectStandardOutput = true, RedirectStandardError = true };
            arguments.ForEach(start.ArgumentList.Add);
            using var process = System.Diagnostics.Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(120_000));
            Assert.Contains("p.cs(2,34): error PG0104: bad.txt", output, StringComparison.Ordinal);
            Assert.Contains("line 3: holds bytes that are not valid UTF-8", output, StringComparison.Ordinal);
            Assert.DoesNotContain("CS8785", output, StringComparison.Ordinal);
            Assert.DoesNotContain("CS8795", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
