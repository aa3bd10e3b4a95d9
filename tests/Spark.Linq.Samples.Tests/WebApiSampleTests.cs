using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Spark.Connect;
using Spark.Testing;
using WebApi;

namespace Spark.Linq.Samples.Tests;

/// <summary>
/// samples/WebApi run in-process (WebApplicationFactory) on its embedded local engine: the query and health endpoints
/// answer, its OpenTelemetry pipeline exports the Spark spans and metrics, nothing exported or logged by Spark.Linq
/// carries the engine's token or a value from a query, and a client that aborts an export stops the query.
/// </summary>
public sealed class WebApiSampleTests
{
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private readonly LogCollector _logs = new();
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(_logs);
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
        }));
        _http = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }

    private List<Activity> SparkSpans()
    {
        lock (_spans) return _spans.Where(s => s.Source.Name == SparkConnectDiagnostics.ActivitySourceName).ToList();
    }

    /// <summary>The engine's token, read back from the connection string the sample configured.</summary>
    private string Token()
    {
        var connection = SparkConnectionString.Parse(_factory.Services.GetRequiredService<IConfiguration>()["Spark:ConnectionString"]!, allowTokenWithoutTls: true);
        return connection.Token ?? throw new AssertionException("the sample's local engine should require a token");
    }

    [Test]
    public async Task The_health_endpoint_reports_the_local_engine_healthy()
    {
        var response = await _http.GetAsync("/health");

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
        Assert.That(SparkSpans().Select(s => s.DisplayName), Does.Contain("AnalyzePlan SparkVersion"));
    }

    [Test]
    public async Task The_orders_endpoint_answers_and_exports_spans_and_metrics_without_the_token_or_its_values()
    {
        const decimal minimum = 987.65m;
        var expected = new SalesData().Orders.Where(o => o.Region == "LATAM" && o.Amount >= minimum)
            .OrderByDescending(o => o.Amount).ThenBy(o => o.Id).Take(20).Select(o => o.Id).ToList();

        var orders = await _http.GetFromJsonAsync<List<Order>>("/orders?region=LATAM&minimum=987.65");

        Assert.That(orders!.Select(o => o.Id), Is.EqualTo(expected));
        Assert.That(expected, Is.Not.Empty);
        var span = SparkSpans().Last(s => s.DisplayName == "ExecutePlan orders");
        Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
        Assert.That(span.GetTagItem("db.system.name"), Is.EqualTo("spark"));
        Assert.That(span.GetTagItem("db.collection.name"), Is.EqualTo("orders"));
        Assert.That(span.GetTagItem("db.response.returned_rows"), Is.EqualTo((long)expected.Count));
        Assert.That(span.GetTagItem("spark.operation.id") as string, Is.Not.Empty);
        List<Activity> requests;
        lock (_spans) requests = _spans.Where(s => s.Source.Name == "Microsoft.AspNetCore" && s.TraceId == span.TraceId && s.SpanId == span.ParentSpanId).ToList();
        Assert.That(requests, Has.Count.EqualTo(1), "the Spark span is a child of the HTTP request's span");

        _factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
        List<Metric> metrics;
        lock (_metrics) metrics = _metrics.Where(m => m.MeterName == SparkConnectDiagnostics.MeterName).ToList();
        Assert.That(metrics.Select(m => m.Name), Is.SupersetOf(new[]
        {
            "db.client.operation.duration", "db.client.response.returned_rows", "spark.client.response.bytes", "spark.client.active_operations",
        }));

        var token = Token();
        var exported = SparkSpans().SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName).Append(s.StatusDescription ?? ""))
            .Concat(metrics.SelectMany(MetricTags))
            .Concat(_logs.Entries.Where(e => e.Category.StartsWith("Spark", StringComparison.Ordinal)).Select(e => e.Message))
            .ToList();
        Assert.That(exported, Is.Not.Empty);
        foreach (var text in exported)
            Assert.That(text, Does.Not.Contain(token).And.Not.Contain("987.65").And.Not.Contain("LATAM"));
    }

    [Test]
    public async Task An_export_the_client_aborts_stops_its_query()
    {
        using var abort = new CancellationTokenSource();
        var before = SparkSpans().Count;
        using (var response = await _http.GetAsync("/orders/export", HttpCompletionOption.ResponseHeadersRead, abort.Token))
        {
            var stream = await response.Content.ReadAsStreamAsync(abort.Token);
            using var reader = new StreamReader(stream);
            Assert.That(await reader.ReadLineAsync(abort.Token), Does.Contain("\"Id\":1,"));
            abort.Cancel();
        }

        var clock = Stopwatch.StartNew();
        Activity? export = null;
        while (export is null && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            export = SparkSpans().Skip(before).FirstOrDefault(s => s.DisplayName == "ExecutePlan orders");
            if (export is null) await Task.Delay(50);
        }
        Assert.That(export, Is.Not.Null, "the export's query ended once the client went away");
        Assert.That(export!.GetTagItem("spark.operation.outcome") ?? export.GetTagItem("error.type"), Is.Not.Null,
            "the query was stopped, not read to its end");
        Assert.That((long)export.GetTagItem("db.response.returned_rows")!, Is.LessThan(SalesData.OrderCount));
    }

    private static IEnumerable<string> MetricTags(Metric metric)
    {
        foreach (ref readonly var point in metric.GetMetricPoints())
            foreach (var tag in point.Tags)
                yield return $"{tag.Key}={tag.Value}";
    }
}
