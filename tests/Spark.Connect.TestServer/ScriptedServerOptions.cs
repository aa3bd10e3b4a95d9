namespace Spark.Connect.TestServer;

/// <summary>How a <see cref="ScriptedSparkConnectServer"/> listens.</summary>
public sealed record ScriptedServerOptions
{
    /// <summary>Serve HTTP/2 over TLS with an in-memory self-signed certificate instead of h2c.</summary>
    public bool UseTls { get; init; }

    /// <summary>The largest request message the server accepts (default 128 MiB).</summary>
    public int MaxReceiveMessageSize { get; init; } = 128 * 1024 * 1024;

    /// <summary>Send unexpected handler exceptions' type and message to the client (Grpc.AspNetCore's EnableDetailedErrors; on by default: it is a test server).</summary>
    public bool IncludeExceptionDetails { get; init; } = true;
}
