using System.Diagnostics;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Spark.Connect.Tests.Client;
using Spark.Connect.Transport;
using Spark.Testing;
using static Spark.Connect.Tests.Client.ClientTestKit;

namespace Spark.Connect.Tests.Diagnostics;

/// <summary>
/// The spans, metrics and logs of the client's operations, recorded with an ActivityListener, a MeterListener (on a
/// meter from the client's own IMeterFactory) and a collecting ILoggerProvider; and that none of them carries the token,
/// a header value or a value from the query.
/// </summary>
public class ClientTelemetryTests
{
    private const string Token = "tok-SECRET-4711";
    private const string HeaderValue = "hdr-SECRET-0815";
    private const string Literal = "lit-SECRET-1234";
    private const string Host = "telemetry-host.example";

    private FakeTransport _transport = null!;
    private TestMeterFactory _meterFactory = null!;
    private TelemetryRecorder _recorder = null!;

    [SetUp]
    public void SetUp()
    {
        _transport = new FakeTransport();
        _transport.OnUnary(SparkConnectMethods.ReleaseExecute, r => new ReleaseExecuteResponse { SessionId = r.SessionId, OperationId = r.OperationId });
        _transport.OnUnary(SparkConnectMethods.Interrupt, r => new InterruptResponse { SessionId = r.SessionId });
        _meterFactory = new TestMeterFactory();
        _recorder = new TelemetryRecorder([SparkConnectDiagnostics.ActivitySourceName], meter => meter.Scope == _meterFactory);
    }

    [TearDown]
    public void TearDown()
    {
        _recorder.Dispose();
        _meterFactory.Dispose();
    }

    private SparkConnectClient NewClient(bool sensitive = false) => SparkConnectClient.Create(new SparkConnectClientOptions
    {
        ConnectionString = $"sc://{Host}:443/;use_ssl=true;token={Token};x-api-key={HeaderValue}",
        TransportFactory = _ => _transport,
        RetryPolicy = new RetryPolicy { MaxRetries = 3 },
        RetryDelay = (_, _) => Task.CompletedTask,
        LoggerFactory = _recorder.Logs.CreateFactory(),
        MeterFactory = _meterFactory,
        EnableSensitiveDataLogging = sensitive,
    });

