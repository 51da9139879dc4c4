using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using LowLatencyService;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PrepGen.Service.Tests;

/// <summary>
/// Issue 11: null or invalid fields were 500s, each logging a full stack trace. They are 400s with a
/// problem-details body, logged as at most one line each, with nothing logged at Warning or above.
/// </summary>
public sealed class BadRequestTests : IAsyncLifetime
{
    private const string Valid = """{"city":"paris","propertyType":"loft","hostId":"h1","rooms":2,"bathrooms":1,"zipCode":75001,"amenities":[1,3],"tags":["quiet","view"],"title":"Bright loft near the river"}""";

    private readonly LogSink _log = new();
    private WebApplication? _app;
    private HttpClient? _http;

    public async Task InitializeAsync()
    {
        _app = ServiceApp.Create(["--port", "0"], builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace); // catch every line, not only the default Warning and above
            builder.Logging.AddProvider(_log);
        });
        await _app.StartAsync();
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        _http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task<(HttpStatusCode Status, string ContentType, string Body)> Post(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _http!.PostAsync(path, content);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync());
    }

    private static string With(string field, string value)
    {
        using JsonDocument valid = JsonDocument.Parse(Valid);
        var pairs = valid.RootElement.EnumerateObject().Select(p => "\"" + p.Name + "\":" + (p.Name == field ? value : p.Value.GetRawText()));
        return "{" + string.Join(",", pairs) + "}";
    }

    [Fact]
    public async Task A_valid_row_is_encoded()
    {
        var (status, _, body) = await Post("/encode", Valid);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ListingRow.EncodedWidth, JsonSerializer.Deserialize<float[]>(body)!.Length);
        Assert.Equal(HttpStatusCode.OK, (await Post("/echo", Valid)).Status);
    }

    [Theory]
    [InlineData("city", "null", "city")]
    [InlineData("title", "null", "title")]
    [InlineData("hostId", "null", "hostId")]
    [InlineData("propertyType", "null", "propertyType")]
    [InlineData("tags", "[null]", "tags")]
    [InlineData("tags", "null", "tags")]
    [InlineData("amenities", "[-1]", "amenities")]
    [InlineData("amenities", "[16]", "amenities")]
    [InlineData("amenities", "null", "amenities")]
    public async Task Null_or_invalid_fields_are_400_problem_details_naming_the_field(string field, string value, string error)
    {
        foreach (string path in new[] { "/encode", "/echo" })
        {
            var (status, contentType, body) = await Post(path, With(field, value));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("application/problem+json", contentType);
            using JsonDocument problem = JsonDocument.Parse(body);
            Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(error, out _), body);
        }

        _log.AssertQuiet(maxLines: 2);
    }

    [Theory]
    [InlineData("{\"city\": ")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{\"rooms\": \"two\"}")]
    [InlineData("{\"rooms\": 1e30}")]
    [InlineData("{\"amenities\": [1.5]}")]
    public async Task Bodies_that_do_not_bind_are_400_problem_details(string json)
    {
        var (status, contentType, body) = await Post("/encode", json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(400, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        _log.AssertQuiet(maxLines: 1);
    }

    [Fact]
    public async Task A_bounded_flood_of_bad_rows_stays_400_and_one_line_each()
    {
        string[] bad = [With("city", "null"), With("tags", "[null]"), With("amenities", "[-1]"), With("hostId", "null"), With("title", "null")];
        var statuses = new ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            statuses.Add((await Post("/encode", bad[i % bad.Length])).Status));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(200, statuses.Count);
        _log.AssertQuiet(maxLines: 200);
        Assert.Equal(HttpStatusCode.OK, (await Post("/encode", Valid)).Status); // still serving
    }

    /// <summary>Collects every log entry the app writes.</summary>
    private sealed class LogSink : ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> _entries = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        /// <summary>No entry at Warning or above, none with an exception, each one line, at most <paramref name="maxLines"/> since the last check.</summary>
        public void AssertQuiet(int maxLines)
        {
            var entries = new List<(LogLevel Level, string Category, string Message, Exception? Exception)>();
            while (_entries.TryDequeue(out var entry))
            {
                entries.Add(entry);
            }

            // The framework traces every request (Information and below, dropped at the app's default level,
            // Warning); what the app says about a rejected row is its own category.
            var rejected = entries.Where(e => e.Category == "LowLatencyService").ToList();
            Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning);
            Assert.DoesNotContain(entries, e => e.Exception is not null && e.Level >= LogLevel.Information);
            Assert.All(rejected, e => Assert.DoesNotContain('\n', e.Message));
            Assert.True(rejected.Count <= maxLines, string.Join("\n", rejected.Select(e => e.Category + ": " + e.Message)));
        }

        private sealed class Logger(LogSink sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink._entries.Enqueue((logLevel, category, formatter(state, exception), exception));
        }
    }
}
