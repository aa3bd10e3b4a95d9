using Spark.Connect.Transport;

namespace Spark.Connect;

/// <summary>
/// The client stopped because a server (broken, hostile or unreachable) went past a bound the client keeps to
/// protect itself: response headers or nesting too large, a stream that stopped sending, reattaches that bring
/// nothing, retries that took too long. <see cref="Setting"/> names the option that changes the bound. It is a
/// <see cref="GrpcException"/>, so code that handles transport failures handles it too.
/// </summary>
public sealed class SparkConnectLimitException : GrpcException
{
    /// <summary>Creates the exception; <paramref name="detail"/> says what was wrong and should name <paramref name="setting"/>.</summary>
    public SparkConnectLimitException(GrpcStatusCode statusCode, string detail, string setting, Exception? innerException = null)
        : base(statusCode, detail, innerException: innerException)
    {
        Setting = setting;
    }

    /// <summary>The option that sets the bound, e.g. <c>SparkConnectClientOptions.ResponseIdleTimeout</c>.</summary>
    public string Setting { get; }
}
