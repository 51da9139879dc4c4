using System.Net;

namespace LowLatencyService;

/// <summary>Builds the service (the tests start the same app on an ephemeral loopback port).</summary>
public static partial class ServiceApp
{
    /// <summary>Creates the app: Kestrel on 127.0.0.1 (<c>--port</c>, default 5080; 0 picks a free port).</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">Extra setup before the app is built (tests add a log sink).</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
        int port = builder.Configuration.GetValue("port", 5080);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJsonContext.Default));

        // Bad requests (a body that does not bind) get a problem-details body instead of an empty 400.
        builder.Services.AddProblemDetails();
        configure?.Invoke(builder);

        WebApplication app = builder.Build();
        app.UseStatusCodePages();
        ILogger log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LowLatencyService");

        app.MapPost("/encode", (ListingRow row, HttpContext http) =>
        {
            if (Invalid(row, http, log) is { } problem)
            {
                return problem;
            }

            var vector = new float[ListingRow.EncodedWidth];
            try
            {
                row.Encode(vector);
            }
            catch (ArgumentException e)
            {
                // A value the checks above do not know about: still the client's row, still one line.
                LogRejected(log, http.Request.Path, e.GetType().Name + ": " + OneLine(e.Message));
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The row cannot be encoded.", detail: e.Message);
            }

            return TypedResults.Ok(vector);
        });

        app.MapPost("/echo", (ListingRow row, HttpContext http) => Invalid(row, http, log) ?? TypedResults.Ok(row));
        app.MapGet("/", () => $"LowLatencyService: POST a listing row to /encode ({ListingRow.EncodedWidth} floats) or /echo");
        return app;
    }

    /// <summary>A 400 with the row's problems (field name to messages), or null for a valid row.</summary>
    private static IResult? Invalid(ListingRow row, HttpContext http, ILogger log)
    {
        Dictionary<string, string[]>? errors = ListingRowValidation.Problems(row);
        if (errors is null)
        {
            return null;
        }

        LogRejected(log, http.Request.Path, string.Join("; ", errors.Select(e => e.Key + ": " + string.Join(" ", e.Value))));
        return TypedResults.ValidationProblem(errors, title: "The listing row is not valid.");
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    // Information, one line, no exception: a client's mistake is not a server warning, and a flood of bad
    // rows must not flood the log (the default level, Warning, drops it).
    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {Path}: {Problems}")]
    private static partial void LogRejected(ILogger logger, string path, string problems);
}
