using System.Runtime.InteropServices;
using System.Text;
using PrepGen.Adapt;
using PrepGen.Tests.Shared;
using PrepGen.Text;

namespace PrepGen.Runtime.Tests.Adapt;

/// <summary>
/// The adapters' byte path (documents tokenized by the layers' kernel into adapter scratch, tokens counted as UTF-8
/// bytes by <see cref="Utf8TokenCounter"/>) against the reference path: <see cref="TextTokenizer"/>'s string tokens
/// counted by <see cref="TokenCounter{TToken}"/> with <see cref="Utf8OrdinalComparer"/>. Both are finalized and saved
/// by the same code, so the vocabulary and idf files must be the same bytes. Expected files come from the reference,
/// never from the code under test.
/// </summary>
public sealed class ByteCountingTests : IDisposable
{
    private static readonly int[][] WidthSets = [[1], [1, 2], [1, 2, 3], [2, 3]];

    private readonly string _folder = Directory.CreateTempSubdirectory("prepgen-bytes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Real English prose with Markdown, code, numbers and some non-ASCII (this repository's README and docs), one line a document.</summary>
    private static readonly Lazy<string[]> Prose = new(() =>
        new[] { "README.md" }.Concat(Directory.GetFiles(RepoPaths.Of("docs"), "*.md").Order(StringComparer.Ordinal))
            .SelectMany(path => File.ReadAllLines(RepoPaths.Of(path)))
            .ToArray());

    /// <summary>Documents at the edges: empty, blank, punctuation only, non-ASCII, mixed, tokens around 16 bytes and far longer than any buffer.</summary>
    private static string[] EdgeDocuments() =>
    [
        "", " ", "\t\r\n\v\f", "!!!", "...?!--", "a", "A.B,C", "don't stop-me now", "michig@n",
        "naïve café cafe\u0301 ÉCOLE", "Ἀχιλλεύς ξεῖν᾽, μῆνιν", "😀 👍🏽 東京 日本語", "a\u00a0b x\u3000y",
        "Hello, Wörld! 東京 is GREAT; SO is \"Ωmega\" (really).", "\ufffd", "unpaired \ud800 surrogate and \udc00",
        "sixteen-bytes-xx fifteen_bytes_x seventeen__bytes_x exactly8 exactly16exactly16", "a\0b a\0 a", "ab abc ab\0",
        new string('x', 17), new string('y', 300) + " " + new string('y', 301), .. KerasGuide.Greek, .. KerasGuide.Brain,
    ];

    /// <summary>Documents larger than any buffer: a 200 KB token (a page of its own in the counter's arena) and 60,000 distinct tokens in one document.</summary>
    private static string[] LargeDocuments() =>
        [new string('z', 200_000) + " tail", string.Join(' ', Enumerable.Range(0, 60_000).Select(i => $"W{i}.")), "tail end"];

    public static TheoryData<Standardize, Split, int, OutputMode, int?> EveryMode()
    {
        var data = new TheoryData<Standardize, Split, int, OutputMode, int?>();
        foreach (Standardize standardize in Enum.GetValues<Standardize>())
        {
            foreach (Split split in Enum.GetValues<Split>())
            {
                for (int widths = 0; widths < WidthSets.Length; widths++)
                {
                    data.Add(standardize, split, widths, OutputMode.TfIdf, null);
                    data.Add(standardize, split, widths, OutputMode.Int, 40);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMode))]
    public void Edge_documents_give_the_reference_files_in_every_mode(Standardize standardize, Split split, int widths, OutputMode mode, int? maxTokens)
    {
        string[] documents = EdgeDocuments();
        AssertSameFiles(documents, standardize, split, WidthSets[widths], mode, maxTokens);
    }

    [Theory]
    [InlineData(Standardize.LowerAndStripPunctuation, Split.Whitespace, 1, OutputMode.TfIdf, null)]
    [InlineData(Standardize.None, Split.None, 0, OutputMode.Int, null)]
    [InlineData(Standardize.Lower, Split.Character, 0, OutputMode.TfIdf, null)]
    public void Documents_larger_than_any_buffer_give_the_reference_files(Standardize standardize, Split split, int widths, OutputMode mode, int? maxTokens) =>
        AssertSameFiles(LargeDocuments(), standardize, split, WidthSets[widths], mode, maxTokens);

    [Theory]
    [InlineData(Standardize.LowerAndStripPunctuation, Split.Whitespace, 0, OutputMode.Int, null)]
    [InlineData(Standardize.LowerAndStripPunctuation, Split.Whitespace, 0, OutputMode.TfIdf, null)]
    [InlineData(Standardize.LowerAndStripPunctuation, Split.Whitespace, 1, OutputMode.TfIdf, 5000)]
    [InlineData(Standardize.LowerAndStripPunctuation, Split.Whitespace, 2, OutputMode.Int, null)]
    [InlineData(Standardize.LowerAndStripPunctuation, Split.Whitespace, 3, OutputMode.TfIdf, null)]
    [InlineData(Standardize.Lower, Split.Whitespace, 1, OutputMode.Count, 300)]
    [InlineData(Standardize.None, Split.Whitespace, 0, OutputMode.TfIdf, null)]
    [InlineData(Standardize.StripPunctuation, Split.Character, 2, OutputMode.TfIdf, null)]
    [InlineData(Standardize.LowerAndStripPunctuation, Split.None, 0, OutputMode.Int, null)]
    public void Real_english_gives_the_reference_files(Standardize standardize, Split split, int widths, OutputMode mode, int? maxTokens) =>
        AssertSameFiles(Prose.Value, standardize, split, WidthSets[widths], mode, maxTokens);

    [Fact]
    public void Random_documents_give_the_reference_files()
    {
        var random = new Random(14);
        string[] documents = Enumerable.Range(0, 3000).Select(_ => RandomDocument(random)).ToArray();
        foreach (int[] widths in WidthSets)
        {
            AssertSameFiles(documents, Standardize.LowerAndStripPunctuation, Split.Whitespace, widths, OutputMode.TfIdf, null);
        }

        AssertSameFiles(documents, Standardize.Lower, Split.Character, [1, 2], OutputMode.TfIdf, null);
    }

    [Fact]
    public void Max_tokens_cuts_inside_a_tie_as_the_reference_does()
    {
        // 30 tokens seen exactly twice, in two documents each: max_tokens falls among them, so the tie order decides.
        string[] documents = Enumerable.Range(0, 30).Select(i => $"t{i} tie{i:D2} x{i}é").SelectMany(d => new[] { d, d.ToUpperInvariant() }).ToArray();
        for (int maxTokens = 2; maxTokens < 100; maxTokens += 7)
        {
            AssertSameFiles(documents, Standardize.LowerAndStripPunctuation, Split.Whitespace, [1], OutputMode.TfIdf, maxTokens);
        }
    }

    [Fact]
    public void Shards_merged_and_counts_restored_equal_one_pass()
    {
        string[] documents = [.. Prose.Value.Take(1500), .. EdgeDocuments()];
        var whole = new TextVectorizationAdapter { OutputMode = OutputMode.TfIdf, Ngrams = 2 };
        var shards = Enumerable.Range(0, 3).Select(_ => new TextVectorizationAdapter { OutputMode = OutputMode.TfIdf, Ngrams = 2 }).ToArray();
        for (int i = 0; i < documents.Length; i++)
        {
            whole.Update(documents[i]);
            shards[i % 3].Update(documents[i]);
        }

        shards[0].Merge(shards[1]);
        shards[0].Merge(shards[2]);
        Assert.Equal(whole.GetVocabulary(), shards[0].GetVocabulary());
        Assert.Equal(whole.IdfWeights, shards[0].IdfWeights);

        // A partial state's content: every token with its counts, sorted by UTF-8 bytes as the reference sorts strings.
        var reference = new TokenCounter<string>(true, Utf8OrdinalComparer.Instance);
        foreach (string document in documents)
        {
            reference.AddDocument(CollectionsMarshal.AsSpan(TextTokenizer.Tokenize(document, Standardize.LowerAndStripPunctuation, Split.Whitespace, [1, 2])));
        }

        List<(string Token, long Count, long DocumentCount)> exported = shards[0].Counts.SortedEntries();
        Assert.Equal(reference.SortedEntries(), exported);

        var restored = new TextVectorizationAdapter { OutputMode = OutputMode.TfIdf };
        restored.Counts.AddDocuments(shards[0].DocumentCount);
        foreach ((string token, long count, long documentCount) in exported)
        {
            restored.Counts.AddCounts(token, count, documentCount);
        }

        Assert.Equal(whole.GetVocabulary(), restored.GetVocabulary());
        Assert.Equal(whole.IdfWeights, restored.IdfWeights);
    }

    [Fact]
    public void String_lookup_values_give_the_reference_files()
    {
        // Raw words of real text (punctuation, case and non-ASCII kept), the edge documents as values, and multi-value documents.
        string[] values = [.. Prose.Value.SelectMany(line => line.Split(' ')), .. EdgeDocuments().Where(d => !d.Contains('\ud800', StringComparison.Ordinal))];
        foreach ((string? mask, int oov, OutputMode mode, int? maxTokens) in new (string?, int, OutputMode, int?)[]
        {
            (null, 1, OutputMode.Int, null), ("", 2, OutputMode.Int, 1000), ("the", 1, OutputMode.TfIdf, null), ("[UNK]", 0, OutputMode.MultiHot, 77),
        })
        {
            var layout = new LookupLayout<string>(maxTokens, oov, mask is not null, mask ?? "", "[UNK]", mode);
            var reference = new LookupVocabulary<string, TokenCounter<string>>(tfIdf => new TokenCounter<string>(tfIdf, Utf8OrdinalComparer.Instance), () => layout);
            var strings = new StringLookupAdapter { MaskToken = mask, NumOovIndices = oov, OutputMode = mode, MaxTokens = maxTokens };
            var bytes = new StringLookupAdapter { MaskToken = mask, NumOovIndices = oov, OutputMode = mode, MaxTokens = maxTokens };
            for (int i = 0; i < values.Length; i++)
            {
                // Every seventh value opens a document of three values, so tf-idf sees repeats within a document.
                string[] document = i % 7 == 0 ? values.Skip(i).Take(3).ToArray() : [values[i]];
                reference.AddDocument(document);
                if (document.Length == 1)
                {
                    strings.Update(document[0]);
                    bytes.Update(Encoding.UTF8.GetBytes(document[0]));
                }
                else
                {
                    strings.UpdateDocument(document);
                    bytes.UpdateDocument(document);
                }
            }

            byte[][] expected = Save((v, i) => reference.Save(layout, v, i, static t => t), mode);
            Assert.Equal(expected, Save(strings.Save, mode));
            Assert.Equal(expected, Save(bytes.Save, mode));
        }
    }

    [Fact]
    public void Tokens_around_the_word_boundaries_and_many_distinct_ones_order_as_the_reference()
    {
        // Lengths 0-40 (the 16-byte inline limit and the 8-byte prefix the sort keys on), NUL bytes, shared prefixes,
        // and enough distinct tokens to grow the table many times; counts skewed so that ties are many.
        string[] pieces = ["a", "b", "\0", "é", "東", "😀"];
        var random = new Random(20261203);
        var tokens = new List<string>();
        for (int i = 0; i < 150_000; i++)
        {
            var token = new StringBuilder();
            for (int length = random.Next(25); length > 0; length--)
            {
                token.Append(pieces[random.Next(pieces.Length)]);
            }

            tokens.Add(token.ToString());
        }

        foreach (bool tfIdf in new[] { false, true })
        {
            var reference = new TokenCounter<string>(tfIdf, Utf8OrdinalComparer.Instance);
            var counter = new Utf8TokenCounter(tfIdf);
            for (int i = 0; i < tokens.Count; i += 3)
            {
                string[] document = tokens.Skip(i).Take(1 + (i % 3)).ToArray();
                reference.AddDocument(document);
                counter.AddDocument(document);
            }

            Assert.Equal(reference.Learn(["", "[UNK]"], null), counter.Learn(["", "[UNK]"], null));
            Assert.Equal(reference.Learn(["ab"], 1234), counter.Learn(["ab"], 1234));
            Assert.Equal(reference.SortedEntries(), counter.SortedEntries());
        }
    }

    [Fact]
    public void Values_without_a_utf8_form_are_refused()
    {
        var lookup = new StringLookupAdapter();
        Assert.Throws<ArgumentException>(() => lookup.Update("a\ud800"));
        Assert.Throws<ArgumentException>(() => lookup.Update([0x61, 0xFF]));
        var text = new TextVectorizationAdapter();
        Assert.Throws<ArgumentException>(() => text.Update([0xC3]));
        Assert.Equal(0, lookup.DocumentCount);
        Assert.Equal(0, text.DocumentCount);
    }

    private void AssertSameFiles(IReadOnlyList<string> documents, Standardize standardize, Split split, int[] widths, OutputMode mode, int? maxTokens)
    {
        var layout = new LookupLayout<string>(maxTokens, 1, true, "", "[UNK]", mode);
        var reference = new LookupVocabulary<string, TokenCounter<string>>(tfIdf => new TokenCounter<string>(tfIdf, Utf8OrdinalComparer.Instance), () => layout);
        var strings = new TextVectorizationAdapter { Standardize = standardize, Split = split, NgramWidths = widths, OutputMode = mode, MaxTokens = maxTokens };
        var bytes = new TextVectorizationAdapter { Standardize = standardize, Split = split, NgramWidths = widths, OutputMode = mode, MaxTokens = maxTokens };
        foreach (string document in documents)
        {
            reference.AddDocument(CollectionsMarshal.AsSpan(TextTokenizer.Tokenize(document, standardize, split, widths)));
            strings.Update(document);
            bytes.Update(Encoding.UTF8.GetBytes(document)); // the reference encodes the same way (an unpaired surrogate as U+FFFD)
        }

        byte[][] expected = Save((v, i) => reference.Save(layout, v, i, static t => t), mode);
        Assert.Equal(expected, Save(strings.Save, mode));
        Assert.Equal(expected, Save(bytes.Save, mode));
    }

    // The files one save writes (the vocabulary, and the idf weights in tf-idf mode), or the message of its refusal.
    private byte[][] Save(Action<string, string?> save, OutputMode mode)
    {
        string vocabulary = Path.Combine(_folder, Path.GetRandomFileName());
        string? idf = mode == OutputMode.TfIdf ? Path.Combine(_folder, Path.GetRandomFileName()) : null;
        try
        {
            save(vocabulary, idf);
        }
        catch (InvalidOperationException e)
        {
            return [Encoding.UTF8.GetBytes(e.Message.Replace(vocabulary, "<vocabulary>", StringComparison.Ordinal))];
        }

        return idf is null ? [File.ReadAllBytes(vocabulary)] : [File.ReadAllBytes(vocabulary), File.ReadAllBytes(idf)];
    }

    private static string RandomDocument(Random random)
    {
        string[] words = ["the", "The", "THE", "brain", "Sky,", "wider!", "don't", "e-mail", "(x)", "[UNK]", "100%", "naïve", "cafe\u0301",
            "Ἀχιλλεύς", "😀", "東京", "a\u00a0b", "x\u3000y", "\ufffd", "a", "I", "sixteen-bytes-xx", "seventeen-bytes-x", "…"];
        string[] separators = [" ", " ", " ", "  ", "\t", "\r\n", "\n", "\v", "\f", " \t ", "\u00a0", "\u3000"];
        int count = random.Next(20) == 0 ? random.Next(400, 900) : random.Next(0, 15);
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Append(words[random.Next(words.Length)]).Append(separators[random.Next(separators.Length)]);
        }

        return text.ToString();
    }
}
