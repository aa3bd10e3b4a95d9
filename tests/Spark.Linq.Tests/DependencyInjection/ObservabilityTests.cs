using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Spark.Connect;
using Spark.Connect.Arrow;
using Spark.Connect.Protocol;
using Spark.Connect.TestServer;
using Spark.Linq.DependencyInjection;
using Spark.Testing;

namespace Spark.Linq.Tests.DependencyInjection;

/// <summary>
/// AddSparkLinq hands the host's logging and metrics to the session, the plan is logged at Debug without its literal
/// values, and the health check answers from the server's version.
/// </summary>
public class ObservabilityTests
{
    private const string Secret = "lit-SECRET-2718";
    private static readonly ArrowSchema RowSchema = new([new ArrowField("Id", ArrowType.Int64, nullable: false), new ArrowField("Region", ArrowType.Utf8)]);

    public sealed record Row(long Id, string? Region);

    private ScriptedSparkConnectServer _server = null!;
    private LogCollector _logs = null!;

    [SetUp]
    public async Task Start()
    {
        _server = await ScriptedSparkConnectServer.StartAsync();
        _server.ReleaseExecute.Always((r, _) => new ReleaseExecuteResponse { SessionId = r.SessionId, OperationId = r.OperationId });
        _server.ReleaseSession.Always((r, _) => new ReleaseSessionResponse { SessionId = r.SessionId });
        _server.AnalyzePlan.Always((r, _) => new AnalyzePlanResponse { SessionId = r.SessionId, SparkVersion = new() { Version = "4.0.1" } });
        _server.ExecutePlan.Always((request, _) =>
        {
            var builder = new RecordBatchBuilder(RowSchema);
            builder.Column<PrimitiveBuilder<long>>(0).Append(1);
            builder.Column<Utf8Builder>(1).Append(Secret);
            var batch = builder.Build();
            var data = ArrowStreamWriter.WriteToArray(RowSchema, [batch]);
            return
            [
                new ExecutePlanResponse { OperationId = request.OperationId, ResponseId = "b0", ArrowBatch = new() { RowCount = 1, Data = ByteString.CopyFrom(data) } },
                new ExecutePlanResponse { OperationId = request.OperationId, ResponseId = "end", ResultComplete = new() },
            ];
        });
        _logs = new LogCollector();
    }

