namespace Spark.Connect.Local.Planning;

/// <summary>
/// An error the local engine reports the way Spark does: an error class (for example
/// <c>UNSUPPORTED_FEATURE.LOCAL_ENGINE</c>, <c>UNRESOLVED_COLUMN.WITH_SUGGESTION</c>,
/// <c>TABLE_OR_VIEW_NOT_FOUND</c>), a SQLSTATE and message parameters. The service sends it to the
/// client as a google.rpc.ErrorInfo, so the client raises a <c>SparkException</c> with the same class.
/// </summary>
internal sealed class LocalEngineException : Exception
{
    internal LocalEngineException(string errorClass, string sqlState, string message,
        IReadOnlyDictionary<string, string>? parameters = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorClass = errorClass;
        SqlState = sqlState;
        MessageParameters = parameters ?? new Dictionary<string, string>();
    }

    /// <summary>Spark's error class, for example <c>UNSUPPORTED_FEATURE.LOCAL_ENGINE</c>.</summary>
    public string ErrorClass { get; }

    /// <summary>The five-character SQLSTATE.</summary>
    public string SqlState { get; }

    /// <summary>The values the message was built from, by name.</summary>
    public IReadOnlyDictionary<string, string> MessageParameters { get; }

    /// <summary>A plan construct this engine does not execute (relation kind, expression kind, function).</summary>
    internal static LocalEngineException Unsupported(string construct, string hint, Exception? inner = null) =>
        new("UNSUPPORTED_FEATURE.LOCAL_ENGINE", "0A000",
            $"The local engine does not support {construct}. {hint}",
            new Dictionary<string, string> { ["construct"] = construct }, inner);
}
