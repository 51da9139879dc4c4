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

    /// <summary>
    /// The ceiling for a numeric adapt (issue 14): Sep reading every field of a CSV as a float and nothing else,
    /// one thread, best of three passes (page cache warm after the first).
    /// </summary>
    private static void SepParse(string path)
    {
        double best = double.MaxValue;
        long rows = 0;
        for (int pass = 0; pass < 3; pass++)
        {
            var watch = Stopwatch.StartNew();
            rows = SepParseOnce(path, numbers: true);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        double megabytes = new FileInfo(path).Length / 1e6;
        Console.WriteLine($"Sep parse-only: {rows} rows, {megabytes:F1} MB in {best:F3} s = {megabytes / best:F1} MB/s, {rows / best:F0} rows/s");
    }

    // Sep reading every field of a CSV, as a float (numbers) or as the span a lookup would count; returns the rows.
    private static long SepParseOnce(string path, bool numbers)
    {
        long rows = 0;
        double sum = 0;
        using var stream = File.OpenRead(path);
        using var reader = Sep.Reader().From(stream);
        foreach (SepReader.Row row in reader)
        {
            for (int c = 0; c < row.ColCount; c++)
            {
                sum += numbers ? row[c].Parse<float>() : row[c].Span.Length;
            }

            rows++;
        }

        GC.KeepAlive(sum);
        return rows;
    }

    /// <summary>
    /// Issue 14's ratio in one process: `prepgen adapt --input FILE ARGS --quiet` in-process (JIT warm after the first
    /// pass, page cache warm) against Sep parse-only of the same file (CSV only: floats for a numeric layer, spans
    /// otherwise), alternating, best of five each.
    /// </summary>
    private static void AdaptThroughput(string path, string[] adaptArgs)
    {
        bool csv = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        bool numbers = adaptArgs.Any(a => a is "normalization" or "discretization");
        string[] args = ["adapt", "--input", path, .. adaptArgs, "--quiet"];
        double sep = double.MaxValue;
        double adapt = double.MaxValue;
        for (int pass = 0; pass < 5; pass++)
        {
            if (csv)
            {
                var sepWatch = Stopwatch.StartNew();
                SepParseOnce(path, numbers);
                sep = Math.Min(sep, sepWatch.Elapsed.TotalSeconds);
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
            Console.WriteLine($"Sep parse-only ({(numbers ? "floats" : "spans")}): {sep:F3} s = {megabytes / sep:F1} MB/s; adapt / Sep = {sep / adapt:P0}");
        }
    }
}