    [TearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private ServiceProvider Build(string connectionString, Action<SparkSessionOptions>? configure = null, Action<SparkLinqBuilder>? more = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddMetrics();
        var builder = services.AddSparkLinq(o =>
        {
            o.ConnectionString = connectionString;
            configure?.Invoke(o);
        });
        more?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    [Test]
    public async Task A_query_logs_through_the_hosts_logger_factory_and_measures_on_its_meter_factory()
    {
        await using var provider = Build(_server.ConnectionString);
        var meterFactory = provider.GetRequiredService<IMeterFactory>();
        using var recorder = new TelemetryRecorder([], meter => meter.Scope == meterFactory);
        var spark = provider.GetRequiredService<SparkSession>();
        var region = Secret;

        var rows = await spark.Table<Row>("sales.orders").Where(r => r.Region == region).ToListAsync();

        Assert.That(rows.Single().Region, Is.EqualTo(Secret));
        var operationId = _server.RequestsOf<ExecutePlanRequest>().Single().OperationId;
        var finished = _logs.Entries.Single(e => e.EventId.Name == "ExecutionFinished");
        Assert.That(finished.Level, Is.EqualTo(LogLevel.Information));
        Assert.That(finished.Message, Does.Contain(operationId).And.Contain("1 rows in 1 batches"));
        var plan = _logs.Entries.Single(e => e.EventId.Name == "QueryPlan");
        Assert.That((plan.Category, plan.Level), Is.EqualTo(("Spark.Linq.Query", LogLevel.Debug)));
        Assert.That(plan.Message, Does.Contain(operationId).And.Contain("Read sales.orders").And.Contain("(Region <=> ?)"));
        Assert.That(_logs.Entries.Select(e => e.Message), Has.None.Contains(Secret), "the captured value stays out of the logs");
        Assert.That(recorder.Of("db.client.operation.duration").Select(m => m.Tags["db.query.summary"]), Does.Contain("ExecutePlan sales.orders"));
        Assert.That(recorder.Of("db.client.response.returned_rows").Single().Value, Is.EqualTo(1));
    }

    [Test]
    public async Task With_sensitive_data_logging_the_plan_log_shows_the_literal()
    {
        await using var provider = Build(_server.ConnectionString, o => o.Client.EnableSensitiveDataLogging = true);
        var spark = provider.GetRequiredService<SparkSession>();
        var region = Secret;

        await spark.Table<Row>("sales.orders").Where(r => r.Region == region).ToListAsync();

        Assert.That(_logs.Entries.Single(e => e.EventId.Name == "QueryPlan").Message, Does.Contain($"(Region <=> '{Secret}')"));
    }

    [Test]
    public async Task A_logger_factory_the_application_set_is_kept()
    {
        var own = new LogCollector();
        await using var provider = Build(_server.ConnectionString, o => o.Client.LoggerFactory = own.CreateFactory());

        await provider.GetRequiredService<SparkSession>().Table<Row>("sales.orders").ToListAsync();

        Assert.That(own.Entries.Select(e => e.EventId.Name), Does.Contain("ExecutionFinished"));
        Assert.That(_logs.Entries.Where(e => e.Category.StartsWith("Spark", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task The_health_check_is_healthy_when_the_server_tells_its_version()
    {
        await using var provider = Build(_server.ConnectionString, more: b => b.AddHealthCheck());

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["spark"];
        Assert.That(entry.Status, Is.EqualTo(HealthStatus.Healthy), entry.Description);
        Assert.That(entry.Data["spark_version"], Is.EqualTo("4.0.1"));
        Assert.That(entry.Description, Does.Contain("4.0.1").And.Contain(_server.Address.Port.ToString()));
        Assert.That(_server.RequestsOf<AnalyzePlanRequest>().Single().AnalyzeCase, Is.EqualTo(AnalyzePlanRequest.AnalyzeOneofCase.SparkVersion));
    }

    [Test]
    public async Task The_health_check_against_a_closed_port_is_unhealthy_at_once_without_the_token()
    {
        var port = ClosedPort();
        await using var provider = Build($"sc://127.0.0.1:{port}/;token=tok-SECRET-99", o => o.Client.AllowTokenWithoutTls = true,
            more: b => b.AddHealthCheck(name: "spark-connect", tags: ["ready"]));
        var clock = Stopwatch.StartNew();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));

        var entry = report.Entries["spark-connect"];
        Assert.That(entry.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)), "one attempt, no retries");
        Assert.That(entry.Description, Does.Contain($"127.0.0.1:{port}"));
        Assert.That(entry.Exception, Is.InstanceOf<Spark.Connect.Transport.GrpcException>());
        Assert.That(entry.Description + entry.Exception, Does.Not.Contain("tok-SECRET-99"));
    }

    [Test]
    public async Task The_health_check_reports_a_server_that_does_not_answer_in_time_with_the_failure_status_asked_for()
    {
        _server.AnalyzePlan.Always(async (r, call) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), call.Context.CancellationToken);
            return new AnalyzePlanResponse { SessionId = r.SessionId };
        });
        await using var provider = Build(_server.ConnectionString,
            more: b => b.Services.AddHealthChecks().AddSparkConnect(failureStatus: HealthStatus.Degraded, timeout: TimeSpan.FromMilliseconds(300)));
        var clock = Stopwatch.StartNew();

        var entry = (await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["spark"];

        Assert.That(entry.Status, Is.EqualTo(HealthStatus.Degraded));
        Assert.That(entry.Description, Does.Contain("did not answer within 0.3 s"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
