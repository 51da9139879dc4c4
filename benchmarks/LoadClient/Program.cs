using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

// Bounded local load test: for each endpoint, N concurrent connections send the same seeded JSON rows until
// the request count OR the time cap is reached (whichever first), after an unrecorded warm-up. Loopback only.
//   dotnet run -c Release --project benchmarks/LoadClient -- [--url http://127.0.0.1:5080] [--connections 16]
//       [--requests 20000] [--seconds 15] [--warmup 1000] [--paths /echo,/encode]
var options = Options.Parse(args);
var uri = new Uri(options.Url);
if (!IPAddress.TryParse(uri.Host, out IPAddress? address) || !IPAddress.IsLoopback(address))
{
    Console.Error.WriteLine($"refusing {uri.Host}: this load client only targets 127.0.0.1 / ::1");
    return 2;
}

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var client = new HttpClient(handler) { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(10) };
byte[][] bodies = Rows.Json(256, seed: 5);

Console.WriteLine($"target {uri}  connections {options.Connections}  requests {options.Requests}  cap {options.Seconds} s  warm-up {options.Warmup}");
Console.WriteLine($"{"endpoint",-10} {"requests",9} {"errors",7} {"seconds",8} {"req/s",9} {"p50 us",8} {"p99 us",8} {"max us",8}");
foreach (string path in options.Paths)
{
    await Run(client, path, bodies, options.Warmup, options.Connections, TimeSpan.FromSeconds(Math.Min(5, options.Seconds)), record: false);
    Result r = await Run(client, path, bodies, options.Requests, options.Connections, TimeSpan.FromSeconds(options.Seconds), record: true);
    Console.WriteLine($"{path,-10} {r.Count,9} {r.Errors,7} {r.Seconds,8:F2} {r.Count / r.Seconds,9:F0} {r.Percentile(0.50),8:F0} {r.Percentile(0.99),8:F0} {r.Percentile(1.0),8:F0}");
}

return 0;

static async Task<Result> Run(HttpClient client, string path, byte[][] bodies, int requests, int connections, TimeSpan cap, bool record)
{
    int next = -1;
    int errors = 0;
    var latencies = new List<long>[connections];
    long deadline = Stopwatch.GetTimestamp() + (long)(cap.TotalSeconds * Stopwatch.Frequency);
    long start = Stopwatch.GetTimestamp();
    var workers = new Task[connections];
    for (int w = 0; w < connections; w++)
    {
        var mine = latencies[w] = new List<long>(requests / connections + 16);
        workers[w] = Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests && Stopwatch.GetTimestamp() < deadline)
            {
                using var content = new ByteArrayContent(bodies[i % bodies.Length]);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                long t0 = Stopwatch.GetTimestamp();
                try
                {
                    using HttpResponseMessage response = await client.PostAsync(path, content).ConfigureAwait(false);
                    await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                if (record)
                {
                    mine.Add(Stopwatch.GetTimestamp() - t0);
                }
            }
        });
    }

    await Task.WhenAll(workers).ConfigureAwait(false);
    double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
    long[] all = [.. latencies.SelectMany(l => l).Order()];
    return new Result(all, errors, seconds);
}

internal sealed record Result(long[] Ticks, int Errors, double Seconds)
{
    public int Count => Ticks.Length;

    public double Percentile(double p) =>
        Ticks.Length == 0 ? double.NaN : Ticks[Math.Min(Ticks.Length - 1, (int)Math.Ceiling(p * Ticks.Length) - 1 < 0 ? 0 : (int)Math.Ceiling(p * Ticks.Length) - 1)] * 1e6 / Stopwatch.Frequency;
}

internal sealed record Options(string Url, int Connections, int Requests, double Seconds, int Warmup, string[] Paths)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            int i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        return new Options(
            Get("url", "http://127.0.0.1:5080"),
            int.Parse(Get("connections", "16"), CultureInfo.InvariantCulture),
            int.Parse(Get("requests", "20000"), CultureInfo.InvariantCulture),
            double.Parse(Get("seconds", "15"), CultureInfo.InvariantCulture),
            int.Parse(Get("warmup", "1000"), CultureInfo.InvariantCulture),
            Get("paths", "/echo,/encode").Split(',', StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>Seeded listing rows as JSON (the shape of samples/LowLatencyService/ListingRow.cs).</summary>
internal static class Rows
{
    private static readonly string[] Cities = ["paris", "london", "tokyo", "berlin", "madrid", "rome", "vienna", "lisbon", "seoul", "sydney", "toronto", "atlantis"];
    private static readonly string[] Types = ["apartment", "house", "condo", "loft", "studio", "villa", "castle"];
    private static readonly string[] Tags = ["quiet", "central", "view", "garden", "pets", "parking", "family", "beach", "modern", "cozy"];
    private static readonly string[] Words = ["Bright", "quiet", "studio", "near", "the", "park", "with", "a", "sunny", "balcony", "and", "view", "of", "old", "town", "renovated", "loft", "zebra"];

    public static byte[][] Json(int count, int seed)
    {
        var random = new Random(seed);
        var result = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"{{\"city\":\"{Cities[random.Next(Cities.Length)]}\",\"propertyType\":\"{Types[random.Next(Types.Length)]}\",");
            sb.Append(CultureInfo.InvariantCulture, $"\"hostId\":\"host-{random.Next(100000)}\",\"rooms\":{1 + random.Next(10)},\"bathrooms\":{1 + random.Next(5)},\"zipCode\":{10000 + random.Next(90000)},");
            sb.Append("\"amenities\":[").AppendJoin(',', Enumerable.Range(0, random.Next(6)).Select(_ => random.Next(16))).Append("],");
            sb.Append("\"tags\":[").AppendJoin(',', Enumerable.Range(0, random.Next(4)).Select(_ => "\"" + Tags[random.Next(Tags.Length)] + "\"")).Append("],");
            sb.Append("\"title\":\"").AppendJoin(' ', Enumerable.Range(0, 4 + random.Next(8)).Select(_ => Words[random.Next(Words.Length)])).Append(".\"}");
            result[i] = Encoding.UTF8.GetBytes(sb.ToString());
        }

        return result;
    }
}
