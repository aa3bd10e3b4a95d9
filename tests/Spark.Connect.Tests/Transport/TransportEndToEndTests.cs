using NUnit.Framework;
using Google.Protobuf;
using Google.Rpc;
using Spark.Connect.TestServer;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>Our client against our server (Spark.Connect.Server hosting the scripted service) over real HTTP/2.</summary>
public class TransportEndToEndTests : ScriptedServerTestBase
{
    internal static ExecutePlanResponse Batch(int index) =>
        new() { SessionId = "s", OperationId = "op", ResponseId = $"r{index}", ArrowBatch = new() { RowCount = index, Data = ByteString.CopyFrom((byte)index) } };

    [Test]
    public async Task A_unary_call_returns_the_scripted_response_and_the_server_sees_the_request()
    {
        Server.Config.Always((request, _) => new ConfigResponse { SessionId = request.SessionId, Pairs = { new KeyValue { Key = "k", Value = "v" } } });
        var request = new ConfigRequest { SessionId = "session-1", Operation = new() { Get = new() { Keys = { "k" } } } };

        ConfigResponse response = await Transport.UnaryCallAsync(SparkConnectMethods.Config, request, GrpcCallOptions.Default, Guard);

        Assert.That(response.SessionId, Is.EqualTo("session-1"));
        Assert.That(response.Pairs.Single().Value, Is.EqualTo("v"));
        RecordedCall call = Server.Calls.Single();
        Assert.That(call.Rpc, Is.EqualTo("Config"));
        Assert.That(call.RequestAs<ConfigRequest>(), Is.EqualTo(request));
        Assert.That(call.GetHeader("content-type"), Is.EqualTo("application/grpc"));
        Assert.That(call.GetHeader("te"), Is.EqualTo("trailers"));
        Assert.That(call.GetHeader("user-agent"), Does.StartWith("spark-connect-dotnet/"));
    }

    [Test]
    public async Task A_server_stream_yields_every_message_in_order()
    {
        Server.ExecutePlan.Once(Enumerable.Range(1, 25).Select(Batch).ToArray());

        var received = new List<ExecutePlanResponse>();
        await foreach (var response in Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest { SessionId = "s" }, GrpcCallOptions.Default, Guard))
        {
            received.Add(response);
        }

