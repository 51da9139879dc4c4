using System.Text;

namespace PrepGen.Benchmarks;

/// <summary>
/// Seeded benchmark data over the gen-vocab state files: lookup queries (uniform hits, ~20% misses that look
/// like the vocabulary's words), and English-like documents whose words follow a Zipf(1) law over the
/// vocabulary's frequency order, with capitals, commas, sentence punctuation, numbers and ~4% OOV words.
/// </summary>
public static class BenchData
{
    private static readonly Dictionary<string, string[]> Files = [];

    public static string VocabDir => Layers.StateDirectory;

    /// <summary>Lines of a generated state file (cached).</summary>
    public static string[] Lines(string name)
    {
        lock (Files)
        {
            if (!Files.TryGetValue(name, out string[]? lines))
            {
                lines = File.ReadAllLines(Path.Combine(VocabDir, name));
                Files[name] = lines;
            }

            return lines;
        }
    }

    /// <summary>Pronounceable words of the vocabulary's shape that are NOT in <paramref name="vocabulary"/>.</summary>
    public static string[] MissWords(int count, IReadOnlySet<string> vocabulary, int seed)
    {
        string[] onsets = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "bl", "gl", "sk", "sp", "sn", "kr", "wh", ""];
        string[] vowels = ["a", "e", "i", "o", "u", "oa", "ie", "au", "y"];
        string[] codas = ["", "", "x", "r", "s", "l", "t", "rk", "ft", "m", "p", "ck"];
        var random = new Random(seed);
        var result = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        while (result.Count < count)
        {
            sb.Clear();
            int syllables = 1 + random.Next(3);
            for (int i = 0; i < syllables; i++)
            {
                sb.Append(onsets[random.Next(onsets.Length)]).Append(vowels[random.Next(vowels.Length)]);
                if (i == syllables - 1 || random.Next(3) == 0)
                {
                    sb.Append(codas[random.Next(codas.Length)]);
                }
            }

            string word = sb.ToString();
            if (word.Length >= 2 && !vocabulary.Contains(word))
            {
                result.Add(word);
            }
        }

        return [.. result.Order(StringComparer.Ordinal)];
    }

    /// <summary><paramref name="count"/> lookup keys: uniform over the vocabulary, <paramref name="missRate"/> misses, shuffled.</summary>
    public static string[] Queries(string[] vocabulary, int count, double missRate, int seed)
    {
        var random = new Random(seed);
        var set = new HashSet<string>(vocabulary, StringComparer.Ordinal);
        string[] misses = MissWords(Math.Max(1, (int)(count * missRate)), set, seed + 1);
        var queries = new string[count];
        for (int i = 0; i < count; i++)
        {
            // Fresh instances, allocated together, as parsed input is: a vocabulary's own instances would let
            // a dictionary holding them match by reference, and would scatter the queries over the whole
            // vocabulary's memory (a cache miss per query at 1M tokens before any lookup starts).
            queries[i] = new string(random.NextDouble() < missRate
                ? misses[random.Next(misses.Length)]
                : vocabulary[random.Next(vocabulary.Length)]);
        }

        return queries;
    }

    /// <summary>Zipf(s) sampler over ranks 0..n-1 (inverse CDF by binary search).</summary>
    public sealed class Zipf
    {
        private readonly double[] _cdf;

        public Zipf(int n, double s = 1.0)
        {
            _cdf = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += 1.0 / Math.Pow(i + 1, s);
                _cdf[i] = sum;
            }

            for (int i = 0; i < n; i++)
            {
                _cdf[i] /= sum;
            }
        }

        public int Next(Random random)
        {
            int index = Array.BinarySearch(_cdf, random.NextDouble());
            return Math.Min(index < 0 ? ~index : index, _cdf.Length - 1);
        }
    }

    /// <summary>English-like documents of about <paramref name="targetChars"/> characters each.</summary>
    public static string[] Documents(string[] vocabulary, int count, int targetChars, int seed)
    {
        var random = new Random(seed);
        var zipf = new Zipf(vocabulary.Length);
        string[] oov = MissWords(2000, new HashSet<string>(vocabulary, StringComparer.Ordinal), seed + 7);
        var oovZipf = new Zipf(oov.Length);
        var docs = new string[count];
        var sb = new StringBuilder();
        for (int d = 0; d < count; d++)
        {
            sb.Clear();
            while (sb.Length < targetChars)
            {
                int words = 6 + random.Next(15);
                for (int w = 0; w < words; w++)
                {
                    int roll = random.Next(100);
                    string word = roll < 4 ? oov[oovZipf.Next(random)]
                        : roll < 5 ? random.Next(1, 2000).ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : vocabulary[zipf.Next(random)];
                    if (w == 0 && word.Length > 0)
                    {
                        sb.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
                    }
                    else if (random.Next(40) == 0)
                    {
                        sb.Append('"').Append(word).Append('"');
                    }
                    else if (random.Next(60) == 0)
                    {
                        sb.Append('(').Append(word).Append(')');
                    }
                    else
                    {
                        sb.Append(word);
                    }

                    if (w < words - 1)
                    {
                        sb.Append(random.Next(12) == 0 ? ", " : random.Next(80) == 0 ? "-" : " ");
                    }
                }

                sb.Append(random.Next(10) switch { 0 => "? ", 1 => "! ", 2 => "; ", _ => ". " });
            }

            docs[d] = sb.ToString().TrimEnd();
        }

        return docs;
    }
}
