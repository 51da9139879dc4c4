using System.Buffers.Binary;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PrepGen.Runtime;

namespace PrepGen.Generator.Tests;

/// <summary>
/// Vocabularies marked <c>PrepGenTable="mapped"</c>: the build task (PrepGen.Build) writes the table file,
/// the generated layer maps it, and lookups agree with a dictionary through every entry point.
/// </summary>
public class MappedTableTests
{
    // The file layout as docs/state-files.md gives it (TableFile is linked into three assemblies these tests see).
    private const int HeaderBytes = 128;

    private const int SlotsPerBlock = 4096;

    private const string Source = """
        using System;
        using PrepGen;
        namespace Demo;
        public static partial class E
        {
            [StringLookup(VocabularyFile = "VOCAB")]
            public static partial long S(string value);

            [StringLookup(VocabularyFile = "VOCAB", NumOovIndices = 2, MaskToken = "")]
            public static partial long Utf8(ReadOnlySpan<byte> value);

            public static long Utf8Bytes(byte[] value) => Utf8(value);

            [TextVectorization(VocabularyFile = "VOCAB", OutputSequenceLength = 8)]
            public static partial int Text(string text, Span<long> ids);

            public static long[] TextIds(string text)
            {
                var ids = new long[8];
                Text(text, ids);
                return ids;
            }
        }
        """;

