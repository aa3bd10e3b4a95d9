using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Spark.Connect;
using Spark.Linq;
using WebApi;

// A minimal API on Spark.Linq: queries per request, a health endpoint, traces and metrics on the console.
// With no Spark Connect server configured (SPARK_REMOTE, Spark:ConnectionString or ConnectionStrings:Spark) it starts
// the embedded local engine with a small sales dataset; otherwise the same endpoints run on that server.
var builder = WebApplication.CreateBuilder(args);
var data = new SalesData();
await using var engine = new SampleEngine(data);

builder.Services.AddSingleton(data);
builder.Services.AddSingleton(engine);
builder.Services.AddSparkLinq(builder.Configuration)   // the "Spark" section, or ConnectionStrings:Spark
    .AddSparkContext<SalesContext>()
    .AddHealthCheck(timeout: TimeSpan.FromSeconds(3));
builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("Spark.Linq.WebApi"))
    .WithTracing(tracing => tracing
        .AddSource(SparkConnectDiagnostics.ActivitySourceName)   // a span per Spark Connect operation
        .AddAspNetCoreInstrumentation()
        .AddConsoleExporter())
    .WithMetrics(metrics => metrics
        .AddMeter(SparkConnectDiagnostics.MeterName)             // db.client.operation.duration, rows, bytes, retries, …
        .AddAspNetCoreInstrumentation()
        .AddConsoleExporter());

var app = builder.Build();
// Started once the application is built (the engine is a web host of its own) and before it runs: AddSparkLinq reads
// Spark:ConnectionString when the host starts.
await engine.StartUnlessConfiguredAsync(app.Configuration);

app.MapHealthChecks("/health");

// A parameterised query: the region and minimum travel as literals in the plan, never into logs, spans or metrics.
// The CancellationToken of a minimal API handler is HttpContext.RequestAborted: a client that goes away stops the query.
app.MapGet("/orders", async (string region, decimal? minimum, SalesContext sales, CancellationToken requestAborted) =>
    await sales.Orders
        .Where(o => o.Region == region && o.Amount >= (minimum ?? 0m))
        .OrderByDescending(o => o.Amount).ThenBy(o => o.Id)
        .Take(20)
        .ToListAsync(requestAborted));

app.MapGet("/revenue", async (SalesContext sales, CancellationToken requestAborted) =>
    await sales.Orders
        .GroupBy(o => o.Region)
        .Select(g => new { Region = g.Key, Orders = g.Count(), Revenue = g.Sum(o => o.Amount) })
        .OrderBy(r => r.Region)
        .ToListAsync(requestAborted));

// Every order as newline-delimited JSON, streamed batch by batch. When the client aborts, RequestAborted cancels the
// enumeration, which stops the result stream and interrupts the operation on the server.
app.MapGet("/orders/export", async (HttpContext http, SalesContext sales) =>
{
    http.Response.ContentType = "application/x-ndjson";
    await foreach (var order in sales.Orders.OrderBy(o => o.Id).AsAsyncEnumerable().WithCancellation(http.RequestAborted))
    {
        await System.Text.Json.JsonSerializer.SerializeAsync(http.Response.Body, order, cancellationToken: http.RequestAborted);
        await http.Response.WriteAsync("\n", http.RequestAborted);
    }
});

app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