        Assert.That(received.Select(r => r.ResponseId), Is.EqualTo(Enumerable.Range(1, 25).Select(i => $"r{i}")));
        Assert.That(received[24], Is.EqualTo(Batch(25)));
    }

    [Test]
    public async Task Messages_are_yielded_as_they_arrive_not_when_the_stream_ends()
    {
        var release = new TaskCompletionSource();
        Server.ExecutePlan.Once((_, _) => FirstThenWait(release.Task));

        await using var enumerator = Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest(), GrpcCallOptions.Default, Guard)
            .GetAsyncEnumerator();

        Assert.That(await enumerator.MoveNextAsync(), Is.True, "the first message must arrive while the server is still running");
        Assert.That(enumerator.Current.ResponseId, Is.EqualTo("r1"));
        release.SetResult();
        Assert.That(await enumerator.MoveNextAsync(), Is.True);
        Assert.That(enumerator.Current.ResponseId, Is.EqualTo("r2"));
        Assert.That(await enumerator.MoveNextAsync(), Is.False);

        static async IAsyncEnumerable<ExecutePlanResponse> FirstThenWait(Task release,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token = default)
        {
            yield return Batch(1);
            await release.WaitAsync(token);
            yield return Batch(2);
        }
    }

    [Test]
    public async Task An_empty_stream_completes_without_messages()
    {
        Server.ExecutePlan.Once();

        var received = await Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest(), GrpcCallOptions.Default, Guard).ToListAsync();

        Assert.That(received, Is.Empty);
    }

    [Test]
    public async Task An_unscripted_rpc_is_Unimplemented()
    {
        var error = await Assert.ThrowsAsync<GrpcException>(() =>
            Transport.UnaryCallAsync(SparkConnectMethods.AnalyzePlan, new AnalyzePlanRequest(), GrpcCallOptions.Default, Guard));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Unimplemented));
        Assert.That(error.Detail, Does.Contain("AnalyzePlan"));
    }

    [Test]
    public async Task An_unknown_method_of_the_service_is_Unimplemented()
    {
        var method = new GrpcMethod<ConfigRequest, ConfigResponse>(SparkConnectMethods.ServiceName, "NoSuchRpc", ConfigRequest.Parser, ConfigResponse.Parser);

        var error = await Assert.ThrowsAsync<GrpcException>(() => Transport.UnaryCallAsync(method, new ConfigRequest(), GrpcCallOptions.Default, Guard));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Unimplemented));
        Assert.That(error.Detail, Does.Contain("NoSuchRpc"));
    }

    [Test]
    public async Task A_spark_error_arrives_with_its_status_message_and_rich_details()
    {
        var parameters = new Dictionary<string, string> { ["relationName"] = "`nope`" };
        Server.AnalyzePlan.FailOnce(ScriptedErrors.SparkError("[TABLE_OR_VIEW_NOT_FOUND] The table `nope` cannot be found. 100% sure.",
            errorClass: "TABLE_OR_VIEW_NOT_FOUND", sqlState: "42P01", messageParameters: parameters, errorId: "e-1"));

        var error = await Assert.ThrowsAsync<GrpcException>(() =>
            Transport.UnaryCallAsync(SparkConnectMethods.AnalyzePlan, new AnalyzePlanRequest(), GrpcCallOptions.Default, Guard));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Internal));
        Assert.That(error.Detail, Is.EqualTo("[TABLE_OR_VIEW_NOT_FOUND] The table `nope` cannot be found. 100% sure."));
        Assert.That(error.RichStatus, Is.Not.Null);
        ErrorInfo info = error.RichStatus!.Details.Single(d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>();
        Assert.That(info.Domain, Is.EqualTo("org.apache.spark"));
        Assert.That(info.Metadata["errorClass"], Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(info.Metadata["sqlState"], Is.EqualTo("42P01"));
        Assert.That(info.Metadata["errorId"], Is.EqualTo("e-1"));
        Assert.That(info.Metadata["messageParameters"], Is.EqualTo("{\"relationName\":\"`nope`\"}"));
    }

    [Test]
    public async Task Retry_info_travels_in_the_rich_status()
    {
        Server.Config.FailOnce(ScriptedErrors.Unavailable("busy", retryDelay: TimeSpan.FromMilliseconds(1500)));

        var error = await Assert.ThrowsAsync<GrpcException>(() => Transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), GrpcCallOptions.Default, Guard));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Unavailable));
        RetryInfo retry = error.RichStatus!.Details.Single(d => d.Is(RetryInfo.Descriptor)).Unpack<RetryInfo>();
        Assert.That(retry.RetryDelay.ToTimeSpan(), Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
    }

    [Test]
    public async Task An_error_before_any_message_is_a_trailers_only_response()
    {
        Server.ExecutePlan.FailOnce(new GrpcException(GrpcStatusCode.PermissionDenied, "no"));

        var error = await Assert.ThrowsAsync<GrpcException>(async () =>
            await Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest(), GrpcCallOptions.Default, Guard).ToListAsync());

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.PermissionDenied));
        // In a trailers-only response the status is in the only HEADERS frame, beside content-type; only custom entries are trailers.
        Assert.That(error.Trailers, Has.None.Matches<KeyValuePair<string, string>>(t => t.Key == "content-type"));
    }

    [Test]
    public async Task An_error_after_headers_without_messages_comes_in_the_trailers()
    {
        Server.ExecutePlan.Once((_, call) => HeadersThenFail(call));

        var error = await Assert.ThrowsAsync<GrpcException>(async () =>
            await Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest(), GrpcCallOptions.Default, Guard).ToListAsync());

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.FailedPrecondition));
        Assert.That(error.Trailers, Has.None.Matches<KeyValuePair<string, string>>(t => t.Key == "content-type"));

        static async IAsyncEnumerable<ExecutePlanResponse> HeadersThenFail(ScriptedCall call)
        {
            await call.Context.WriteResponseHeadersAsync();
            if (call.CallNumber > 0)
            {
                throw new GrpcException(GrpcStatusCode.FailedPrecondition, "failed after the headers were sent");
            }

            yield break;
        }
    }

    [Test]
    public async Task An_error_after_messages_is_raised_after_yielding_them()
    {
        Server.ExecutePlan.FailOnce(ScriptedErrors.SparkError("query failed", errorClass: "DIVIDE_BY_ZERO"), Batch(1), Batch(2));

        var received = new List<ExecutePlanResponse>();
        var error = await Assert.ThrowsAsync<GrpcException>(async () =>
        {
            await foreach (var response in Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest(), GrpcCallOptions.Default, Guard))
            {
                received.Add(response);
            }
        });

        Assert.That(received.Select(r => r.ResponseId), Is.EqualTo(new[] { "r1", "r2" }));
        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Internal));
        Assert.That(error.RichStatus!.Details.Single().Unpack<ErrorInfo>().Metadata["errorClass"], Is.EqualTo("DIVIDE_BY_ZERO"));
    }

    [Test]
    public async Task Metadata_reaches_the_server_and_custom_trailers_reach_the_client()
    {
        Server.Config.Once((_, call) =>
        {
            call.Context.ResponseTrailers.Add(new("x-server-note", "seen"));
            throw new GrpcException(GrpcStatusCode.Aborted, "stop", trailers: [new("x-from-exception", "yes")]);
        });
        var options = new GrpcCallOptions
        {
            Headers = [new("authorization", "Bearer secret-token-123"), new("x-trace-id", "abc"), new("x-blob-bin", Convert.ToBase64String([1, 2, 255]))],
        };

        var error = await Assert.ThrowsAsync<GrpcException>(() => Transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), options, Guard));

        RecordedCall call = await Server.WaitForCallAsync("Config");
        Assert.That(call.GetHeader("authorization"), Is.EqualTo("Bearer secret-token-123"));
        Assert.That(call.GetHeader("x-trace-id"), Is.EqualTo("abc"));
        Assert.That(Convert.FromBase64String(call.GetHeader("x-blob-bin")!), Is.EqualTo(new byte[] { 1, 2, 255 }));
        Assert.That(error!.Trailers, Does.Contain(new KeyValuePair<string, string>("x-server-note", "seen")));
        Assert.That(error.Trailers, Does.Contain(new KeyValuePair<string, string>("x-from-exception", "yes")));
        Assert.That(error.ToString(), Does.Not.Contain("secret-token-123"));
    }

    [Test]
    public async Task Invalid_metadata_is_rejected_without_echoing_its_value()
    {
        var options = new GrpcCallOptions { Headers = [new("authorization", "Bearer secret\nvalue")] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), options, Guard));

        Assert.That(error!.Message, Does.Contain("authorization"));
        Assert.That(error.Message, Does.Not.Contain("secret"));
    }

    [TestCase("Upper-Case")]
    [TestCase("grpc-status")]
    [TestCase("content-type")]
    public async Task Reserved_or_malformed_metadata_keys_are_rejected(string key)
    {
        var options = new GrpcCallOptions { Headers = [new(key, "v")] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), options, Guard));

        Assert.That(error!.Message, Does.Contain(key));
    }
}
