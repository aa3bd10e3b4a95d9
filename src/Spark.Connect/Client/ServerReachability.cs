using System.Net.Sockets;
using Spark.Connect.Transport;

namespace Spark.Connect;

/// <summary>
/// Whether a client has ever had an answer from its server, and whether a failure is one of not getting there at all
/// (refused, unknown host, TLS failure, connect timeout). Until the first answer a wrong address is far likelier than a
/// restarting server, so failures to connect are retried only within
/// <see cref="SparkConnectClientOptions.InitialConnectTimeout"/> instead of the full <see cref="RetryPolicy"/>.
/// </summary>
internal sealed class ServerReachability(SparkConnectionString connection, TimeSpan? initialConnectTimeout)
{
    public const string Setting = "SparkConnectClientOptions.InitialConnectTimeout";

    /// <summary>The shortest last wait before the initial connect timeout; closer to it than this, it has passed.</summary>
    internal static readonly TimeSpan LastWaitFloor = TimeSpan.FromMilliseconds(20);

    private int _reached;

    /// <summary>host:port as the connection string names it.</summary>
    public string Endpoint { get; } = $"{connection.Host}:{connection.Port}";

    public TimeSpan? InitialConnectTimeout => initialConnectTimeout;

    public bool Reached => Volatile.Read(ref _reached) != 0;

    /// <summary>A response arrived: the server is reachable.</summary>
    public void MarkReached() => Volatile.Write(ref _reached, 1);

    /// <summary>A call failed: a status the server sent proves it is reachable as much as a response does.</summary>
    public void Observe(GrpcException error)
    {
        if (!IsConnectFailure(error)) MarkReached();
    }

    /// <summary>
    /// True for a failure to reach the server: the transport's Unavailable caused by the network (socket, HTTP connection,
    /// TLS, connect timeout), with no status or trailers from a server.
    /// </summary>
    public static bool IsConnectFailure(GrpcException error)
    {
        // Our own bounds (the idle timeout) are no connect failures, whatever caused them.
        if (error is SparkConnectLimitException || error.StatusCode != GrpcStatusCode.Unavailable
            || error.RichStatus is not null || error.Trailers.Count > 0) return false;
        for (var cause = error.InnerException; cause is not null; cause = cause.InnerException)
        {
            if (cause is HttpRequestException or SocketException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
                return true;
        }
        return false;
    }

    /// <summary>
    /// The wait before the next retry of a connect failure while the server was never reached: at most what is left of
    /// <see cref="InitialConnectTimeout"/>; past it, the failure that names the address and the setting.
    /// </summary>
    /// <exception cref="SparkConnectLimitException">The initial connect timeout has passed.</exception>
    public TimeSpan LimitWait(GrpcException error, TimeSpan wait, TimeSpan elapsed, int attempts, string operation)
    {
        if (Reached || initialConnectTimeout is not { } limit || !IsConnectFailure(error)) return wait;
        var left = limit - elapsed;
        // A last wait shorter than the floor would not end the attempts: timers and the clock disagree by a millisecond
        // or so, so waiting out a sliver of time can leave another sliver, and refused connections fail at once: the
        // client would spin through its retries in the last moments and end with the retry policy's error instead of
        // this one. Within the floor of the limit, the limit has passed.
        if (left > LastWaitFloor) return wait < left ? wait : left;
        throw new SparkConnectLimitException(GrpcStatusCode.Unavailable,
            $"Could not reach the Spark Connect server at {Endpoint}: {operation} failed {attempts} times in {elapsed.TotalSeconds:0.#} s, " +
            $"last with: {error.Detail}. Check the host and port of the connection string and that the server is running and reachable; " +
            $"{Setting} ({limit.TotalSeconds:0.#} s) bounds how long a client that has never reached its server keeps trying.",
            Setting, error);
    }
}
