using System.IO;
using System.Text.Json;
using System.Threading;
using PrepGen.Adapt;

namespace PrepGen.Runtime.Tests.Adapt;

/// <summary>
/// Issue 11, "nothing lost, nothing torn": writers of state files never leave a vocabulary beside weights of
/// another run, never lose a concurrent writer's stats key, never write an empty or non-finite state, and
/// clean the temporaries of killed writers.
/// </summary>
public sealed class StateFileSafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prepgen-safety-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private string[] FileNames() => Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static StringLookupAdapter TfIdf(params string[] values)
    {
        var adapter = new StringLookupAdapter { OutputMode = OutputMode.TfIdf };
        foreach (string value in values)
        {
            adapter.Update(value);
        }

        return adapter;
    }

    [Fact]
    public void An_empty_vocabulary_is_refused_and_the_old_file_stays()
    {
        string path = PathOf("v.txt");
        File.WriteAllText(path, "old\n");
        var ex = Assert.Throws<InvalidOperationException>(() => new StringLookupAdapter().Save(path));
        Assert.Contains("No tokens were learned", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new TextVectorizationAdapter().Save(path));
        Assert.Throws<InvalidOperationException>(() => new IntegerLookupAdapter().Save(path));
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Equal(["v.txt"], FileNames());
    }

    [Fact]
    public void Vocabulary_and_idf_on_one_path_are_refused()
    {
        string path = PathOf("same.txt");
        File.WriteAllText(path, "old\n");
        var ex = Assert.Throws<ArgumentException>(() => TfIdf("a", "b").Save(path, PathOf(".") + "/same.txt"));
        Assert.Contains("two of the output files", ex.Message, StringComparison.Ordinal);
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Equal(["same.txt"], FileNames());
    }

    [Theory]
    [InlineData("written")]
    [InlineData("recorded 1")]
    [InlineData("moved 1")]
    [InlineData("moved 2")]
    public void A_pair_update_killed_at_any_step_leaves_a_matching_pair_after_the_next_write(string killAt)
    {
        string vocabulary = PathOf("v.txt");
        string idf = PathOf("w.txt");
        TfIdf("a", "a", "b").Save(vocabulary, idf);
        string oldVocabulary = File.ReadAllText(vocabulary);
        string oldIdf = File.ReadAllText(idf);

        // The new run learns the same number of tokens, so a torn pair would pass the generator's count check.
        StringLookupAdapter next = TfIdf("c", "d", "d", "d");
        string newVocabulary = "d\nc\n";
        StateFiles.StepHook.Value = step =>
        {
            if (step == killAt)
            {
                throw new SimulatedKillException();
            }
        };
        try
        {
            Assert.Throws<SimulatedKillException>(() => next.Save(vocabulary, idf));
        }
        finally
        {
            StateFiles.StepHook.Value = null;
        }

        // Whatever the kill left, the next writer into the folder (here: an unrelated vocabulary) finishes or
        // discards the interrupted commit before anything else.
        var other = new StringLookupAdapter();
        other.Update("x");
        other.Save(PathOf("other.txt"));

        string v = File.ReadAllText(vocabulary);
        string w = File.ReadAllText(idf);
        bool rolledForward = killAt != "written";
        Assert.Equal(rolledForward ? newVocabulary : oldVocabulary, v);
        Assert.Equal(rolledForward ? ExpectedIdf(next) : oldIdf, w);
        Assert.Equal(["other.txt", "v.txt", "w.txt"], FileNames()); // no temporaries, no commit record left
    }

    private static string ExpectedIdf(StringLookupAdapter adapter) =>
        string.Concat(adapter.IdfWeights.Skip(1).Select(x => ((float)x).ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "\n"));

    [Fact]
    public void An_interrupted_pair_is_completed_by_the_next_save_of_the_same_pair()
    {
        string vocabulary = PathOf("v.txt");
        string idf = PathOf("w.txt");
        TfIdf("a", "b").Save(vocabulary, idf);
        StateFiles.StepHook.Value = step => throw new SimulatedKillException();
        try
        {
            Assert.Throws<SimulatedKillException>(() => TfIdf("c", "d").Save(vocabulary, idf));
        }
        finally
        {
            StateFiles.StepHook.Value = null;
        }

        Assert.Contains(FileNames(), n => n.EndsWith(".tmp", StringComparison.Ordinal)); // what kill -9 leaves
        StringLookupAdapter third = TfIdf("e", "f", "f");
        third.Save(vocabulary, idf);
        Assert.Equal("f\ne\n", File.ReadAllText(vocabulary));
        Assert.Equal(ExpectedIdf(third), File.ReadAllText(idf));
        Assert.Equal(["v.txt", "w.txt"], FileNames());
    }

    [Fact]
    public void A_move_that_fails_after_the_commit_is_decided_is_finished_by_the_next_writer()
    {
        string vocabulary = PathOf("v.txt");
        string idf = PathOf("w.txt");
        TfIdf("a", "b").Save(vocabulary, idf);
        StringLookupAdapter next = TfIdf("c", "d", "d");
        StateFiles.StepHook.Value = step =>
        {
            if (step == "moved 1")
            {
                throw new IOException("disk went away");
            }
        };
        try
        {
            Assert.Throws<IOException>(() => next.Save(vocabulary, idf));
        }
        finally
        {
            StateFiles.StepHook.Value = null;
        }

        Assert.Contains(FileNames(), n => n.StartsWith(StateFiles.CommitPrefix, StringComparison.Ordinal)); // kept, not half-undone
        var other = new StringLookupAdapter();
        other.Update("x");
        other.Save(PathOf("other.txt"));
        Assert.Equal("d\nc\n", File.ReadAllText(vocabulary));
        Assert.Equal(ExpectedIdf(next), File.ReadAllText(idf));
        Assert.Equal(["other.txt", "v.txt", "w.txt"], FileNames());
    }

    [Fact]
    public void Stale_temporaries_of_killed_writers_are_deleted_and_others_kept()
    {
        string stale1 = PathOf(".v.txt." + Guid.NewGuid().ToString("N") + ".tmp");
        string stale2 = PathOf(".stats.json." + Guid.NewGuid().ToString("N") + ".tmp");
        string notOurs = PathOf(".notes.tmp");
        File.WriteAllText(stale1, new string('x', 1000));
        File.WriteAllText(stale2, "{");
        File.WriteAllText(notOurs, "user file");
        var adapter = new StringLookupAdapter();
        adapter.Update("a");
        adapter.Save(PathOf("v.txt"));
        Assert.Equal([".notes.tmp", "v.txt"], FileNames());
    }

    [Fact]
    public void Concurrent_stats_updates_keep_every_key()
    {
        string path = PathOf("stats.json");
        const int Writers = 8;
        for (int trial = 0; trial < 5; trial++)
        {
            File.Delete(path);
            using var start = new Barrier(Writers);
            var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
            Thread[] threads = Enumerable.Range(0, Writers).Select(i => new Thread(() =>
            {
                try
                {
                    var adapter = new NormalizationAdapter(1);
                    adapter.Update([i, i + 1f]);
                    start.SignalAndWait();
                    adapter.Save(path, "k" + i);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    errors.Enqueue(e);
                }
            })).ToArray();
            foreach (Thread thread in threads)
            {
                thread.Start();
            }

            foreach (Thread thread in threads)
            {
                thread.Join();
            }

            Assert.Empty(errors);

            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            Assert.Equal(Enumerable.Range(0, Writers).Select(i => "k" + i).Order(StringComparer.Ordinal),
                document.RootElement.GetProperty("features").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        }

        Assert.Equal(["stats.json"], FileNames());
    }

    [Fact]
    public void Non_finite_statistics_are_refused_before_anything_is_written()
    {
        string path = PathOf("stats.json");
        var good = new NormalizationAdapter(1);
        good.Update([1f, 2f]);
        good.Save(path, "old");
        string before = File.ReadAllText(path);

        var nan = new NormalizationAdapter(2);
        nan.Update([1f, float.NaN, 2f, 3f]);
        Assert.True(double.IsNaN(nan.Mean[1])); // Keras's adapt gives NaN statistics too
        var ex = Assert.Throws<InvalidOperationException>(() => nan.Save(path, "x"));
        Assert.Contains("mean [1] is NaN", ex.Message, StringComparison.Ordinal);

        var infinite = new NormalizationAdapter(1);
        infinite.Update([1f, float.PositiveInfinity]);
        Assert.Throws<InvalidOperationException>(() => infinite.Save(path, "x"));

        var bins = new DiscretizationAdapter { NumBins = 2 };
        Assert.Contains("values[1] is NaN", Assert.Throws<ArgumentException>(() => bins.Update([1f, float.NaN])).Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public void Huge_ngram_and_oov_options_are_argument_errors_not_out_of_memory()
    {
        Assert.Throws<ArgumentException>(() => new TextVectorizationAdapter { Ngrams = int.MaxValue }.Update("a b"));
        Assert.Throws<ArgumentException>(() => new TextVectorizationAdapter { NgramWidths = [2, int.MaxValue] }.Update("a b"));
        var lookup = new StringLookupAdapter { NumOovIndices = int.MaxValue };
        lookup.Update("a");
        Assert.Throws<ArgumentException>(() => lookup.GetVocabulary());
    }
}
