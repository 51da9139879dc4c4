using System.Reflection;
using System.Text;

namespace PrepGen.Generator.Tests;

/// <summary>
/// For random vocabularies (empty string, non-ASCII, long tokens, near-duplicates) and random queries, the
/// generated lookup agrees with a Dictionary built from the same vocabulary, through every entry point.
/// </summary>
public class LookupPropertyTests
{
    private const string Source = """
        using System;
        using PrepGen;
        namespace Demo;
        public static partial class E
        {
            [StringLookup(VocabularyFile = "v.txt", NumOovIndices = 1)]
            public static partial long S(string value);

            [StringLookup(VocabularyFile = "v.txt", NumOovIndices = 1)]
            public static partial long Utf8(ReadOnlySpan<byte> value);

            [StringLookup(VocabularyFile = "v.txt", NumOovIndices = 1)]
            public static partial long Chars(ReadOnlySpan<char> value);

            [IntegerLookup(VocabularyFile = "i.txt")]
            public static partial long I(long value);

            public static long Utf8Bytes(byte[] value) => Utf8(value);

            public static long CharArray(char[] value) => Chars(value);
        }
        """;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(17, 3)]
    [InlineData(300, 4)]
    [InlineData(5000, 5)]
    [InlineData(40000, 6)]
    public void Generated_lookup_agrees_with_a_dictionary(int size, int seed)
    {
        var rng = new Random(seed);
        string[] vocabulary = RandomVocabulary(rng, size);
        long[] integers = Enumerable.Range(0, size).Select(_ => rng.NextInt64(long.MinValue, long.MaxValue)).Distinct().ToArray();
        var expected = vocabulary.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => (long)p.i + 1, StringComparer.Ordinal);
        var expectedIntegers = integers.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => (long)p.i + 1);

        GeneratorRun run = GeneratorHarness.Run(Source,
            ("/p/v.txt", string.Join("\n", vocabulary) + "\n"),
            ("/p/i.txt", string.Join("\n", integers) + "\n"));
        Assert.Empty(run.GeneratorDiagnostics);
        Type e = GeneratorHarness.Load(run).GetType("Demo.E")!;
        Func<string, long> s = e.GetMethod("S")!.CreateDelegate<Func<string, long>>();
        Func<byte[], long> utf8 = e.GetMethod("Utf8Bytes")!.CreateDelegate<Func<byte[], long>>();
        Func<char[], long> chars = e.GetMethod("CharArray")!.CreateDelegate<Func<char[], long>>();
        Func<long, long> integer = e.GetMethod("I")!.CreateDelegate<Func<long, long>>();

        IEnumerable<string> queries = vocabulary.Concat(RandomVocabulary(rng, Math.Min(size * 2, 20000)))
            .Concat(vocabulary.Select(t => t + "x")).Concat(vocabulary.Where(t => t.Length > 0).Select(t => t[..^1]));
        foreach (string query in queries)
        {
            long want = expected.TryGetValue(query, out long index) ? index : 0;
            Assert.Equal(want, s(query));
            Assert.Equal(want, utf8(Encoding.UTF8.GetBytes(query)));
            Assert.Equal(want, chars(query.ToCharArray()));
        }

        foreach (long query in integers.Concat(integers.Select(v => v + 1)).Concat([0, long.MinValue, long.MaxValue, -1]))
        {
            Assert.Equal(expectedIntegers.TryGetValue(query, out long index) ? index : 0, integer(query));
        }
    }

    [Fact]
    public void Non_ASCII_chars_that_truncate_to_a_key_do_not_match_it()
    {
        // U+0161 and U+0261 narrow to 0x61 ('a') when chars are truncated to bytes: the UTF-16 probe must
        // still reject them (Keras compares UTF-8 bytes: C5 A1 is not "a").
        GeneratorRun run = GeneratorHarness.Run(Source, ("/p/v.txt", "a\nab\n\u0161\n"), ("/p/i.txt", "1\n"));
        Assert.Empty(run.GeneratorDiagnostics);
        Type e = GeneratorHarness.Load(run).GetType("Demo.E")!;
        Func<string, long> s = e.GetMethod("S")!.CreateDelegate<Func<string, long>>();
        Assert.Equal([1, 2, 3, 0, 0, 0], new[] { "a", "ab", "\u0161", "\u0261", "\u0161b", "\u0261\u0262" }.Select(s));
    }

    private static string[] RandomVocabulary(Random rng, int size)
    {
        string[] alphabets = ["abcdefghijklmnopqrstuvwxyz", "aeiou", "αβγδεζηθ", "日本語中文", "éèêëçàù", "😀🎉"];
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (rng.Next(2) == 0)
        {
            set.Add("");
        }

        while (set.Count < size)
        {
            string alphabet = alphabets[rng.Next(alphabets.Length)];
            int length = rng.Next(20) == 0 ? rng.Next(40, 400) : rng.Next(1, 20);
            var builder = new StringBuilder();
            var elements = System.Globalization.StringInfo.GetTextElementEnumerator(alphabet);
            var pieces = new List<string>();
            while (elements.MoveNext())
            {
                pieces.Add((string)elements.Current);
            }

            for (int i = 0; i < length; i++)
            {
                builder.Append(pieces[rng.Next(pieces.Count)]);
            }

            set.Add(builder.ToString());
        }

        return set.ToArray();
    }
}
