using System.Diagnostics;
using BenchmarkDotNet.Running;

namespace PrepGen.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--first-lookup"])
        {
            FirstLookup();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    /// <summary>
    /// Time from process start to the first answer of a 50k and a 1M-token layer (each the first call of its
    /// layer: JIT, and StringTable.Build deriving the slots from the compiled pilots and keys). Not BDN:
    /// a first call happens once per process.
    /// </summary>
    private static void FirstLookup()
    {
        TimeSpan sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var watch = Stopwatch.StartNew();
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
    }
}
