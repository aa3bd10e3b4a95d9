using Google.Protobuf;
using Grpc.Core;
using Spark.Connect.Transport;

namespace Spark.Connect.TestServer;

/// <summary>
/// Routes every RPC to its script on the owning <see cref="ScriptedSparkConnectServer"/> and records it. Scripts
/// fail with our client's <see cref="GrpcException"/>; it leaves as the <see cref="RpcException"/> Grpc.AspNetCore sends.
/// </summary>
internal sealed class ScriptedService(ScriptedSparkConnectServer server) : SparkConnectService.SparkConnectServiceBase
{
    public override Task ExecutePlan(ExecutePlanRequest request, IServerStreamWriter<ExecutePlanResponse> responseStream, ServerCallContext context) =>
        StreamAsync(server.ExecutePlan, request, responseStream, context);

    public override Task ReattachExecute(ReattachExecuteRequest request, IServerStreamWriter<ExecutePlanResponse> responseStream, ServerCallContext context) =>
        StreamAsync(server.ReattachExecute, request, responseStream, context);

    public override Task<AnalyzePlanResponse> AnalyzePlan(AnalyzePlanRequest request, ServerCallContext context) =>
        UnaryAsync(server.AnalyzePlan, request, context);

    public override Task<ConfigResponse> Config(ConfigRequest request, ServerCallContext context) =>
        UnaryAsync(server.Config, request, context);

    public override Task<ArtifactStatusesResponse> ArtifactStatus(ArtifactStatusesRequest request, ServerCallContext context) =>
        UnaryAsync(server.ArtifactStatus, request, context);

    public override Task<InterruptResponse> Interrupt(InterruptRequest request, ServerCallContext context) =>
        UnaryAsync(server.Interrupt, request, context);

    public override Task<ReleaseExecuteResponse> ReleaseExecute(ReleaseExecuteRequest request, ServerCallContext context) =>
        UnaryAsync(server.ReleaseExecute, request, context);

    public override Task<ReleaseSessionResponse> ReleaseSession(ReleaseSessionRequest request, ServerCallContext context) =>
        UnaryAsync(server.ReleaseSession, request, context);

    public override Task<FetchErrorDetailsResponse> FetchErrorDetails(FetchErrorDetailsRequest request, ServerCallContext context) =>
        UnaryAsync(server.FetchErrorDetails, request, context);

    public override Task<CloneSessionResponse> CloneSession(CloneSessionRequest request, ServerCallContext context) =>
        UnaryAsync(server.CloneSession, request, context);

    public override Task<GetStatusResponse> GetStatus(GetStatusRequest request, ServerCallContext context) =>
        UnaryAsync(server.GetStatus, request, context);

    private async Task<TResponse> UnaryAsync<TRequest, TResponse>(ScriptedUnaryRpc<TRequest, TResponse> rpc, TRequest request, ServerCallContext context)
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
        catch (GrpcException error)
        {
            throw ScriptedStatus.ToRpcException(error);
        }
        finally
        {
            record.MarkFinished();
        }
    }

    private async Task StreamAsync<TRequest, TResponse>(ScriptedStreamingRpc<TRequest, TResponse> rpc, TRequest request,
        IServerStreamWriter<TResponse> responses, ServerCallContext context)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var (number, behaviour) = rpc.Next();
        RecordedCall record = server.Record(rpc.Name, number, request, context);
        using var registration = context.CancellationToken.Register(record.MarkCancelled);
        try
        {
            // Each message is written and flushed before the script produces the next one.
            await foreach (TResponse response in behaviour(request, new ScriptedCall(number, context, record))
                .WithCancellation(context.CancellationToken).ConfigureAwait(false))
            {
                await responses.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (GrpcException error)
        {
            throw ScriptedStatus.ToRpcException(error);
        }
        finally
        {
            record.MarkFinished();
        }
    }
}