    /// <summary>Orders of one region: a table read and a filter whose string literal must never reach telemetry.</summary>
    private static Plan OrdersPlan() => new()
    {
        Root = new Relation
        {
            Filter = new Filter
            {
                Input = new Relation { Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = "sales.orders" } } },
                Condition = new Expression
                {
                    UnresolvedFunction = new Expression.Types.UnresolvedFunction
                    {
                        FunctionName = "==",
                        Arguments =
                        {
                            new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = "Region" } },
                            new Expression { Literal = new Expression.Types.Literal { String = Literal } },
                        },
                    },
                },
            },
        },
    };

    private static ExecutePlanResponse ArrowBatch(string id, long rows, int bytes) => new()
    {
        ResponseId = id, ServerSideSessionId = ServerSession,
        ArrowBatch = new ExecutePlanResponse.Types.ArrowBatch { RowCount = rows, Data = ByteString.CopyFrom(new byte[bytes]) },
    };

    private void AssertNothingSecret()
    {
        foreach (var text in _recorder.AllText())
        {
            Assert.That(text, Does.Not.Contain(Token).And.Not.Contain(HeaderValue).And.Not.Contain(Literal),
                "a token, header value or query literal reached telemetry");
        }
    }

    [Test]
    public async Task An_execution_is_one_client_span_following_the_database_conventions()
    {
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (_, _) => Stream([ArrowBatch("r1", 3, 100)]));
        _transport.OnStream(SparkConnectMethods.ReattachExecute, (_, _) => Stream([ArrowBatch("r2", 2, 50), Complete("r3")]));
        await using var client = NewClient();

        await client.ExecutePlanAsync(OrdersPlan()).ToListAsync();

        var span = _recorder.Activities.Single();
        var operationId = _transport.Requests<ExecutePlanRequest>("ExecutePlan").Single().OperationId;
        Assert.That(span.Source.Name, Is.EqualTo("Spark.Connect"));
        Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
        Assert.That(span.DisplayName, Is.EqualTo("ExecutePlan sales.orders"));
        Assert.That(span.GetTagItem("db.system.name"), Is.EqualTo("spark"));
        Assert.That(span.GetTagItem("db.operation.name"), Is.EqualTo("ExecutePlan"));
        Assert.That(span.GetTagItem("db.query.summary"), Is.EqualTo("ExecutePlan sales.orders"));
        Assert.That(span.GetTagItem("db.collection.name"), Is.EqualTo("sales.orders"));
        Assert.That(span.GetTagItem("server.address"), Is.EqualTo(Host));
        Assert.That(span.GetTagItem("server.port"), Is.EqualTo(443));
        Assert.That(span.GetTagItem("spark.operation.id"), Is.EqualTo(operationId));
        Assert.That(span.GetTagItem("db.response.returned_rows"), Is.EqualTo(5L));
        Assert.That(span.GetTagItem("spark.response.batches"), Is.EqualTo(2L));
        Assert.That(span.GetTagItem("spark.response.bytes"), Is.EqualTo(150L));
        Assert.That(span.GetTagItem("error.type"), Is.Null);
        Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
        Assert.That(span.Events.Select(e => e.Name), Is.EqualTo(new[] { "spark.reattach" }));
        AssertNothingSecret();
    }

    [Test]
    public async Task An_execution_records_duration_rows_bytes_batches_active_operations_and_reattaches()
    {
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (_, _) => Stream([ArrowBatch("r1", 3, 100)]));
        _transport.OnStream(SparkConnectMethods.ReattachExecute, (_, _) => Stream([ArrowBatch("r2", 2, 50), Complete("r3")]));
        await using var client = NewClient();

        await client.ExecutePlanAsync(OrdersPlan()).ToListAsync();

        var duration = _recorder.Of("db.client.operation.duration").Single();
        Assert.That(duration.Unit, Is.EqualTo("s"));
        Assert.That(duration.Value, Is.GreaterThan(0));
        Assert.That(duration.Tags["db.system.name"], Is.EqualTo("spark"));
        Assert.That(duration.Tags["db.operation.name"], Is.EqualTo("ExecutePlan"));
        Assert.That(duration.Tags["db.query.summary"], Is.EqualTo("ExecutePlan sales.orders"));
        Assert.That(duration.Tags["server.address"], Is.EqualTo(Host));
        Assert.That(duration.Tags.ContainsKey("error.type"), Is.False);
        Assert.That(_recorder.Of("db.client.response.returned_rows").Single().Value, Is.EqualTo(5));
        Assert.That(_recorder.Of("spark.client.response.bytes").Single().Value, Is.EqualTo(150));
        Assert.That(_recorder.Of("spark.client.response.batches").Single().Value, Is.EqualTo(2));
        Assert.That(_recorder.Of("spark.client.active_operations").Select(m => m.Value), Is.EqualTo(new[] { 1.0, -1.0 }));
        Assert.That(_recorder.Of("spark.client.reattaches").Sum(m => m.Value), Is.EqualTo(1));
        Assert.That(_recorder.Of("spark.client.retries"), Is.Empty);
        AssertNothingSecret();
    }

    [Test]
    public async Task A_retry_is_counted_with_its_status_and_marked_on_the_span()
    {
        var calls = 0;
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (_, _) => Interlocked.Increment(ref calls) == 1
            ? Stream([], Unavailable())
            : Stream([ArrowBatch("r1", 1, 10), Complete("r2")]));
        _transport.OnStream(SparkConnectMethods.ReattachExecute, (_, _) => Stream([], new GrpcException(GrpcStatusCode.Internal, "INVALID_HANDLE.OPERATION_NOT_FOUND")));
        await using var client = NewClient();

        await client.ExecutePlanAsync(OrdersPlan()).ToListAsync();

        var retry = _recorder.Of("spark.client.retries").Single();
        Assert.That(retry.Tags["rpc.grpc.status_code"], Is.EqualTo((int)GrpcStatusCode.Unavailable));
        Assert.That(retry.Tags["db.operation.name"], Is.EqualTo("ExecutePlan"));
        Assert.That(_recorder.Activities.Single().Events.Select(e => e.Name), Does.Contain("spark.retry"));
    }

    [Test]
    public async Task A_Spark_error_sets_error_type_to_its_error_class_and_the_status_code_to_its_SQLSTATE()
    {
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (_, _) =>
            Stream([], SparkError($"[CAST_INVALID_INPUT] The value '{Literal}' cannot be cast", "CAST_INVALID_INPUT", "22018")));
        await using var client = NewClient();

        await Assert.ThrowsAsync<SparkException>(async () => await client.ExecutePlanAsync(OrdersPlan()).ToListAsync());

        var span = _recorder.Activities.Single();
        Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(span.GetTagItem("error.type"), Is.EqualTo("CAST_INVALID_INPUT"));
        Assert.That(span.GetTagItem("db.response.status_code"), Is.EqualTo("22018"));
        var duration = _recorder.Of("db.client.operation.duration").Single();
        Assert.That(duration.Tags["error.type"], Is.EqualTo("CAST_INVALID_INPUT"));
        Assert.That(duration.Tags["db.response.status_code"], Is.EqualTo("22018"));
        var failed = _recorder.Logs.Entries.Single(e => e.EventId.Name == "ExecutionFailed");
        Assert.That(failed.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(failed.Message, Does.Contain("CAST_INVALID_INPUT").And.Contain("22018"));
        Assert.That(failed.Exception, Is.Null, "the exception's message quotes a value; it is attached only on opt-in");
        AssertNothingSecret();
    }

    [Test]
    public async Task With_sensitive_data_logging_the_failure_log_carries_the_exception()
    {
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (_, _) =>
            Stream([], SparkError($"[CAST_INVALID_INPUT] The value '{Literal}' cannot be cast", "CAST_INVALID_INPUT", "22018")));
        await using var client = NewClient(sensitive: true);

        await Assert.ThrowsAsync<SparkException>(async () => await client.ExecutePlanAsync(OrdersPlan()).ToListAsync());

        var failed = _recorder.Logs.Entries.Single(e => e.EventId.Name == "ExecutionFailed");
        Assert.That(failed.Exception, Is.InstanceOf<SparkException>());
        Assert.That(failed.Exception!.Message, Does.Contain(Literal));
        Assert.That(string.Join("\n", _recorder.AllText()), Does.Not.Contain(Token).And.Not.Contain(HeaderValue));
    }

    [Test]
    public async Task An_execution_logs_its_start_at_debug_and_its_end_at_information_with_its_counts()
    {
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (_, _) => Stream([ArrowBatch("r1", 3, 100), ArrowBatch("r2", 4, 60), Complete("r3")]));
        await using var client = NewClient();

        await client.ExecutePlanAsync(OrdersPlan()).ToListAsync();

        var operationId = _transport.Requests<ExecutePlanRequest>("ExecutePlan").Single().OperationId;
        var started = _recorder.Logs.Entries.Single(e => e.EventId.Name == "ExecutionStarting");
        Assert.That(started.Level, Is.EqualTo(LogLevel.Debug));
        Assert.That(started.Category, Is.EqualTo("Spark.Connect.SparkConnectClient"));
        Assert.That(started.Message, Does.Contain(operationId).And.Contain("ExecutePlan sales.orders").And.Contain($"{Host}:443"));
        var finished = _recorder.Logs.Entries.Single(e => e.EventId.Name == "ExecutionFinished");
        Assert.That(finished.Level, Is.EqualTo(LogLevel.Information));
        var state = finished.State.ToDictionary(p => p.Key, p => p.Value);
        Assert.That(state["OperationId"], Is.EqualTo(operationId));
        Assert.That((state["Rows"], state["Batches"], state["Bytes"]), Is.EqualTo((7L, 2L, 160L)));
        Assert.That(state["ElapsedMilliseconds"], Is.TypeOf<long>());
        AssertNothingSecret();
    }

    [Test]
    public async Task A_caller_that_stops_reading_ends_the_span_without_an_error()
    {
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (_, _) => Stream([ArrowBatch("r1", 3, 100), ArrowBatch("r2", 4, 60), Complete("r3")]));
        await using var client = NewClient();

        await foreach (var _ in client.ExecutePlanAsync(OrdersPlan())) break;

        var span = _recorder.Activities.Single();
        Assert.That(span.GetTagItem("spark.operation.outcome"), Is.EqualTo("stopped_early"));
        Assert.That(span.GetTagItem("error.type"), Is.Null);
        Assert.That(span.GetTagItem("db.response.returned_rows"), Is.EqualTo(3L));
        Assert.That(_recorder.Logs.Entries.Select(e => e.EventId.Name), Does.Contain("ExecutionStopped"));
    }

    [Test]
    public async Task A_cancelled_execution_records_the_cancellation_as_its_error_type()
    {
        using var cancel = new CancellationTokenSource();
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (_, ct) => Endless(ct));
        await using var client = NewClient();

        await Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.ExecutePlanAsync(OrdersPlan(), cancellationToken: cancel.Token)) cancel.Cancel();
        });

        var span = _recorder.Activities.Single();
        Assert.That(span.GetTagItem("error.type"), Does.EndWith("CanceledException"));
        var failed = _recorder.Logs.Entries.Single(e => e.EventId.Name == "ExecutionFailed");
        Assert.That(failed.Level, Is.EqualTo(LogLevel.Information), "a caller's cancellation is no error of the server's");
    }

    [Test]
    public async Task A_unary_call_is_a_span_named_by_its_kind_and_tables()
    {
        _transport.OnUnary(SparkConnectMethods.AnalyzePlan, r => new AnalyzePlanResponse
        {
            SessionId = r.SessionId, ServerSideSessionId = ServerSession,
            Schema = new AnalyzePlanResponse.Types.Schema { Schema_ = new DataType { Struct = new DataType.Types.Struct() } },
        });
        await using var client = NewClient();

        await client.SchemaAsync(OrdersPlan());

        var span = _recorder.Activities.Single();
        Assert.That(span.DisplayName, Is.EqualTo("AnalyzePlan Schema sales.orders"));
        Assert.That(span.GetTagItem("db.operation.name"), Is.EqualTo("AnalyzePlan"));
        Assert.That(span.GetTagItem("spark.operation.id"), Is.Null);
        var duration = _recorder.Of("db.client.operation.duration").Single();
        Assert.That(duration.Tags["db.operation.name"], Is.EqualTo("AnalyzePlan"));
        Assert.That(_recorder.Of("db.client.response.returned_rows"), Is.Empty, "only executions return rows");
        Assert.That(_recorder.Logs.Entries.Single(e => e.EventId.Name == "CallFinished").Level, Is.EqualTo(LogLevel.Debug));
        AssertNothingSecret();
    }

    [Test]
    public async Task Without_a_meter_factory_the_shared_meter_named_Spark_Connect_is_used()
    {
        var host = "shared-meter-" + Guid.NewGuid().ToString("N");
        using var recorder = new TelemetryRecorder([], meter => meter.Name == "Spark.Connect" && meter.Scope is null);
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (_, _) => Stream([ArrowBatch("r1", 2, 10), Complete("r2")]));
        await using var client = SparkConnectClient.Create(new SparkConnectClientOptions
        {
            ConnectionString = $"sc://{host}", TransportFactory = _ => _transport,
        });

        await client.ExecutePlanAsync(OrdersPlan()).ToListAsync();

        var rows = recorder.Of("db.client.response.returned_rows").Where(m => Equals(m.Tags["server.address"], host)).ToList();
        Assert.That(rows.Select(m => m.Value), Is.EqualTo(new[] { 2.0 }));
    }

    private static async IAsyncEnumerable<ExecutePlanResponse> Endless([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var i = 0; ; i++)
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return ArrowBatch("r" + i, 1, 1);
        }
    }
}
