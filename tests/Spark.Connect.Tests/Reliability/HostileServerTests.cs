using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;
using Spark.Connect.TestServer;
using Spark.Connect.Tests.Transport;
using Spark.Connect.Transport;
using static Spark.Connect.Tests.Client.ClientTestKit;

namespace Spark.Connect.Tests.Reliability;

/// <summary>Broken or hostile servers on loopback: every loop the client runs is bounded and ends in a typed exception naming its option.</summary>
public class HostileServerTests
{
    private ScriptedSparkConnectServer _server = null!;

    [SetUp]
    public async Task StartServer()
    {
        _server = await ScriptedSparkConnectServer.StartAsync();
        _server.ReleaseExecute.Always((r, _) => new ReleaseExecuteResponse { SessionId = r.SessionId, OperationId = r.OperationId });
        _server.Interrupt.Always((r, _) => new InterruptResponse { SessionId = r.SessionId });
    }

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    private static SparkConnectClient Connect(string connectionString, Action<SparkConnectClientOptions>? configure = null)
    {
        var options = new SparkConnectClientOptions
        {
            ConnectionString = connectionString,
            RetryPolicy = new RetryPolicy { MaxRetries = 2, InitialBackoff = TimeSpan.FromMilliseconds(10) },
        };
        configure?.Invoke(options);
        return SparkConnectClient.Create(options);
    }

    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    [Test]
    public async Task Streams_that_end_cleanly_with_nothing_are_reattached_a_bounded_number_of_times_with_backoff()
    {
        _server.ExecutePlan.Always((_, _) => Array.Empty<ExecutePlanResponse>());
        _server.ReattachExecute.Always((_, _) => Array.Empty<ExecutePlanResponse>());
        await using var client = Connect(_server.ConnectionString, o => o.MaxReattachesWithoutProgress = 4);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SparkConnectLimitException>(async () => await client.ExecutePlanAsync(RangePlan(), cancellationToken: Guard).ToListAsync());

        Assert.That(error!.Setting, Is.EqualTo("SparkConnectClientOptions.MaxReattachesWithoutProgress"));
        Assert.That(error.Message, Does.Contain("MaxReattachesWithoutProgress").And.Contain("result_complete"));
        Assert.That(_server.CallsTo("ExecutePlan"), Has.Count.EqualTo(1));
        Assert.That(_server.CallsTo("ReattachExecute"), Has.Count.EqualTo(4));
        // Backoff 10, 40, 160, 640 ms between the quick, empty streams: bounded in calls, not a hot loop, and quick to end.
        Assert.That(clock.Elapsed, Is.GreaterThan(TimeSpan.FromMilliseconds(800)).And.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task Streams_that_each_bring_a_new_response_are_progress_and_never_hit_the_limit()
    {
        _server.ExecutePlan.Always((_, _) => [Batch("r0")]);
        _server.ReattachExecute.Always((request, call) => call.CallNumber < 6
            ? [Batch("r" + call.CallNumber)]
            : [Complete("done")]);
        await using var client = Connect(_server.ConnectionString, o => o.MaxReattachesWithoutProgress = 1);

        var responses = await client.ExecutePlanAsync(RangePlan(), cancellationToken: Guard).ToListAsync();

        Assert.That(responses.Select(r => r.ResponseId), Is.EqualTo(new[] { "r0", "r1", "r2", "r3", "r4", "r5", "done" }));
        Assert.That(_server.RequestsOf<ReattachExecuteRequest>().Select(r => r.LastResponseId), Is.EqualTo(new[] { "r0", "r1", "r2", "r3", "r4", "r5" }));
    }

    [Test]
    public async Task Retries_stop_at_the_total_retry_time_with_the_last_failure_inside()
    {
        _server.Config.Always(ConfigResponse (_, _) => throw ScriptedErrors.Unavailable("still down"));
        await using var client = Connect(_server.ConnectionString, o => o.RetryPolicy = new RetryPolicy
        {
            MaxRetries = 1000, InitialBackoff = TimeSpan.FromMilliseconds(100), BackoffMultiplier = 1,
            MaxBackoff = TimeSpan.FromMilliseconds(100), MaxRetryDuration = TimeSpan.FromMilliseconds(450),
        });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SparkConnectLimitException>(() =>
            client.ConfigAsync(new ConfigRequest.Types.Operation { GetAll = new() }, Guard));

        Assert.That(error!.Setting, Is.EqualTo("RetryPolicy.MaxRetryDuration"));
        Assert.That(error.StatusCode, Is.EqualTo(GrpcStatusCode.Unavailable));
        Assert.That(error.InnerException, Is.InstanceOf<GrpcException>().With.Property(nameof(GrpcException.Detail)).EqualTo("still down"));
        Assert.That(_server.CallsTo("Config").Count, Is.InRange(3, 6), "about 450 ms of 100 ms waits");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    private static DataType NestedStruct(int depth)
    {
        var type = new DataType { Integer = new DataType.Types.Integer() };
        for (var i = 0; i < depth; i++)
            type = new DataType { Struct = new DataType.Types.Struct { Fields = { new DataType.Types.StructField { Name = "f" + i, DataType = type, Nullable = true } } } };
        return type;
    }

    [Test]
    public async Task A_response_nested_deeper_than_the_limit_fails_naming_the_option_and_a_higher_limit_reads_it()
    {
        var deep = NestedStruct(40); // three message levels per struct: 120 levels, past protobuf's default 100
        _server.AnalyzePlan.Always((_, _) => new AnalyzePlanResponse { Schema = new() { Schema_ = deep } });
        var request = new AnalyzePlanRequest { Schema = new() { Plan = RangePlan() } };
        await using var strict = Connect(_server.ConnectionString);
        await using var lenient = Connect(_server.ConnectionString, o => o.ConfigureTransport = t => t with { MaxResponseNestingDepth = 200 });

        var error = await Assert.ThrowsAsync<SparkConnectLimitException>(() => strict.AnalyzePlanAsync(request, Guard));
        var response = await lenient.AnalyzePlanAsync(request, Guard);

        Assert.That(error!.Setting, Is.EqualTo("GrpcTransportOptions.MaxResponseNestingDepth"));
        Assert.That(error.StatusCode, Is.EqualTo(GrpcStatusCode.ResourceExhausted));
        Assert.That(error.Detail, Does.Contain("100 levels"));
        Assert.That(_server.CallsTo("AnalyzePlan"), Has.Count.EqualTo(2), "a limit is not retried");
        Assert.That(response.Schema.Schema_, Is.EqualTo(deep));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Response_headers_or_trailers_past_the_limit_fail_naming_the_option(bool inTrailers)
    {
        var big = new string('h', 100 * 1024);
        await using var raw = await RawHttp2Server.StartAsync(context =>
        {
            context.Response.ContentType = "application/grpc";
            if (inTrailers)
                context.Response.AppendTrailer("x-big", big);
            else
                context.Response.Headers["x-big"] = big;
            context.Response.AppendTrailer("grpc-status", "0");
            return Task.CompletedTask;
        });
        await using var transport = new GrpcNetClientTransport(new GrpcTransportOptions { Address = raw.Address });
        await using var lenient = new GrpcNetClientTransport(new GrpcTransportOptions { Address = raw.Address, MaxResponseHeadersLength = 256 });

        var error = await Assert.ThrowsAsync<SparkConnectLimitException>(() =>
            transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), GrpcCallOptions.Default, Guard));
        var allowed = await Assert.ThrowsAsync<GrpcException>(() =>
            lenient.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), GrpcCallOptions.Default, Guard));

        Assert.That(error!.Setting, Is.EqualTo("GrpcTransportOptions.MaxResponseHeadersLength"));
        Assert.That(error.StatusCode, Is.EqualTo(GrpcStatusCode.ResourceExhausted));
        Assert.That(allowed, Is.Not.InstanceOf<SparkConnectLimitException>(), "within a raised limit the call gets as far as its (empty) message");
    }

