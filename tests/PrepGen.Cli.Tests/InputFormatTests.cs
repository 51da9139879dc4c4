using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace PrepGen.Cli.Tests;

/// <summary>CSV options (Sep), gzip by magic bytes, invalid UTF-8, and Parquet written with Parquet.Net.</summary>
public sealed class InputFormatTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private string[] Vocabulary(params string[] args)
    {
        string output = _cli.PathOf("vocab.txt");
        int code = _cli.Run([.. args, "-o", output]);
        Assert.True(code == 0, _cli.Stderr);
        return File.ReadAllLines(output);
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        string path = _cli.PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Csv_delimiter_index_and_skip_rows()
    {
        // b appears twice, a and c once: Keras orders by count, then token descending.
        string input = _cli.Write("semi.csv", "# exported 2024\nid;city\n1;a\n2;\"b;x\"\n3;\"b;x\"\n4;c\n");
        string[] expected = ["b;x", "c", "a"];
        Assert.Equal(expected, Vocabulary("adapt", "-i", input, "--skip-rows", "1", "--delimiter", ";", "-c", "city", "-l", "string-lookup"));
        Assert.Equal(expected, Vocabulary("adapt", "-i", input, "--skip-rows", "1", "--delimiter", ";", "-c", "1", "-l", "string-lookup"));
        Assert.Equal(expected, Vocabulary("adapt", "-i", input, "--skip-rows", "2", "--no-header", "-d", ";", "-c", "1", "-l", "string-lookup"));
    }

    [Fact]
    public void Tsv_uses_tab_and_crlf_and_quoted_line_breaks_keep_line_numbers()
    {
        string input = _cli.Write("t.tsv", "k\tv\r\n\"x\r\ny\"\t1\r\nz\t2\r\nw\tbad\r\n");
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "v", "-l", "normalization", "-o", _cli.PathOf("s.json")));
        Assert.Contains("line 5: 'bad' is not a number (column 'v')", _cli.Stderr, StringComparison.Ordinal);

        string good = _cli.Write("g.tsv", "k\tv\r\n\"x\r\ny\"\t1\r\nz\t3\r\n");
        string stats = _cli.PathOf("stats.json");
        Assert.Equal(0, _cli.Run("adapt", "-i", good, "-c", "v", "-l", "normalization", "-o", stats));
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(stats));
        Assert.Equal(2.0, document.RootElement.GetProperty("features").GetProperty("v").GetProperty("mean")[0].GetDouble());
        Assert.Equal(1.0, document.RootElement.GetProperty("features").GetProperty("v").GetProperty("variance")[0].GetDouble());
    }

    [Theory]
    [InlineData("--no-header", "k", "with --no-header, a column is a 0-based index")]
    [InlineData("--skip-rows", "9", "--skip-rows 9: the input has fewer lines")]
    [InlineData("--delimiter", "ab", "is not one character")]
    public void Csv_option_errors(string option, string value, string message)
    {
        string input = _cli.Write("x.csv", "k\na\n");
        string[] args = option == "--no-header"
            ? ["adapt", "-i", input, option, "-c", value, "-l", "string-lookup", "-o", _cli.PathOf("v.txt")]
            : ["adapt", "-i", input, option, value, "-c", "k", "-l", "string-lookup", "-o", _cli.PathOf("v.txt")];
        Assert.Equal(1, _cli.Run(args));
        Assert.Contains(message, _cli.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.PathOf("v.txt")));
    }

    [Fact]
    public void Invalid_utf8_names_its_line()
    {
        byte[] bytes = [.. "k\na\nb"u8, 0xFF, .. "\nc\n"u8];
        string vocabulary = _cli.Write("v.txt", "old\n");
        foreach (string name in new[] { "bad.csv", "bad.txt" })
        {
            string input = WriteBytes(name, bytes);
            string[] column = name.EndsWith(".csv", StringComparison.Ordinal) ? ["-c", "k"] : [];
            Assert.Equal(1, _cli.Run(["adapt", "-i", input, .. column, "-l", "string-lookup", "-o", vocabulary]));
            Assert.Contains("line 3: invalid UTF-8 (byte 0xFF)", _cli.Stderr, StringComparison.Ordinal);
            Assert.Equal("old\n", File.ReadAllText(vocabulary));
        }
    }

    [Theory]
    [InlineData("cities.csv.gz", "city\na\nb\nb\n", "city")]
    [InlineData("cities.jsonl.gz", "{\"city\": \"a\"}\n{\"city\": \"b\"}\n{\"city\": \"b\"}\n", "city")]
    [InlineData("cities.txt.gz", "a\nb\nb\n", null)]
    [InlineData("cities.data", "a\nb\nb\n", null)]
    public void Gzip_is_recognised_by_its_magic_bytes(string name, string content, string? column)
    {
        string input = WriteBytes(name, Gzip(content));
        string[] args = column is null
            ? ["adapt", "-i", input, "-l", "string-lookup"]
            : ["adapt", "-i", input, "-c", column, "-l", "string-lookup"];
        Assert.Equal(["b", "a"], Vocabulary(args));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_corrupt_or_truncated_gzip_is_a_read_error(bool truncate)
    {
        byte[] gz = Gzip("city\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"c{i % 97}\n")));
        if (truncate)
        {
            gz = gz[..(gz.Length / 2)];
        }
        else
        {
            gz[gz.Length / 2] ^= 0x5A;
            gz[(gz.Length / 2) + 1] ^= 0xA5;
        }

        string input = WriteBytes("broken.csv.gz", gz);
        string vocabulary = _cli.Write("v.txt", "old\n");
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "city", "-l", "string-lookup", "-o", vocabulary));
        Assert.StartsWith("prepgen: error: cannot read", _cli.Stderr, StringComparison.Ordinal);
        Assert.Equal("old\n", File.ReadAllText(vocabulary));
    }

    private async Task<string> WriteParquet(string name, params (string City, long Rooms, double Price, float Area)[][] groups)
    {
        var city = new DataField<string>("city");
        var rooms = new DataField<long>("rooms");
        var price = new DataField<double>("price");
        var area = new DataField<float>("area");
        string path = _cli.PathOf(name);
        using (FileStream file = File.Create(path))
        {
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(city, rooms, price, area), file);
            foreach ((string City, long Rooms, double Price, float Area)[] rows in groups)
            {
                using ParquetRowGroupWriter group = writer.CreateRowGroup();
                await group.WriteAsync(city, rows.Select(r => r.City).ToArray());
                await group.WriteAsync<long>(rooms, rows.Select(r => r.Rooms).ToArray());
                await group.WriteAsync<double>(price, rows.Select(r => r.Price).ToArray());
                await group.WriteAsync<float>(area, rows.Select(r => r.Area).ToArray());
            }
        }

        return path;
    }

    [Fact]
    public async Task Parquet_columns_of_strings_integers_and_floats_over_row_groups()
    {
        string input = await WriteParquet("homes.data",
            [("a", 3, 1.5, 10f), ("b", 2, 2.5, 20f)],
            [("b", 3, 3.5, 30f)],
            [("c", 3, 0.1, 40f), ("b", 1, 1.0, 50f)]);

        // Recognised by its magic bytes, whatever the extension.
        Assert.Equal(["b", "c", "a"], Vocabulary("adapt", "-i", input, "-c", "city", "-l", "string-lookup", "--threads", "3"));
        Assert.Equal(["3", "2", "1"], Vocabulary("adapt", "-i", input, "-c", "rooms", "-l", "integer-lookup"));

        string stats = _cli.PathOf("stats.json");
        Assert.Equal(0, _cli.Run("adapt", "-i", input, "-c", "price", "-c", "area", "-l", "normalization", "--stats-key", "pa", "-o", stats));
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(stats));
        JsonElement entry = document.RootElement.GetProperty("features").GetProperty("pa");
        double[] mean = entry.GetProperty("mean").EnumerateArray().Select(e => e.GetDouble()).ToArray();

        // price as float32: 1.5, 2.5, 3.5, 0.1f, 1 -> mean (8.5 + 0.1f) / 5; area: 30.
        Assert.Equal((8.5 + (double)0.1f) / 5, mean[0], 1e-15);
        Assert.Equal(30, mean[1], 1e-15);
        Assert.Equal(5, entry.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Parquet_errors_name_the_column_or_row()
    {
        string input = await WriteParquet("homes.parquet", [("a", 3, 1.5, 10f)], [("x", 1, 2, 2f), ("y", 1, double.NaN, 2f)]);
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "nope", "-l", "string-lookup", "-o", _cli.PathOf("v.txt")));
        Assert.Contains("no column 'nope' in the Parquet schema (city, rooms, price, area)", _cli.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "price", "-l", "normalization", "-o", _cli.PathOf("s.json")));
        Assert.Contains("row 3: 'NaN' is not a finite number (column 'price')", _cli.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, _cli.Run("adapt", "-i", input, "-c", "city", "--skip-rows", "1", "-l", "string-lookup", "-o", _cli.PathOf("v.txt")));
        Assert.Contains("--skip-rows does not apply to Parquet", _cli.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parquet_nulls_are_refused_with_their_row()
    {
        var city = new DataField<string>("city", nullable: true);
        string path = _cli.PathOf("nulls.parquet");
        using (FileStream file = File.Create(path))
        {
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(city), file);
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync(city, new string?[] { "a", null, "b" });
        }

        Assert.Equal(1, _cli.Run("adapt", "-i", path, "-c", "city", "-l", "string-lookup", "-o", _cli.PathOf("v.txt")));
        Assert.Contains("row 2: column 'city' is null", _cli.Stderr, StringComparison.Ordinal);
    }
}
