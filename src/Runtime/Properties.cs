using System.Runtime.CompilerServices;

// Every stackalloc in this assembly is written before it is read; zeroing a 768-byte key buffer per
// lookup was measured at ~12 ns (benchmarks: Utf16CostBenchmarks).
[module: SkipLocalsInit]

// Kernel internals (SIMD widths, drivers) are reached by the runtime tests.
[assembly: InternalsVisibleTo("PrepGen.Runtime.Tests")]

// The adapters count a TextVectorization vocabulary over the tokens of the layers' own tokenizer (TextVectorizer.Tokenize).
[assembly: InternalsVisibleTo("PrepGen.Adapters")]
