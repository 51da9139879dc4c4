using System.Diagnostics;
using BenchmarkDotNet.Running;
using nietras.SeparatedValues;

namespace PrepGen.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--first-lookup", .. string[] mode])
        {
            // "eager": verify every block of a mapped table when it is mapped; "skip": no checksum (the AppContext switches).
            AppContext.SetSwitch(PrepGen.Runtime.MappedStringTable.VerifyOnOpenSwitch, mode is ["eager"]);
            AppContext.SetSwitch(PrepGen.Runtime.MappedStringTable.SkipChecksumSwitch, mode is ["skip"]);
            FirstLookup();
            return;
        }

        if (args is ["--adapt-throughput", string input, .. string[] adaptArgs])
        {
            AdaptThroughput(input, adaptArgs);
            return;
        }

        if (args is ["--sep-parse", string csv])
        {
            SepParse(csv);
            return;
        }

        if (args is ["--sep-parse", string file, string column])
        {
            SepParseColumn(file, column);
            return;
        }

        if (args is ["--parallel-scaling"])
        {
            ParallelScaling();
            return;
        }

        if (args is ["--profile-english", string seconds])
        {
            ProfileEnglish(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    /// <summary>
    /// Time from process start to the first answer of a 50k and a 1M-token layer (each the first call of its
    /// layer: JIT, and StringTable.Build deriving the slots from the compiled pilots and keys). Not BDN:
    /// a first call happens once per process. Before them (build with -p:PrepGenVeryLarge=true), the first lookup of the
    /// 10^7-token mapped table (opening and mapping its file), as the process's first call.
    /// </summary>
    private static void FirstLookup()
    {
        DateTime started = Process.GetCurrentProcess().StartTime;
        TimeSpan sinceStart = DateTime.Now - started;
        var watch = Stopwatch.StartNew();
#if PREPGEN_VERY_LARGE
        long mapped = Layers.Mapped10mUtf8("cishas"u8);
        TimeSpan firstMapped = watch.Elapsed;
        TimeSpan mappedSinceStart = DateTime.Now - started;
        watch.Restart();
#endif
        long small = Layers.Lookup50kUtf8("cishas"u8);
        TimeSpan first50k = watch.Elapsed;
        watch.Restart();
        long large = Layers.Lookup1mUtf8("cishas"u8);
        TimeSpan first1m = watch.Elapsed;
        watch.Restart();
        long again = Layers.Lookup1mUtf8("thequor"u8);
        TimeSpan second = watch.Elapsed;
        Console.WriteLine($"process start -> Main: {sinceStart.TotalMilliseconds:F1} ms");
        Console.WriteLine($"first lookup, 50k tokens: {first50k.TotalMilliseconds:F2} ms (id {small})");
        Console.WriteLine($"first lookup, 1M tokens: {first1m.TotalMilliseconds:F2} ms (id {large})");
        Console.WriteLine($"second lookup, 1M tokens: {second.TotalMilliseconds * 1000:F1} us (id {again})");
#if PREPGEN_VERY_LARGE
        Console.WriteLine($"first lookup, 10M tokens, mapped (the first call of the process): {firstMapped.TotalMilliseconds:F2} ms (id {mapped}); process start -> this answer: {mappedSinceStart.TotalMilliseconds:F1} ms");
#endif
    }

    /// <summary>
    /// Runs the real-English TextVectorization benchmark's generated layer in a loop for a profiler
    /// (<c>dotnet-trace collect --format speedscope -- dotnet PrepGen.Benchmarks.dll --profile-english 10</c>).
    /// </summary>
    private static void ProfileEnglish(double seconds)
    {
        var benchmark = new TextEnglishBenchmarks();
        benchmark.Setup();
        var watch = Stopwatch.StartNew();
        long documents = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            benchmark.English_PrepGen();
            documents += 64;
        }

        Console.WriteLine($"{documents} documents, {watch.Elapsed.TotalMicroseconds / documents:F2} us each");
    }

    /// <summary>
    /// Serial vs ParallelBatch on the 100k-row batches, outside BenchmarkDotNet: the best of 30 runs each,
    /// alternating, so a load spike hits both (a cross-check of ParallelBatchBenchmarks on a shared machine).
    /// </summary>
    private static void ParallelScaling()
    {
        var b = new ParallelBatchBenchmarks();
        b.Setup();
        (string Name, Action Serial, Action Parallel)[] cases =
        [
            ("lookup", () => b.Lookup_Serial(), () => b.Lookup_Parallel()),
            ("text", () => b.Text_Serial(), () => b.Text_Parallel()),
            ("record", () => b.Record_Serial(), () => b.Record_Parallel()),
        ];
        foreach ((string name, Action serial, Action parallel) in cases)
        {
            double bestSerial = double.MaxValue, bestParallel = double.MaxValue;
            for (int i = 0; i < 30; i++)
            {
                var watch = Stopwatch.StartNew();
                serial();
                bestSerial = Math.Min(bestSerial, watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                parallel();
                bestParallel = Math.Min(bestParallel, watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"{name}: serial {bestSerial:F2} ms, parallel {bestParallel:F2} ms, {bestSerial / bestParallel:F2}x on {Environment.ProcessorCount} cores");
        }
    }

    /// <summary>The ceiling for a numeric adapt (issue 14): Sep reading every field of a CSV as a float and nothing else.</summary>
    private static void SepParse(string path) => BestOfThree(path, "Sep parse-only", o => o, ReadFloats);

    /// <summary>
    /// The ceiling for a string-lookup adapt (issue 14): Sep reading one column's fields (header on, unescaped as
    /// <c>prepgen adapt</c> reads them) and touching each field's chars, nothing else.
    /// </summary>
    private static void SepParseColumn(string path, string column) =>
        BestOfThree(path, $"Sep parse-only, column '{column}'", Unescaped, reader => ReadColumn(reader, column));

    private static SepReaderOptions Unescaped(SepReaderOptions options) => options with { Unescape = true };

    private static (long Rows, string Checksum) ReadFloats(SepReader reader)
    {
        long rows = 0;
        double sum = 0;
        foreach (SepReader.Row row in reader)
        {
            for (int c = 0; c < row.ColCount; c++)
            {
                sum += row[c].Parse<float>();
            }

            rows++;
        }

        return (rows, sum.ToString("E3", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static (long Rows, string Checksum) ReadColumn(SepReader reader, string column)
    {
        long rows = 0;
        long chars = 0;
        int index = reader.Header.IndexOf(column);
        foreach (SepReader.Row row in reader)
        {
            ReadOnlySpan<char> field = row[index].Span;
            chars += field.Length + (field.IsEmpty ? 0 : field[0]);
            rows++;
        }

        return (rows, chars.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>One pass of a fresh Sep reader over the file; returns its seconds.</summary>
    private static double SepPass(string path, Func<SepReaderOptions, SepReaderOptions> options, Func<SepReader, (long Rows, string Checksum)> read, out (long Rows, string Checksum) result)
    {
        var watch = Stopwatch.StartNew();
        using var stream = File.OpenRead(path);
        using SepReader reader = Sep.Reader(options).From(stream);
        result = read(reader);
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Reads the file with a fresh Sep reader three times, one thread, and prints the best pass (the page cache is warm after the first).</summary>
    private static void BestOfThree(string path, string what, Func<SepReaderOptions, SepReaderOptions> options, Func<SepReader, (long Rows, string Checksum)> read)
    {
        double best = double.MaxValue;
        (long Rows, string Checksum) result = default;
        for (int pass = 0; pass < 3; pass++)
        {
            best = Math.Min(best, SepPass(path, options, read, out result));
        }

        double megabytes = new FileInfo(path).Length / 1e6;
        Console.WriteLine($"{what}: {result.Rows} rows, {megabytes:F1} MB in {best:F3} s = {megabytes / best:F1} MB/s, {result.Rows / best:F0} rows/s (checksum {result.Checksum})");
    }

    /// <summary>
    /// Reruns this command in a child process whose environment sets prepgen's runtimeconfig JIT properties (TieredPGO,
    /// QuickJitForLoops), unless this process is that child; returns whether it did.
    /// </summary>
    private static bool RerunWithToolJitSettings()
    {
        const string Child = "PREPGEN_BENCH_TOOL_JIT";
        if (Environment.GetEnvironmentVariable(Child) is not null)
        {
            return false;
        }

        string config = Path.Combine(AppContext.BaseDirectory, "prepgen.runtimeconfig.json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(config));
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        foreach (string arg in Environment.GetCommandLineArgs().Skip(Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal) ? 0 : 1))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[Child] = "1";
        if (json.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties))
        {
            foreach ((string property, string variable) in new[] { ("System.Runtime.TieredPGO", "DOTNET_TieredPGO"), ("System.Runtime.TieredCompilation.QuickJitForLoops", "DOTNET_TC_QuickJitForLoops") })
            {
                if (properties.TryGetProperty(property, out var value) && value.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)
                {
                    start.Environment[variable] = value.GetBoolean() ? "1" : "0";
                    Console.WriteLine($"(as prepgen.runtimeconfig.json: {variable}={start.Environment[variable]})");
                }
            }
        }

        using Process child = Process.Start(start)!;
        child.WaitForExit();
        Environment.ExitCode = child.ExitCode;
        return true;
    }

    /// <summary>
    /// Issue 14's ratio in one process: `prepgen adapt --input FILE ARGS --quiet` run in-process (so neither side
    /// pays the process start; JIT and page cache warm after the first pass) against Sep parse-only of the same
    /// CSV (every field as a float for a numeric layer, else the adapted column's fields), alternating, best of five
    /// (PREPGEN_PASSES=N for N). It runs under the JIT settings prepgen ships with (prepgen.runtimeconfig.json), not this
    /// program's, so that one-shot code (the vocabulary's sort, the file) is compiled as it is in the tool.
    /// </summary>
    private static void AdaptThroughput(string path, string[] adaptArgs)
    {
        if (RerunWithToolJitSettings())
        {
            return;
        }

        int passes = int.TryParse(Environment.GetEnvironmentVariable("PREPGEN_PASSES"), out int n) && n > 0 ? n : 5;
        bool csv = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        bool numbers = adaptArgs.Any(a => a is "normalization" or "discretization");
        int columnAt = Array.FindIndex(adaptArgs, a => a is "-c" or "--column");
        string? column = columnAt >= 0 && columnAt + 1 < adaptArgs.Length ? adaptArgs[columnAt + 1] : null;
        string[] args = ["adapt", "--input", path, .. adaptArgs, "--quiet"];
        double sep = double.MaxValue;
        double adapt = double.MaxValue;
        for (int pass = 0; pass < passes; pass++)
        {
            if (csv)
            {
                sep = Math.Min(sep, numbers
                    ? SepPass(path, o => o, ReadFloats, out _)
                    : SepPass(path, Unescaped, reader => ReadColumn(reader, column!), out _));
            }

            var watch = Stopwatch.StartNew();
            int code = PrepGen.Cli.PrepGenCli.Run(args, TextWriter.Null, Console.Error);
            adapt = Math.Min(adapt, watch.Elapsed.TotalSeconds);
            Console.WriteLine($"  pass {pass + 1}: adapt {watch.Elapsed.TotalSeconds:F3} s");
            if (code != 0)
            {
                throw new InvalidOperationException($"prepgen adapt exited with {code}.");
            }
        }

        double megabytes = new FileInfo(path).Length / 1e6;
        Console.WriteLine($"adapt {string.Join(' ', adaptArgs)}: {megabytes:F1} MB in {adapt:F3} s = {megabytes / adapt:F1} MB/s");
        if (csv)
        {
            Console.WriteLine($"Sep parse-only ({(numbers ? "every field as a float" : $"column '{column}'")}): {sep:F3} s = {megabytes / sep:F1} MB/s; adapt / Sep = {sep / adapt:P0}");
        }
    }
}
