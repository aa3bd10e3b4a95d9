using Spark.Connect.Transport;

namespace Spark.Connect;

/// <summary>
/// The Spark server reported an error: analysis failures (unknown table or column), runtime
/// failures, and anything else the server sends back as a rich gRPC status. Carries Spark's error
/// class, SQLSTATE and message parameters; <see cref="Exception.InnerException"/> holds the server-side
/// cause chain when the server provided it through <c>FetchErrorDetails</c>.
/// </summary>
public class SparkException : Exception
{
    /// <summary>Creates an exception from the parts a Spark server reports.</summary>
    public SparkException(
        string message,
        string? errorClass = null,
        string? sqlState = null,
        IReadOnlyDictionary<string, string>? messageParameters = null,
        IReadOnlyList<string>? errorTypeHierarchy = null,
        GrpcStatusCode statusCode = GrpcStatusCode.Internal,
        string? errorId = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorClass = errorClass;
        SqlState = sqlState;
        MessageParameters = messageParameters ?? new Dictionary<string, string>();
        ErrorTypeHierarchy = errorTypeHierarchy ?? [];
        StatusCode = statusCode;
        ErrorId = errorId;
    }

    /// <summary>Spark's error condition, e.g. <c>TABLE_OR_VIEW_NOT_FOUND</c>, when the server sent one.</summary>
    public string? ErrorClass { get; }

    /// <summary>The SQLSTATE code, e.g. <c>42P01</c>, when the server sent one.</summary>
    public string? SqlState { get; }

    /// <summary>The values substituted into Spark's error message template.</summary>
    public IReadOnlyDictionary<string, string> MessageParameters { get; }

    /// <summary>The JVM exception class hierarchy, most specific first (e.g. <c>org.apache.spark.sql.AnalysisException</c>).</summary>
    public IReadOnlyList<string> ErrorTypeHierarchy { get; }

    /// <summary>The gRPC status the error arrived with (Spark uses <see cref="GrpcStatusCode.Internal"/> for query failures).</summary>
    public GrpcStatusCode StatusCode { get; }

    /// <summary>The server's id for this error, used to fetch its details.</summary>
    public string? ErrorId { get; }
}
