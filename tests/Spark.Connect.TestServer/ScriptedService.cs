using System.Runtime.CompilerServices;
using Google.Protobuf;
using Spark.Connect.Server;

namespace Spark.Connect.TestServer;

/// <summary>Routes every RPC to its script on the owning <see cref="ScriptedSparkConnectServer"/> and records it.</summary>
internal sealed class ScriptedService(ScriptedSparkConnectServer server) : SparkConnectServiceBase
{
    public override IAsyncEnumerable<ExecutePlanResponse> ExecutePlanAsync(ExecutePlanRequest request, SparkConnectCallContext context) =>
        StreamAsync(server.ExecutePlan, request, context);

    public override IAsyncEnumerable<ExecutePlanResponse> ReattachExecuteAsync(ReattachExecuteRequest request, SparkConnectCallContext context) =>
        StreamAsync(server.ReattachExecute, request, context);

    public override Task<AnalyzePlanResponse> AnalyzePlanAsync(AnalyzePlanRequest request, SparkConnectCallContext context) =>
        UnaryAsync(server.AnalyzePlan, request, context);

    public override Task<ConfigResponse> ConfigAsync(ConfigRequest request, SparkConnectCallContext context) =>
        UnaryAsync(server.Config, request, context);

    public override Task<ArtifactStatusesResponse> ArtifactStatusAsync(ArtifactStatusesRequest request, SparkConnectCallContext context) =>
        UnaryAsync(server.ArtifactStatus, request, context);

    public override Task<InterruptResponse> InterruptAsync(InterruptRequest request, SparkConnectCallContext context) =>
        UnaryAsync(server.Interrupt, request, context);

    public override Task<ReleaseExecuteResponse> ReleaseExecuteAsync(ReleaseExecuteRequest request, SparkConnectCallContext context) =>
        UnaryAsync(server.ReleaseExecute, request, context);

    public override Task<ReleaseSessionResponse> ReleaseSessionAsync(ReleaseSessionRequest request, SparkConnectCallContext context) =>
        UnaryAsync(server.ReleaseSession, request, context);

    public override Task<FetchErrorDetailsResponse> FetchErrorDetailsAsync(FetchErrorDetailsRequest request, SparkConnectCallContext context) =>
        UnaryAsync(server.FetchErrorDetails, request, context);

    public override Task<CloneSessionResponse> CloneSessionAsync(CloneSessionRequest request, SparkConnectCallContext context) =>
        UnaryAsync(server.CloneSession, request, context);

    public override Task<GetStatusResponse> GetStatusAsync(GetStatusRequest request, SparkConnectCallContext context) =>
        UnaryAsync(server.GetStatus, request, context);

    private async Task<TResponse> UnaryAsync<TRequest, TResponse>(ScriptedUnaryRpc<TRequest, TResponse> rpc, TRequest request, SparkConnectCallContext context)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var (number, behaviour) = rpc.Next();
        RecordedCall record = server.Record(rpc.Name, number, request, context);
        using var registration = context.CancellationToken.Register(record.MarkCancelled);
        try
        {
            return await behaviour(request, new ScriptedCall(number, context, record)).ConfigureAwait(false);
        }
        finally
        {
            record.MarkFinished();
        }
    }

    private async IAsyncEnumerable<TResponse> StreamAsync<TRequest, TResponse>(ScriptedStreamingRpc<TRequest, TResponse> rpc, TRequest request,
        SparkConnectCallContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var (number, behaviour) = rpc.Next();
        RecordedCall record = server.Record(rpc.Name, number, request, context);
        using var registration = context.CancellationToken.Register(record.MarkCancelled);
        try
        {
            await foreach (TResponse response in behaviour(request, new ScriptedCall(number, context, record))
                .WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return response;
            }
        }
        finally
        {
            record.MarkFinished();
        }
    }
}
