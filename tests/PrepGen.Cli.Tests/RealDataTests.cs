using System.Text.Json;

namespace PrepGen.Cli.Tests;

/// <summary>
/// sklearn's own data files (Data/sklearn, from Debian's python3-sklearn; see NOTICE.md there). The expected
/// values were computed with numpy 1.24.2 (Debian python3-numpy), not with PrepGen:
/// <code>
/// x = np.loadtxt("iris.csv", delimiter=",", skiprows=1)[:, :4].astype(np.float32).astype(np.float64)
/// x.mean(axis=0), x.var(axis=0)                        # Keras casts to float32; var is ddof=0
/// labels = np.loadtxt(gzip.open("digits.csv.gz", "rt"), delimiter=",")[:, 64].astype(np.int64)
/// u, c = np.unique(labels, return_counts=True); u[np.lexsort((u, c))[::-1]]   # Keras's vocabulary order
/// </code>
/// </summary>
public sealed class RealDataTests : IDisposable
{
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "Data", "sklearn");
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static double[] Numbers(JsonElement entry, string name) => entry.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    [Fact]
    public void Iris_csv_is_read_after_its_first_line_and_normalization_matches_numpy()
    {
        string stats = _cli.PathOf("stats.json");
        Assert.Equal(0, _cli.Run("adapt", "-i", Path.Combine(Data, "iris.csv"), "--skip-rows", "1", "--no-header",
            "-c", "0", "-c", "1", "-c", "2", "-c", "3", "-l", "normalization", "--stats-key", "iris", "-o", stats));
        Assert.Contains("150 rows, 4 feature(s)", _cli.Stdout, StringComparison.Ordinal);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(stats));
        JsonElement entry = document.RootElement.GetProperty("features").GetProperty("iris");
        double[] mean = [5.843333326975505, 3.0573333358764647, 3.7579999883969624, 1.1993333247800668];
        double[] variance = [0.6811221973419372, 0.18871288796149774, 3.0955026480490497, 0.5771328740259962];
        Assert.Equal(150, entry.GetProperty("count").GetInt64());
        for (int f = 0; f < 4; f++)
        {
            // Both sides sum the same float32 values in double; only the summation order differs.
            Assert.Equal(mean[f], Numbers(entry, "mean")[f], 1e-12);
            Assert.Equal(variance[f], Numbers(entry, "variance")[f], 1e-12);
        }
    }

    [Fact]
    public void Iris_without_skip_rows_fails_naming_the_line_and_column()
    {
        // Read without --skip-rows, sklearn's first line (150,4,setosa,versicolor,virginica) is a record.
        string stats = _cli.Write("stats.json", "{\"format\": 1, \"features\": {}}");
        Assert.Equal(1, _cli.Run("adapt", "-i", Path.Combine(Data, "iris.csv"), "--no-header", "-c", "2", "-l", "normalization", "-o", stats));
        Assert.Equal("prepgen: error: line 1: 'setosa' is not a number (column '2').", _cli.Stderr.Trim());
        Assert.Equal("{\"format\": 1, \"features\": {}}", File.ReadAllText(stats));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Digits_csv_gz_integer_lookup_has_the_keras_vocabulary(int threads)
    {
        string vocabulary = _cli.PathOf("digits.txt");
        Assert.Equal(0, _cli.Run("adapt", "-i", Path.Combine(Data, "digits.csv.gz"), "--no-header", "-c", "64", "-l", "integer-lookup",
            "-o", vocabulary, "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("1,797 rows", _cli.Stdout, StringComparison.Ordinal);

        // Counts 183, 182, 182, 181, 181, 180, 179, 178, 177, 174: ties (5 and 1, 6 and 4) by value descending.
        Assert.Equal(["3", "5", "1", "6", "4", "9", "7", "0", "2", "8"], File.ReadAllLines(vocabulary));
    }

    [Fact]
    public void Wine_normalization_over_13_columns_matches_numpy()
    {
        string stats = _cli.PathOf("stats.json");
        string[] columns = Enumerable.Range(0, 13).SelectMany(c => new[] { "-c", c.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray();
        Assert.Equal(0, _cli.Run(["adapt", "-i", Path.Combine(Data, "wine_data.csv"), "--skip-rows", "1", "--no-header", .. columns,
            "-l", "normalization", "--stats-key", "wine", "-o", stats]));
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(stats));
        JsonElement entry = document.RootElement.GetProperty("features").GetProperty("wine");
        double[] mean = Numbers(entry, "mean");
        double[] variance = Numbers(entry, "variance");
        Assert.Equal(13.000617975599310, mean[0], 1e-12);
        Assert.Equal(746.89325842696633, mean[12], 1e-9);
        Assert.Equal(0.65535974437870281, variance[0], 1e-12);
        Assert.Equal(98609.600965787060, variance[12], 1e-6);
    }
}
