using System.Runtime.InteropServices;
using Google.Protobuf;
using Spark.Connect.Transport;

namespace Spark.Connect;

/// <summary>
/// What every request of one session carries: the session id, the user context, the client type and
/// the metadata headers, plus the server-side session id the server reported first. If a later
/// response names another server-side session, the server lost our session (e.g. it restarted), and
/// going on would silently run against fresh state: we fail instead, as the official clients do.
/// </summary>
internal sealed class SessionContext
{
    private string? _serverSideSessionId;

    public SessionContext(SparkConnectionString connection, string? clientType)
    {
        SessionId = (connection.SessionId ?? Guid.NewGuid()).ToString();
        UserContext = new UserContext { UserId = connection.UserId ?? string.Empty };
        ClientType = clientType ?? connection.UserAgent ?? DefaultClientType;

        var headers = new List<KeyValuePair<string, string>>();
        if (connection.Token is { } token)
            headers.Add(new("authorization", "Bearer " + token));
        headers.AddRange(connection.Headers);
        CallOptions = new GrpcCallOptions { Headers = headers };
    }

    public string SessionId { get; }

    public UserContext UserContext { get; }

    public string ClientType { get; }

    /// <summary>Headers (including the bearer token) for streaming calls; never logged.</summary>
    public GrpcCallOptions CallOptions { get; }

    /// <summary>The server-side session id seen so far, echoed back so the server can detect a lost session.</summary>
    public string? ServerSideSessionId => Volatile.Read(ref _serverSideSessionId);

    /// <summary>
    /// Fills the fields every Spark Connect request shares (session id, user context, client type,
    /// the observed server-side session) on any request message that has them, by field name, so no
    /// call site repeats them.
    /// </summary>
    public T Stamp<T>(T request) where T : IMessage
    {
        var descriptor = request.Descriptor;
        descriptor.FindFieldByName("session_id")?.Accessor.SetValue(request, SessionId);
        descriptor.FindFieldByName("user_context")?.Accessor.SetValue(request, UserContext);
        descriptor.FindFieldByName("client_type")?.Accessor.SetValue(request, ClientType);
        if (ServerSideSessionId is { } serverSide)
            descriptor.FindFieldByName("client_observed_server_side_session_id")?.Accessor.SetValue(request, serverSide);
        return request;
    }

    /// <summary>Records the server-side session id of a response; throws if it changed.</summary>
    public void Observe(string? serverSideSessionId)
    {
        if (string.IsNullOrEmpty(serverSideSessionId)) return;
        var previous = Interlocked.CompareExchange(ref _serverSideSessionId, serverSideSessionId, null);
        if (previous is not null && previous != serverSideSessionId)
            throw new SparkException(
                $"The server-side session changed from {previous} to {serverSideSessionId}: the server lost this session's state " +
                "(temporary views, configuration). Create a new session to go on.",
                errorClass: "INVALID_HANDLE.SESSION_CHANGED", statusCode: GrpcStatusCode.FailedPrecondition);
    }

    internal static string DefaultClientType { get; } =
        $"_SPARK_CONNECT_DOTNET spark-linq/{typeof(SessionContext).Assembly.GetName().Version?.ToString(3)} " +
        $"os/{RuntimeInformation.OSDescription.Split(' ')[0].ToLowerInvariant()} dotnet/{Environment.Version}";
}
