using Spark.Connect.Transport;

namespace Spark.Connect.Local.Tests.Server.Operations;

/// <summary>
/// One session driven through the raw transport, so a test decides when a stream is dropped, whether
/// ReleaseExecute is ever sent, and where a reattach resumes.
/// </summary>
internal sealed class RawSession(GrpcNetClientTransport transport)
{
    private readonly UserContext _user = new() { UserId = "tester" };

    internal string SessionId { get; } = Guid.NewGuid().ToString();

    internal GrpcNetClientTransport Transport => transport;

    internal ExecutePlanRequest Execute(string operationId, string sql, bool reattachable = true)
    {
        var request = new ExecutePlanRequest { SessionId = SessionId, UserContext = _user, OperationId = operationId, Plan = LocalServerTestBase.Sql(sql) };
        if (reattachable)
            request.RequestOptions.Add(new ExecutePlanRequest.Types.RequestOption { ReattachOptions = new ReattachOptions { Reattachable = true } });
        return request;
    }

    internal IAsyncEnumerable<ExecutePlanResponse> Run(ExecutePlanRequest request, CancellationToken cancellationToken = default) =>
        transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, request, GrpcCallOptions.Default, cancellationToken);

    internal IAsyncEnumerable<ExecutePlanResponse> Reattach(string operationId, string? lastResponseId)
    {
        var request = new ReattachExecuteRequest { SessionId = SessionId, UserContext = _user, OperationId = operationId };
        if (lastResponseId is not null)
            request.LastResponseId = lastResponseId;
        return transport.ServerStreamingCallAsync(SparkConnectMethods.ReattachExecute, request, GrpcCallOptions.Default, default);
    }

    /// <summary>Reads <paramref name="count"/> responses, then drops the stream (the client goes away without releasing).</summary>
    internal static async Task<List<ExecutePlanResponse>> TakeAsync(IAsyncEnumerable<ExecutePlanResponse> responses, int count)
    {
        var taken = new List<ExecutePlanResponse>();
        await using var enumerator = responses.GetAsyncEnumerator();
        while (taken.Count < count && await enumerator.MoveNextAsync())
            taken.Add(enumerator.Current);
        return taken;
    }

    /// <summary>The Spark error class a failed call carried.</summary>
    internal static async Task<string?> ErrorClassOfAsync(Func<Task> call)
    {
        var error = await AssertThrowsGrpcAsync(call);
        return ReattachTests.ErrorClassOf(error);
    }

    private static async Task<GrpcException> AssertThrowsGrpcAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (GrpcException error)
        {
            return error;
        }
        Assert.Fail("The call succeeded; an error was expected.");
        throw new InvalidOperationException();
    }
}
