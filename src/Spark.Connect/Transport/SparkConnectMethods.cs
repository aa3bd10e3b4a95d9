namespace Spark.Connect.Transport;

/// <summary>
/// The RPCs of <c>spark.connect.SparkConnectService</c> that a client calls through
/// <see cref="IGrpcTransport"/> (all but the client-streaming <c>AddArtifacts</c>).
/// </summary>
public static class SparkConnectMethods
{
    /// <summary>The fully qualified service name.</summary>
    public const string ServiceName = "spark.connect.SparkConnectService";

    /// <summary>Runs a plan; server streaming.</summary>
    public static GrpcMethod<ExecutePlanRequest, ExecutePlanResponse> ExecutePlan { get; } =
        new(ServiceName, "ExecutePlan", ExecutePlanRequest.Parser, ExecutePlanResponse.Parser);

    /// <summary>Analyzes a plan without running it.</summary>
    public static GrpcMethod<AnalyzePlanRequest, AnalyzePlanResponse> AnalyzePlan { get; } =
        new(ServiceName, "AnalyzePlan", AnalyzePlanRequest.Parser, AnalyzePlanResponse.Parser);

    /// <summary>Reads or changes session configuration.</summary>
    public static GrpcMethod<ConfigRequest, ConfigResponse> Config { get; } =
        new(ServiceName, "Config", ConfigRequest.Parser, ConfigResponse.Parser);

    /// <summary>Asks whether artifacts exist on the server.</summary>
    public static GrpcMethod<ArtifactStatusesRequest, ArtifactStatusesResponse> ArtifactStatus { get; } =
        new(ServiceName, "ArtifactStatus", ArtifactStatusesRequest.Parser, ArtifactStatusesResponse.Parser);

    /// <summary>Interrupts executions.</summary>
    public static GrpcMethod<InterruptRequest, InterruptResponse> Interrupt { get; } =
        new(ServiceName, "Interrupt", InterruptRequest.Parser, InterruptResponse.Parser);

    /// <summary>Resumes the response stream of a reattachable execution; server streaming.</summary>
    public static GrpcMethod<ReattachExecuteRequest, ExecutePlanResponse> ReattachExecute { get; } =
        new(ServiceName, "ReattachExecute", ReattachExecuteRequest.Parser, ExecutePlanResponse.Parser);

    /// <summary>Releases buffered responses of a reattachable execution.</summary>
    public static GrpcMethod<ReleaseExecuteRequest, ReleaseExecuteResponse> ReleaseExecute { get; } =
        new(ServiceName, "ReleaseExecute", ReleaseExecuteRequest.Parser, ReleaseExecuteResponse.Parser);

    /// <summary>Ends the server session.</summary>
    public static GrpcMethod<ReleaseSessionRequest, ReleaseSessionResponse> ReleaseSession { get; } =
        new(ServiceName, "ReleaseSession", ReleaseSessionRequest.Parser, ReleaseSessionResponse.Parser);

    /// <summary>Fetches the full error chain for an error id.</summary>
    public static GrpcMethod<FetchErrorDetailsRequest, FetchErrorDetailsResponse> FetchErrorDetails { get; } =
        new(ServiceName, "FetchErrorDetails", FetchErrorDetailsRequest.Parser, FetchErrorDetailsResponse.Parser);

    /// <summary>Copies the server session to a new session id.</summary>
    public static GrpcMethod<CloneSessionRequest, CloneSessionResponse> CloneSession { get; } =
        new(ServiceName, "CloneSession", CloneSessionRequest.Parser, CloneSessionResponse.Parser);

    /// <summary>Reports the state of operations.</summary>
    public static GrpcMethod<GetStatusRequest, GetStatusResponse> GetStatus { get; } =
        new(ServiceName, "GetStatus", GetStatusRequest.Parser, GetStatusResponse.Parser);
}
