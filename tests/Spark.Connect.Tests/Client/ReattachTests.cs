using NUnit.Framework;
using Spark.Connect.Transport;
using static Spark.Connect.Tests.Client.ClientTestKit;

namespace Spark.Connect.Tests.Client;

public class ReattachTests
{
    private FakeTransport _transport = null!;

    [SetUp]
    public void SetUp()
    {
        _transport = new FakeTransport();
        _transport.OnUnary(SparkConnectMethods.ReleaseExecute, r => new ReleaseExecuteResponse { SessionId = r.SessionId, OperationId = r.OperationId });
        _transport.OnUnary(SparkConnectMethods.Interrupt, r => new InterruptResponse { SessionId = r.SessionId });
    }

    [Test]
    public async Task A_complete_stream_is_yielded_in_order_and_released_once_finished()
    {
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (r, _) => Stream([Batch("r1"), Batch("r2"), Complete("r3")]));
        await using var client = NewClient(_transport);

        var responses = await client.ExecutePlanAsync(RangePlan()).ToListAsync();

        Assert.That(responses.Select(r => r.ResponseId), Is.EqualTo(new[] { "r1", "r2", "r3" }));
        var execute = _transport.Requests<ExecutePlanRequest>("ExecutePlan").Single();
        Assert.That(Guid.TryParse(execute.OperationId, out _), Is.True, "the client chooses the operation id");
        Assert.That(execute.SessionId, Is.EqualTo(client.SessionId));
        Assert.That(execute.RequestOptions.Single().ReattachOptions.Reattachable, Is.True);
        Assert.That(execute.ClientType, Does.StartWith("_SPARK_CONNECT_DOTNET"));
        var releases = _transport.Requests<ReleaseExecuteRequest>("ReleaseExecute").ToList();
        Assert.That(releases.Last().ReleaseCase, Is.EqualTo(ReleaseExecuteRequest.ReleaseOneofCase.ReleaseAll));
        Assert.That(releases.Where(r => r.ReleaseCase == ReleaseExecuteRequest.ReleaseOneofCase.ReleaseUntil).Select(r => r.ReleaseUntil.ResponseId),
            Is.SubsetOf(new[] { "r1", "r2" }));
        Assert.That(releases.All(r => r.OperationId == execute.OperationId));
        Assert.That(_transport.Requests<InterruptRequest>("Interrupt"), Is.Empty, "a finished operation is not interrupted");
    }

    [Test]
    public async Task A_stream_that_ends_early_is_resumed_from_the_last_response()
    {
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (r, _) => Stream([Batch("r1"), Batch("r2")]));
        _transport.OnStream(SparkConnectMethods.ReattachExecute, (r, _) =>
            r.LastResponseId == "r2" ? Stream([Batch("r3"), Complete("r4")]) : Stream([], new GrpcException(GrpcStatusCode.Internal, "wrong position")));
        await using var client = NewClient(_transport);

        var responses = await client.ExecutePlanAsync(RangePlan()).ToListAsync();

        Assert.That(responses.Select(r => r.ResponseId), Is.EqualTo(new[] { "r1", "r2", "r3", "r4" }));
        var reattach = _transport.Requests<ReattachExecuteRequest>("ReattachExecute").Single();
        Assert.That(reattach.OperationId, Is.EqualTo(_transport.Requests<ExecutePlanRequest>("ExecutePlan").Single().OperationId));
        Assert.That(reattach.ClientObservedServerSideSessionId, Is.EqualTo(ServerSession));
    }

    [Test]
    public async Task A_broken_stream_is_reattached_after_a_backoff()
    {
        var waits = new List<TimeSpan>();
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (r, _) => Stream([Batch("r1")], Unavailable()));
        var reattachCalls = 0;
        _transport.OnStream(SparkConnectMethods.ReattachExecute, (r, _) =>
            ++reattachCalls == 1 ? Stream([], Unavailable()) : Stream([Batch("r2"), Complete("r3")]));
        await using var client = NewClient(_transport, waits);

        var responses = await client.ExecutePlanAsync(RangePlan()).ToListAsync();

        Assert.That(responses.Select(r => r.ResponseId), Is.EqualTo(new[] { "r1", "r2", "r3" }));
        Assert.That(_transport.Requests<ReattachExecuteRequest>("ReattachExecute").Select(r => r.LastResponseId), Is.EqualTo(new[] { "r1", "r1" }));
        Assert.That(waits, Is.EqualTo(new[] { TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200) }), "exponential backoff, factor 4");
    }

    [Test]
    public async Task An_operation_the_server_never_saw_is_sent_again()
    {
        var executeCalls = 0;
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (r, _) =>
            ++executeCalls == 1 ? Stream([], Unavailable()) : Stream([Batch("r1"), Complete("r2")]));
        _transport.OnStream(SparkConnectMethods.ReattachExecute, (r, _) =>
            Stream([], new GrpcException(GrpcStatusCode.Internal, "[INVALID_HANDLE.OPERATION_NOT_FOUND] The operation was not found.")));
        await using var client = NewClient(_transport);

        var responses = await client.ExecutePlanAsync(RangePlan()).ToListAsync();

        Assert.That(responses.Select(r => r.ResponseId), Is.EqualTo(new[] { "r1", "r2" }));
        var executes = _transport.Requests<ExecutePlanRequest>("ExecutePlan").ToList();
        Assert.That(executes, Has.Count.EqualTo(2));
        Assert.That(executes[1].OperationId, Is.EqualTo(executes[0].OperationId), "the retry reuses the operation id");
    }

    [Test]
    public async Task Retries_stop_after_the_policy_limit_with_the_last_error()
    {
        var waits = new List<TimeSpan>();
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (r, _) => Stream([Batch("r1")], Unavailable()));
        _transport.OnStream(SparkConnectMethods.ReattachExecute, (r, _) => Stream([], Unavailable("still down")));
        var client = NewClient(_transport, waits, new RetryPolicy { MaxRetries = 2 });

        var error = await Assert.ThrowsAsync<GrpcException>(async () => await client.ExecutePlanAsync(RangePlan()).ToListAsync());

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Unavailable));
        Assert.That(error.Detail, Is.EqualTo("still down"));
        Assert.That(waits, Has.Count.EqualTo(2));
        await client.BackgroundWorkAsync();
        Assert.That(_transport.Requests<InterruptRequest>("Interrupt").Single().OperationId,
            Is.EqualTo(_transport.Requests<ExecutePlanRequest>("ExecutePlan").Single().OperationId), "an unfinished operation is interrupted");
    }

    [Test]
    public async Task A_server_requested_retry_delay_is_honoured()
    {
        var waits = new List<TimeSpan>();
        var retryInfo = new Google.Rpc.RetryInfo { RetryDelay = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromMilliseconds(1234)) };
        var status = new Google.Rpc.Status { Code = 8, Message = "busy", Details = { Google.Protobuf.WellKnownTypes.Any.Pack(retryInfo) } };
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (r, _) => Stream([Batch("r1")], new GrpcException(GrpcStatusCode.ResourceExhausted, "busy", status)));
        _transport.OnStream(SparkConnectMethods.ReattachExecute, (r, _) => Stream([Complete("r2")]));
        await using var client = NewClient(_transport, waits);

        await client.ExecutePlanAsync(RangePlan()).ToListAsync();

        Assert.That(waits, Is.EqualTo(new[] { TimeSpan.FromMilliseconds(1234) }));
    }

    [Test]
    public async Task A_non_retryable_error_is_not_retried()
    {
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (r, _) => Stream([], new GrpcException(GrpcStatusCode.InvalidArgument, "bad plan")));
        var client = NewClient(_transport);

        var error = await Assert.ThrowsAsync<GrpcException>(async () => await client.ExecutePlanAsync(RangePlan()).ToListAsync());

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.InvalidArgument));
        Assert.That(_transport.Requests<ReattachExecuteRequest>("ReattachExecute"), Is.Empty);
    }

    [Test]
    public async Task Cancelling_mid_stream_interrupts_and_releases_the_operation()
    {
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (r, ct) => Endless(ct));
        await using var client = NewClient(_transport);
        using var cts = new CancellationTokenSource();
        var seen = 0;

        await Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.ExecutePlanAsync(RangePlan(), cancellationToken: cts.Token))
                if (++seen == 3) cts.Cancel();
        });

        await client.BackgroundWorkAsync();
        var operationId = _transport.Requests<ExecutePlanRequest>("ExecutePlan").Single().OperationId;
        Assert.That(_transport.Requests<InterruptRequest>("Interrupt").Single().OperationId, Is.EqualTo(operationId));
        Assert.That(_transport.Requests<ReleaseExecuteRequest>("ReleaseExecute").Last().ReleaseCase, Is.EqualTo(ReleaseExecuteRequest.ReleaseOneofCase.ReleaseAll));
        Assert.That(_transport.Requests<ReattachExecuteRequest>("ReattachExecute"), Is.Empty, "a cancelled stream is not resumed");
    }

    [Test]
    public async Task Without_reattach_the_stream_end_is_the_result_end()
    {
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (r, _) => Stream([Batch("r1"), Batch("r2")]));
        await using var client = NewClient(_transport, reattachable: false);

        var responses = await client.ExecutePlanAsync(RangePlan()).ToListAsync();

        Assert.That(responses, Has.Count.EqualTo(2));
        Assert.That(_transport.Requests<ExecutePlanRequest>("ExecutePlan").Single().RequestOptions, Is.Empty);
        Assert.That(_transport.Requests<ReleaseExecuteRequest>("ReleaseExecute"), Is.Empty, "non-reattachable executions are never released");
    }

    [Test]
    public async Task A_changed_server_side_session_fails_the_stream()
    {
        var foreign = Batch("r2");
        foreign.ServerSideSessionId = "another-server-session";
        _transport.OnStream(SparkConnectMethods.ExecutePlan, (r, _) => Stream([Batch("r1"), foreign, Complete("r3")]));
        var client = NewClient(_transport);

        var error = await Assert.ThrowsAsync<SparkException>(async () => await client.ExecutePlanAsync(RangePlan()).ToListAsync());

        Assert.That(error!.Message, Does.Contain("server-side session changed"));
    }

    [TestCase("")]
    [TestCase("a,b")]
    public void Invalid_tags_are_rejected_before_any_call(string tag)
    {
        var client = NewClient(_transport);
        Assert.Throws<ArgumentException>(() => client.ExecutePlanAsync(RangePlan(), new ExecutePlanOptions { Tags = [tag] }));
        Assert.That(_transport.Calls, Is.Empty);
    }

    private static async IAsyncEnumerable<ExecutePlanResponse> Endless([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var i = 0; ; i++)
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            yield return Batch("r" + i);
        }
    }
}
