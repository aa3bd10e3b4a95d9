using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Spark.Connect.Transport;

namespace Spark.Connect.TestServer;

/// <summary>Errors shaped like the ones a Spark Connect server sends, for scripting failures.</summary>
public static class ScriptedErrors
{
    /// <summary>The <c>ErrorInfo.domain</c> Spark uses.</summary>
    public const string SparkDomain = "org.apache.spark";

    // Spark writes plain JSON; the default encoder would escape backticks and quotes as \u0060.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// A Spark error: status <paramref name="status"/> (Internal, as Spark sends) with a
    /// <c>google.rpc.Status</c> holding an <see cref="ErrorInfo"/> whose metadata carries
    /// <c>classes</c>, <c>errorClass</c>, <c>sqlState</c>, <c>messageParameters</c> (JSON) and
    /// <c>errorId</c>, like <c>ErrorUtils.buildStatusFromThrowable</c>.
    /// </summary>
    public static GrpcException SparkError(
        string message,
        string? errorClass = null,
        string? sqlState = null,
        IReadOnlyDictionary<string, string>? messageParameters = null,
        string? errorId = null,
        string exceptionClass = "org.apache.spark.sql.AnalysisException",
        TimeSpan? retryDelay = null,
        GrpcStatusCode status = GrpcStatusCode.Internal)
    {
        var info = new ErrorInfo { Reason = exceptionClass, Domain = SparkDomain };
        info.Metadata["classes"] = JsonSerializer.Serialize(new[] { exceptionClass, "java.lang.Exception", "java.lang.Throwable" }, Json);
        if (errorClass is not null)
        {
            info.Metadata["errorClass"] = errorClass;
            info.Metadata["messageParameters"] = JsonSerializer.Serialize(messageParameters ?? new Dictionary<string, string>(), Json);
        }

        if (sqlState is not null)
        {
            info.Metadata["sqlState"] = sqlState;
        }

        if (errorId is not null)
        {
            info.Metadata["errorId"] = errorId;
        }

        return WithDetails(status, message, retryDelay, info);
    }

    /// <summary>An <c>Unavailable</c> error, optionally with a <see cref="RetryInfo"/> asking for <paramref name="retryDelay"/>.</summary>
    public static GrpcException Unavailable(string message = "The server is temporarily unavailable.", TimeSpan? retryDelay = null) =>
        retryDelay is null ? new GrpcException(GrpcStatusCode.Unavailable, message) : WithDetails(GrpcStatusCode.Unavailable, message, retryDelay);

    /// <summary>
    /// An error of <paramref name="status"/> whose rich status holds <paramref name="details"/> and,
    /// when <paramref name="retryDelay"/> is given, a <see cref="RetryInfo"/>.
    /// </summary>
    public static GrpcException WithDetails(GrpcStatusCode status, string message, TimeSpan? retryDelay, params IMessage[] details)
    {
        var rich = new Google.Rpc.Status { Code = (int)status, Message = message };
        foreach (IMessage detail in details)
        {
            rich.Details.Add(Any.Pack(detail));
        }

        if (retryDelay is { } delay)
        {
            rich.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }));
        }

        return new GrpcException(status, message, rich);
    }
}
