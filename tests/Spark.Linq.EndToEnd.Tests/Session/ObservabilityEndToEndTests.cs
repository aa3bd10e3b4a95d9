using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Spark.Connect;
using Spark.Connect.Local;
using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Testing;
using Spark.Linq.Testing;

namespace Spark.Linq.EndToEnd.Tests.Session;

/// <summary>
/// An application set up with AddSparkLinq against the real local server (with a token): its queries produce spans,
/// metrics and logs, none of which carries the token or a value from the query, and the health check is healthy.
/// </summary>
public sealed class ObservabilityEndToEndTests
{
    private const string Token = "tok-SECRET-e2e-31337";
    private LocalSparkServer _server = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await LocalSparkServer.StartAsync(new LocalSparkServerOptions { Token = Token });
        _server.CreateTable("products", new SalesData(orderCount: 10).Products);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private ServiceProvider Build(LogCollector logs)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddMetrics();
        services.AddSparkLinq(o =>
        {
            o.ConnectionString = _server.ConnectionString;
            o.Client.AllowTokenWithoutTls = true;
        }).AddHealthCheck();
        return services.BuildServiceProvider();
    }

    [Test]
    public async Task A_query_on_the_local_engine_is_a_span_with_metrics_and_logs_that_keep_the_token_and_values_out()
    {
        var logs = new LogCollector();
        await using var provider = Build(logs);
        var meters = provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var recorder = new TelemetryRecorder([SparkConnectDiagnostics.ActivitySourceName], m => m.Scope == meters);
        var spark = provider.GetRequiredService<SparkSession>();
        var secretName = "name-SECRET-271828";

        var count = await spark.Table<Product>("products").CountAsync(p => p.Name != secretName);

        Assert.That(count, Is.EqualTo(new SalesData(orderCount: 10).Products.Count(p => p.Name != secretName)));
        var span = recorder.Activities.Single(a => a.GetTagItem("db.operation.name") as string == "ExecutePlan");
        Assert.That(span.DisplayName, Is.EqualTo("ExecutePlan products"));
        Assert.That(span.GetTagItem("server.port"), Is.EqualTo(_server.Port));
        Assert.That(span.GetTagItem("db.response.returned_rows"), Is.EqualTo(1L));
        Assert.That(span.Status, Is.Not.EqualTo(ActivityStatusCode.Error));
        Assert.That(recorder.Of("db.client.operation.duration").Select(m => m.Tags["db.operation.name"]), Does.Contain("ExecutePlan"));
        Assert.That(logs.Entries.Select(e => e.EventId.Name), Does.Contain("ExecutionFinished").And.Contain("QueryPlan"));
        foreach (var text in recorder.AllText().Concat(logs.Entries.Select(e => e.Message)))
            Assert.That(text, Does.Not.Contain(Token).And.Not.Contain(secretName));
    }

    [Test]
    public async Task A_failing_query_names_Sparks_error_class_on_its_span()
    {
        var logs = new LogCollector();
        await using var provider = Build(logs);
        using var recorder = new TelemetryRecorder([SparkConnectDiagnostics.ActivitySourceName]);
        var spark = provider.GetRequiredService<SparkSession>();

        await Assert.ThrowsAsync<SparkException>(() => spark.Table<Product>("no_such_table").ToListAsync());

        var span = recorder.Activities.Single(a => a.DisplayName == "ExecutePlan no_such_table");
        Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(span.GetTagItem("error.type"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(span.GetTagItem("db.response.status_code"), Is.EqualTo("42P01"));
    }

    [Test]
    public async Task The_health_check_is_healthy_against_the_local_engine()
    {
        await using var provider = Build(new LogCollector());

        var entry = (await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["spark"];

        Assert.That(entry.Status, Is.EqualTo(HealthStatus.Healthy), entry.Description);
        Assert.That(entry.Data["spark_version"], Does.Contain("local-duckdb"));
        Assert.That(entry.Description, Does.Not.Contain(Token));
    }
}