    [Fact]
    public void A_mapped_layer_answers_as_a_dictionary_and_as_the_compiled_layer()
    {
        // A unique file name: the table is written next to the test assembly, where the layer looks for it.
        string name = "mapped-" + Guid.NewGuid().ToString("N") + ".txt";
        var rng = new Random(21);
        string[] vocabulary = Enumerable.Range(0, 3000).Select(i => Word(rng, i)).Distinct().ToArray();
        string text = string.Join("\n", vocabulary) + "\n";
        string vocabularyPath = Path.Combine(Path.GetTempPath(), name);
        string tablePath = Path.Combine(AppContext.BaseDirectory, name + ".pgtable");
        File.WriteAllText(vocabularyPath, text);
        try
        {
            Assert.Equal(vocabulary.Length, PrepGen.Build.MappedTableWriter.Write(vocabularyPath, tablePath, _ => { }, System.Threading.CancellationToken.None));

            string source = Source.Replace("VOCAB", name);
            GeneratorRun mapped = RunMapped(source, ("/p/" + name, text), "/p/" + name);
            Assert.Empty(mapped.GeneratorDiagnostics);
            string generated = string.Join("\n", mapped.Result.GeneratedTrees.Select(t => t.ToString()));
            Assert.Contains("MappedStringTable.Open(\"" + name + ".pgtable\"", generated, StringComparison.Ordinal);
            Assert.DoesNotContain("Pilots => \"", generated, StringComparison.Ordinal); // no compiled pilot literal

            Type e = GeneratorHarness.Load(mapped).GetType("Demo.E")!;
            Type compiled = GeneratorHarness.Load(GeneratorHarness.Run(source, ("/p/" + name, text))).GetType("Demo.E")!;
            var s = e.GetMethod("S")!.CreateDelegate<Func<string, long>>();
            var utf8 = e.GetMethod("Utf8Bytes")!.CreateDelegate<Func<byte[], long>>();
            var compiledUtf8 = compiled.GetMethod("Utf8Bytes")!.CreateDelegate<Func<byte[], long>>();
            var textIds = e.GetMethod("TextIds")!.CreateDelegate<Func<string, long[]>>();
            var compiledTextIds = compiled.GetMethod("TextIds")!.CreateDelegate<Func<string, long[]>>();
            var expected = vocabulary.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => (long)p.i + 1, StringComparer.Ordinal);
            foreach (string query in vocabulary.Concat(vocabulary.Select(t => t + "s")).Concat(["", "zzzzzzzzzzzzzzzzzzzzzzzzz", "caf\u00e9"]))
            {
                Assert.Equal(expected.TryGetValue(query, out long id) ? id : 0, s(query));
                byte[] bytes = Encoding.UTF8.GetBytes(query);
                Assert.Equal(compiledUtf8(bytes), utf8(bytes)); // mask and OOV buckets as the compiled table
            }

            // TextVectorization over the mapped table: the same ids as over the compiled one.
            int hits = 0;
            for (int i = 0; i + 5 < vocabulary.Length; i += 37)
            {
                string document = string.Join(" ", vocabulary.Skip(i).Take(5)).ToUpperInvariant() + ", unknownword!";
                long[] ids = textIds(document);
                Assert.Equal(compiledTextIds(document), ids);
                hits += ids.Count(id => id >= 2); // 0 pads, 1 is OOV: vocabulary tokens must be found
            }

            Assert.True(hits > 100, hits + " vocabulary hits");
        }
        finally
        {
            File.Delete(vocabularyPath);
            File.Delete(tablePath);
        }
    }

    [Fact]
    public async Task The_generated_mapped_layer_matches_its_snapshot() => await GeneratorSnapshots.Verify(
        """using System; using PrepGen; namespace Demo; public static partial class E { [StringLookup(VocabularyFile = "state/city.txt")] public static partial long City(ReadOnlySpan<char> city); }""",
        [("StringLookupMapped", "Demo.E.City.PrepGen.g.cs")],
        ("/p/state/city.txt", "new york\nlondon\nparis\ntokyo\n"),
        mapped: true);

    [Theory]
    [InlineData("[StringLookup(VocabularyFile = \"v.txt\", Invert = true)] public static partial string M(long i);", "Invert needs the tokens")]
    [InlineData("[IntegerLookup(VocabularyFile = \"v.txt\")] public static partial long M(long v);", "IntegerLookup tables compile")]
    public void Layers_that_cannot_use_a_mapped_table_are_reported(string member, string why)
    {
        GeneratorRun run = RunMapped("using PrepGen; public static partial class E { " + member + " }", ("/p/v.txt", "1\n2\n"), "/p/v.txt");
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PG0108", diagnostic.Id);
        Assert.Contains(why, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Open never throws (it runs in a static initializer); the table's lookups throw its clear exception.</summary>
    private static TException Unusable<TException>(MappedStringTable table)
        where TException : Exception
    {
        Assert.IsType<TException>(table.Error);
        return Assert.Throws<TException>(() => MappedStringTable.Bytes(table.Pilots, table.BucketCount).Length);
    }

    [Fact]
    public void A_missing_or_foreign_table_file_is_a_clear_error()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".pgtable");
        var notFound = Unusable<FileNotFoundException>(MappedStringTable.Open(missing, new string('0', 64), 1));
        Assert.Contains("PrepGenTable=\"mapped\"", notFound.Message, StringComparison.Ordinal);

        string vocabularyPath = Path.Combine(Path.GetTempPath(), "v-" + Guid.NewGuid().ToString("N") + ".txt");
        string tablePath = vocabularyPath + ".pgtable";
        File.WriteAllText(vocabularyPath, "a\nb\n");
        try
        {
            PrepGen.Build.MappedTableWriter.Write(vocabularyPath, tablePath, _ => { }, System.Threading.CancellationToken.None);
            var foreign = Unusable<InvalidDataException>(MappedStringTable.Open(tablePath, new string('0', 64), 2));
            Assert.Contains("other vocabulary content", foreign.Message, StringComparison.Ordinal);

            File.WriteAllBytes(tablePath, File.ReadAllBytes(tablePath)[..^1]);
            var truncated = Unusable<InvalidDataException>(MappedStringTable.Open(tablePath, new string('0', 64), 2));
            Assert.Contains("bytes where its header describes", truncated.Message, StringComparison.Ordinal);

            File.WriteAllText(tablePath, "not a table, but long enough to hold a header: " + new string('x', 200));
            Assert.Contains("not a PrepGen table", Unusable<InvalidDataException>(MappedStringTable.Open(tablePath, new string('0', 64), 2)).Message, StringComparison.Ordinal);

            File.WriteAllBytes(tablePath, []);
            Assert.Contains("empty (0 bytes)", Unusable<InvalidDataException>(MappedStringTable.Open(tablePath, new string('0', 64), 2)).Message, StringComparison.Ordinal);

            File.WriteAllBytes(tablePath, "PGTABLE1"u8.ToArray().Concat(new byte[200]).ToArray());
            Assert.Contains("another PrepGen version", Unusable<InvalidDataException>(MappedStringTable.Open(tablePath, new string('0', 64), 2)).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(vocabularyPath);
            File.Delete(tablePath);
        }
    }

    [Fact]
    public void Damage_in_the_header_pilots_or_block_sums_is_found_when_the_table_is_mapped()
    {
        WithTable(2000, (tablePath, tokens, good) =>
        {
            (string hash, long pilots, _) = Layout(good);
            Assert.Null(MappedStringTable.Open(tablePath, hash, tokens.Length).Error);

            // The seed (header), a pilot, the last byte of the file (a block sum).
            foreach (long offset in new long[] { 8, pilots + 3, good.Length - 1 })
            {
                var damaged = Unusable<InvalidDataException>(MappedStringTable.Open(Damaged(tablePath, good, offset), hash, tokens.Length));
                Assert.Contains("damaged (header checksum", damaged.Message, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void Damage_in_a_slot_or_key_block_is_found_before_any_lookup_reads_it()
    {
        // 10,000 tokens: 11,765 slots, three slot blocks. A flipped byte in the second slot block, or in the
        // first token's key bytes (token 0 is a long key: its bytes are compared in the blob).
        WithTable(10_000, (tablePath, tokens, good) =>
        {
            (string hash, _, long keys) = Layout(good);
            long secondSlotBlock = HeaderBytes + (SlotsPerBlock * 24L) + 100;
            foreach (long offset in new[] { secondSlotBlock, keys + 10 })
            {
                MappedStringTable table = MappedStringTable.Open(Damaged(tablePath, good, offset), hash, tokens.Length);
                Assert.Null(table.Error); // the header, pilots and block sums hold: the damage is found by the lookup that reads it
                int answered = 0, refused = 0;
                for (int id = 0; id < tokens.Length; id++)
                {
                    try
                    {
                        Assert.Equal(id, Find(table, tokens[id])); // never a wrong id
                        answered++;
                    }
                    catch (InvalidDataException ex)
                    {
                        Assert.Contains("its content is damaged (bytes ", ex.Message, StringComparison.Ordinal);
                        refused++;
                    }
                }

                Assert.True(refused > 0 && answered > 0, answered + " answered, " + refused + " refused");
                Assert.Contains("damaged", Assert.IsType<InvalidDataException>(table.Error).Message, StringComparison.Ordinal);
                Assert.Throws<InvalidDataException>(table.Verify);
            }

            // The intact file: every block verifies, every token is found.
            MappedStringTable intact = MappedStringTable.Open(tablePath, hash, tokens.Length);
            intact.Verify();
            Assert.All(Enumerable.Range(0, tokens.Length), id => Assert.Equal(id, Find(intact, tokens[id])));
            Assert.Null(MappedStringTable.Damage(good));
        });
    }

    [Fact]
    public void A_table_sealed_by_a_tool_verifies_and_an_unsealed_edit_does_not()
    {
        WithTable(500, (tablePath, tokens, good) =>
        {
            byte[] edited = (byte[])good.Clone();
            edited[HeaderBytes + 5] ^= 0x10;
            Assert.StartsWith("bytes 128..", MappedStringTable.Damage(edited), StringComparison.Ordinal);
            MappedStringTable.Seal(edited);
            Assert.Null(MappedStringTable.Damage(edited));
            Assert.Throws<InvalidDataException>(() => MappedStringTable.Damage(edited.AsSpan(0, edited.Length - 1)));
        });
    }

    /// <summary>Writes a table of <paramref name="count"/> generated tokens and runs <paramref name="test"/> with its path, tokens and bytes.</summary>
    private static void WithTable(int count, Action<string, string[], byte[]> test)
    {
        string vocabularyPath = Path.Combine(Path.GetTempPath(), "v-" + Guid.NewGuid().ToString("N") + ".txt");
        string tablePath = vocabularyPath + ".pgtable";
        var rng = new Random(3);
        string[] tokens = Enumerable.Range(0, count).Select(i => Word(rng, i)).Distinct().ToArray();
        File.WriteAllText(vocabularyPath, string.Join("\n", tokens) + "\n");
        try
        {
            PrepGen.Build.MappedTableWriter.Write(vocabularyPath, tablePath, _ => { }, System.Threading.CancellationToken.None);
            test(tablePath, tokens, File.ReadAllBytes(tablePath));
        }
        finally
        {
            foreach (string file in Directory.GetFiles(Path.GetDirectoryName(tablePath)!, Path.GetFileName(tablePath) + "*").Append(vocabularyPath))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>A copy of the table with one bit flipped at <paramref name="offset"/>.</summary>
    private static string Damaged(string tablePath, byte[] good, long offset)
    {
        byte[] bad = (byte[])good.Clone();
        bad[offset] ^= 0x04;
        string copy = tablePath + "." + offset;
        File.WriteAllBytes(copy, bad);
        return copy;
    }

    /// <summary>A lookup through the mapped probe, as generated code makes it.</summary>
    private static int Find(MappedStringTable table, string token) =>
        StringTable.Find(Encoding.UTF8.GetBytes(token), table.Seed, MappedStringTable.Bytes(table.Pilots, table.BucketCount), table.Slots, table.SlotCount,
            MappedStringTable.Bytes(table.Keys, table.KeysLength), new VerifiedBlocks(table, table.Verified));

    [Fact]
    public void A_long_key_offset_outside_the_key_blob_is_an_error_not_a_wild_read()
    {
        // A file whose checksum was recomputed after its long-key offset was changed (a crafted file, or memory
        // damage after the check): the probe checks the offset against the key blob.
        string vocabularyPath = Path.Combine(Path.GetTempPath(), "v-" + Guid.NewGuid().ToString("N") + ".txt");
        string tablePath = vocabularyPath + ".pgtable";
        string longKey = new('k', 40);
        File.WriteAllText(vocabularyPath, "a\n" + longKey + "\nb\n");
        try
        {
            PrepGen.Build.MappedTableWriter.Write(vocabularyPath, tablePath, _ => { }, System.Threading.CancellationToken.None);
            byte[] bytes = File.ReadAllBytes(tablePath);
            (string hash, long pilots, _) = Layout(bytes);
            for (int at = 128; at < pilots; at += 24)
            {
                if ((uint)BitConverter.ToUInt64(bytes, at + 16) == (uint)longKey.Length)
                {
                    BitConverter.TryWriteBytes(bytes.AsSpan(at), 1UL << 40); // the key's offset, far outside the mapping
                }
            }

            MappedStringTable.Seal(bytes);
            File.WriteAllBytes(tablePath, bytes);
            MappedStringTable table = MappedStringTable.Open(tablePath, hash, 3);
            Assert.Null(table.Error);
            Assert.Equal(0, StringTable.Find("a"u8, table.Seed, MappedStringTable.Bytes(table.Pilots, table.BucketCount), table.Slots, table.SlotCount, MappedStringTable.Bytes(table.Keys, table.KeysLength)));
            var ex = Assert.Throws<InvalidDataException>(() => StringTable.Find(System.Text.Encoding.UTF8.GetBytes(longKey), table.Seed,
                MappedStringTable.Bytes(table.Pilots, table.BucketCount), table.Slots, table.SlotCount, MappedStringTable.Bytes(table.Keys, table.KeysLength)));
            Assert.Contains("damaged", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(vocabularyPath);
            File.Delete(tablePath);
        }
    }

    [Fact]
    public void A_generated_layer_without_its_table_throws_the_clear_exception_on_every_call()
    {
        // Not a TypeInitializationException: the generated static initializer cannot fail.
        string name = "absent-" + Guid.NewGuid().ToString("N") + ".txt";
        string text = "alpha\nbeta\ngamma\n";
        GeneratorRun mapped = RunMapped(Source.Replace("VOCAB", name), ("/p/" + name, text), "/p/" + name);
        Assert.Empty(mapped.GeneratorDiagnostics);
        Type e = GeneratorHarness.Load(mapped).GetType("Demo.E")!;
        var s = e.GetMethod("S")!.CreateDelegate<Func<string, long>>();
        for (int call = 0; call < 2; call++)
        {
            var ex = Assert.Throws<FileNotFoundException>(() => s("alpha"));
            Assert.Contains(name + ".pgtable", ex.Message, StringComparison.Ordinal);
        }

        var textIds = e.GetMethod("TextIds")!.CreateDelegate<Func<string, long[]>>();
        Assert.Throws<FileNotFoundException>(() => textIds("alpha beta"));
    }

    /// <summary>A table file's content hash, pilots offset and keys offset, read as docs/design.md lays the header out.</summary>
    private static (string Hash, long Pilots, long Keys) Layout(byte[] file)
    {
        uint slots = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(16));
        uint buckets = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(20));
        long pilots = 128 + (slots * 24L);
        return (Encoding.ASCII.GetString(file, 40, 64), pilots, pilots + buckets);
    }

    private static GeneratorRun RunMapped(string source, (string Path, string Text) file, string mappedPath)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new PrepGenGenerator().AsSourceGenerator() },
            new AdditionalText[] { new TestAdditionalText(file.Path, file.Text) },
            GeneratorHarness.ParseOptions,
            new MappedFilesOptions(mappedPath));
        return GeneratorHarness.Run(GeneratorHarness.Compilation(source), driver);
    }

    private static string Word(Random rng, int i)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        int length = i % 50 == 0 ? rng.Next(17, 40) : rng.Next(1, 14);
        return new string(Enumerable.Range(0, length).Select(_ => letters[rng.Next(letters.Length)]).ToArray()) + (i % 97 == 0 ? "\u00e9" : "");
    }
}