    [Test]
    public async Task A_huge_length_prefix_followed_by_a_stall_ends_at_the_idle_limit()
    {
        await using var raw = await RawHttp2Server.StartAsync(async context =>
        {
            context.Response.ContentType = "application/grpc";
            if (context.Request.Path.Value is not ("/spark.connect.SparkConnectService/ExecutePlan" or "/spark.connect.SparkConnectService/ReattachExecute"))
            {
                context.Response.Headers["grpc-status"] = "12"; // interrupt and release: answered at once
                return;
            }
            var prefix = new byte[5 + 1024];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(prefix.AsSpan(1), 120u * 1024 * 1024);
            await context.Response.Body.WriteAsync(prefix);
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
        });
        await using var client = Connect($"sc://127.0.0.1:{raw.Address.Port}", o =>
        {
            o.ResponseIdleTimeout = TimeSpan.FromMilliseconds(300);
            o.RetryPolicy = new RetryPolicy { MaxRetries = 1, InitialBackoff = TimeSpan.FromMilliseconds(10) };
        });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SparkConnectLimitException>(async () => await client.ExecutePlanAsync(RangePlan(), cancellationToken: Guard).ToListAsync());

        Assert.That(error!.Setting, Is.EqualTo("SparkConnectClientOptions.ResponseIdleTimeout"));
        Assert.That(error.Detail, Does.Contain("ReattachExecute"), "the stall was retried once by reattaching, then given up");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Limits_that_could_not_work_are_refused_when_the_client_or_transport_is_created()
    {
        SparkConnectClient Create(Action<SparkConnectClientOptions> configure)
        {
            var options = new SparkConnectClientOptions { ConnectionString = "sc://localhost" };
            configure(options);
            return SparkConnectClient.Create(options);
        }

        var reattaches = Assert.Throws<ArgumentOutOfRangeException>(() => Create(o => o.MaxReattachesWithoutProgress = -1));
        var idle = Assert.Throws<ArgumentOutOfRangeException>(() => Create(o => o.ResponseIdleTimeout = TimeSpan.Zero));
        var retryTime = Assert.Throws<ArgumentOutOfRangeException>(() => Create(o => o.RetryPolicy = new RetryPolicy { MaxRetryDuration = TimeSpan.Zero }));
        var headers = Assert.Throws<ArgumentOutOfRangeException>(() => new GrpcNetClientTransport(new GrpcTransportOptions { Address = new Uri("http://localhost:1"), MaxResponseHeadersLength = 0 }));
        var depth = Assert.Throws<ArgumentOutOfRangeException>(() => new GrpcNetClientTransport(new GrpcTransportOptions { Address = new Uri("http://localhost:1"), MaxResponseNestingDepth = 0 }));

        Assert.That(reattaches!.ParamName, Is.EqualTo("MaxReattachesWithoutProgress"));
        Assert.That(idle!.ParamName, Is.EqualTo("ResponseIdleTimeout"));
        Assert.That(retryTime!.ParamName, Is.EqualTo("MaxRetryDuration"));
        Assert.That(headers!.Message, Does.Contain("MaxResponseHeadersLength"));
        Assert.That(depth!.Message, Does.Contain("MaxResponseNestingDepth"));
    }
}
