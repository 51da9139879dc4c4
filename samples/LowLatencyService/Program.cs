using System.Net;
using LowLatencyService;

// A feature-encoding service: POST a JSON listing row, get its feature vector back.
//   POST /encode  -> the row encoded by the generated [FeatureRecord] (float[ListingRow.EncodedWidth])
//   POST /echo    -> the same row parsed and written back as JSON, no encoding (the control: the encoder's
//                    share of a request is /encode minus /echo)
// Kestrel listens on 127.0.0.1 only (port from --port, default 5080).
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
int port = builder.Configuration.GetValue("port", 5080);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJsonContext.Default));

WebApplication app = builder.Build();

app.MapPost("/encode", (ListingRow row) =>
{
    var vector = new float[ListingRow.EncodedWidth];
    row.Encode(vector);
    return vector;
});

app.MapPost("/echo", (ListingRow row) => row);

app.MapGet("/", () => $"LowLatencyService: POST a listing row to /encode ({ListingRow.EncodedWidth} floats) or /echo");

Console.WriteLine($"LowLatencyService listening on http://127.0.0.1:{port} (encoded width {ListingRow.EncodedWidth})");
app.Run();
