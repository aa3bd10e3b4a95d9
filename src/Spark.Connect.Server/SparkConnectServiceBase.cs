using Spark.Connect.Transport;

namespace Spark.Connect.Server;

/// <summary>
/// The server side of <c>spark.connect.SparkConnectService</c>. Override the RPCs you serve; the
/// others answer <see cref="GrpcStatusCode.Unimplemented"/>. Throw <see cref="GrpcException"/> to
/// choose the status and rich details (<see cref="GrpcException.RichStatus"/> is sent as
/// <c>grpc-status-details-bin</c>, <see cref="GrpcException.Trailers"/> as trailing metadata); any other
/// exception is reported as <see cref="GrpcStatusCode.Unknown"/> without its message.
/// </summary>
/// <remarks>
/// <para>Streaming handlers return an <see cref="IAsyncEnumerable{T}"/>: each yielded message is written and
/// flushed immediately. An exception before the first message becomes a trailers-only response; after
/// it, the status goes in the trailers.</para>
/// <para>Handlers should honour <see cref="SparkConnectCallContext.CancellationToken"/>: it fires when the
/// client cancels or disconnects (nothing more is sent) and when the client's deadline passes (the
/// call then ends with <see cref="GrpcStatusCode.DeadlineExceeded"/> once the handler stops). A handler
/// that ignores it keeps running until it finishes on its own.</para>
/// </remarks>
public abstract class SparkConnectServiceBase
{
    /// <summary>Runs a plan and streams its results.</summary>
    public virtual IAsyncEnumerable<ExecutePlanResponse> ExecutePlanAsync(ExecutePlanRequest request, SparkConnectCallContext context) =>
        throw Unimplemented(context);

    /// <summary>Resumes the response stream of a reattachable execution.</summary>
    public virtual IAsyncEnumerable<ExecutePlanResponse> ReattachExecuteAsync(ReattachExecuteRequest request, SparkConnectCallContext context) =>
        throw Unimplemented(context);

    /// <summary>Analyzes a plan.</summary>
    public virtual Task<AnalyzePlanResponse> AnalyzePlanAsync(AnalyzePlanRequest request, SparkConnectCallContext context) =>
        throw Unimplemented(context);

    /// <summary>Reads or changes session configuration.</summary>
    public virtual Task<ConfigResponse> ConfigAsync(ConfigRequest request, SparkConnectCallContext context) =>
        throw Unimplemented(context);

    /// <summary>Receives uploaded artifacts (client streaming).</summary>
    public virtual Task<AddArtifactsResponse> AddArtifactsAsync(IAsyncEnumerable<AddArtifactsRequest> requests, SparkConnectCallContext context) =>
        throw Unimplemented(context);

    /// <summary>Reports whether artifacts exist.</summary>
    public virtual Task<ArtifactStatusesResponse> ArtifactStatusAsync(ArtifactStatusesRequest request, SparkConnectCallContext context) =>
        throw Unimplemented(context);

    /// <summary>Interrupts executions.</summary>
    public virtual Task<InterruptResponse> InterruptAsync(InterruptRequest request, SparkConnectCallContext context) =>
        throw Unimplemented(context);

    /// <summary>Releases buffered responses of a reattachable execution.</summary>
    public virtual Task<ReleaseExecuteResponse> ReleaseExecuteAsync(ReleaseExecuteRequest request, SparkConnectCallContext context) =>
        throw Unimplemented(context);

    /// <summary>Ends a session.</summary>
    public virtual Task<ReleaseSessionResponse> ReleaseSessionAsync(ReleaseSessionRequest request, SparkConnectCallContext context) =>
        throw Unimplemented(context);

    /// <summary>Returns the full error chain for an error id.</summary>
    public virtual Task<FetchErrorDetailsResponse> FetchErrorDetailsAsync(FetchErrorDetailsRequest request, SparkConnectCallContext context) =>
        throw Unimplemented(context);

    /// <summary>Copies a session.</summary>
    public virtual Task<CloneSessionResponse> CloneSessionAsync(CloneSessionRequest request, SparkConnectCallContext context) =>
        throw Unimplemented(context);

    /// <summary>Reports the state of operations.</summary>
    public virtual Task<GetStatusResponse> GetStatusAsync(GetStatusRequest request, SparkConnectCallContext context) =>
        throw Unimplemented(context);

    /// <summary>The exception the default implementations throw.</summary>
    protected static GrpcException Unimplemented(SparkConnectCallContext context) =>
        new(GrpcStatusCode.Unimplemented, $"This server does not implement {SparkConnectMethods.ServiceName}/{context.Method}.");
}
