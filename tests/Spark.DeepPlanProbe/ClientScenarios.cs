using Google.Protobuf;
using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Connect.Transport;

namespace Spark.DeepPlanProbe;

/// <summary>A relation built as protobuf, as deep as asked, handed to the client's send path.</summary>
internal static class ClientScenarios
{
    public static void SendDeepRelation(int n, Action<string> report)
    {
        var options = new SparkConnectClientOptions { ConnectionString = "sc://localhost", TransportFactory = _ => new SerializingTransport() };
        var client = SparkConnectClient.Create(options);
        var plan = new Plan { Root = DeepRelations.Filters(n) };
        Scenarios.Report(report, $"execute {n} filters", () =>
        {
            var responses = client.ExecutePlanAsync(plan).GetAsyncEnumerator();
            responses.MoveNextAsync().AsTask().GetAwaiter().GetResult();
            return "answered";
        });
        Scenarios.Report(report, $"analyze {n} filters", () => client.SchemaAsync(plan).GetAwaiter().GetResult().ToString());
    }

    /// <summary>
    /// Serializes every request, as a real transport does first (the step that recurses once per level), then
    /// fails the call: reaching it means the client let the plan through.
    /// </summary>
    private sealed class SerializingTransport : IGrpcTransport
    {
        public Task<TResponse> UnaryCallAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options,
            CancellationToken cancellationToken)
            where TRequest : IMessage<TRequest> where TResponse : IMessage<TResponse> => throw Sent(request);

        public IAsyncEnumerable<TResponse> ServerStreamingCallAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request,
            GrpcCallOptions options, CancellationToken cancellationToken)
            where TRequest : IMessage<TRequest> where TResponse : IMessage<TResponse> => throw Sent(request);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private static GrpcException Sent(IMessage request) =>
            new(GrpcStatusCode.InvalidArgument, $"sent {request.ToByteArray().Length:N0} bytes");
    }
}
