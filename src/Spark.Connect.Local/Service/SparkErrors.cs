using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Service;

/// <summary>The errors the service itself raises about handles (sessions, operations, cursors), in Spark's classes.</summary>
internal static class SparkErrors
{
    internal static LocalEngineException InvalidHandleFormat(string what, string value) =>
        new("INVALID_HANDLE.FORMAT", "HY000",
            $"The {what} '{value}' is invalid: it must be a UUID such as 00112233-4455-6677-8899-aabbccddeeff.",
            new Dictionary<string, string> { ["handle"] = value });

    internal static LocalEngineException OperationNotFound(string operationId) =>
        new("INVALID_HANDLE.OPERATION_NOT_FOUND", "HY000",
            $"The operation {operationId} was not found (it finished and was released, or never ran in this session).",
            new Dictionary<string, string> { ["handle"] = operationId });

    internal static LocalEngineException OperationAlreadyExists(string operationId) =>
        new("INVALID_HANDLE.OPERATION_ALREADY_EXISTS", "HY000",
            $"The operation {operationId} already exists in this session; use a new operation id.",
            new Dictionary<string, string> { ["handle"] = operationId });

    internal static LocalEngineException OperationAbandoned(string operationId) =>
        new("INVALID_HANDLE.OPERATION_ABANDONED", "HY000",
            $"The operation {operationId} was removed (released, or abandoned: no client read it for the detached timeout), " +
            "so its results are gone; run the plan again under a new operation id.",
            new Dictionary<string, string> { ["handle"] = operationId });

    internal static LocalEngineException NotReattachable(string operationId) =>
        new("INVALID_CURSOR.NOT_REATTACHABLE", "HY109",
            $"The operation {operationId} was not started as reattachable, so it can't be reattached to.",
            new Dictionary<string, string>());

    internal static LocalEngineException PositionNotAvailable(long index, string responseId) =>
        new("INVALID_CURSOR.POSITION_NOT_AVAILABLE", "HY109",
            $"The response {responseId} (index {index}) is no longer available: it was released with ReleaseExecute or " +
            "dropped from the replay buffer (LocalSparkServerOptions.ReplayBufferBytes). Run the plan again.",
            new Dictionary<string, string> { ["index"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture), ["responseId"] = responseId });

    internal static LocalEngineException PositionNotFound(string responseId) =>
        new("INVALID_CURSOR.POSITION_NOT_FOUND", "HY109",
            $"The response {responseId} does not belong to this operation.",
            new Dictionary<string, string> { ["responseId"] = responseId });

    internal static LocalEngineException TooManySessions(int limit) =>
        new("LOCAL_ENGINE_TOO_MANY_SESSIONS", "53300",
            $"The local engine already holds its maximum of {limit} sessions (LocalSparkServerOptions.MaxSessions), none of them idle " +
            "for longer than the session idle timeout. Release sessions no longer used (ReleaseSession, spark.stop()) or raise the limit.",
            new Dictionary<string, string> { ["limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    internal static LocalEngineException SessionClosed(string sessionId) =>
        new("INVALID_HANDLE.SESSION_CLOSED", "HY000",
            $"The session {sessionId} was released; create a new session (a new session id) to go on.",
            new Dictionary<string, string> { ["handle"] = sessionId });

    internal static LocalEngineException SessionChanged(string sessionId) =>
        new("INVALID_HANDLE.SESSION_CHANGED", "HY000",
            $"The server-side session of {sessionId} changed (it was released and created again): its temporary tables and " +
            "configuration are gone. Create a new session to go on.",
            new Dictionary<string, string> { ["handle"] = sessionId });

    internal static LocalEngineException Canceled(string operationId) =>
        new("OPERATION_CANCELED", "HY008", $"The operation {operationId} was interrupted.",
            new Dictionary<string, string> { ["operationId"] = operationId });

    internal static LocalEngineException Unsupported(string construct) =>
        LocalEngineException.Unsupported(construct, "See docs/local-engine.md for what the local engine runs.");

    /// <summary>
    /// Gives any failure a Spark error class. DuckDB reports errors as text "&lt;Kind&gt; Error: …"; the
    /// kinds with a clear Spark counterpart get that class, the rest a generic one that keeps DuckDB's text.
    /// </summary>
    internal static LocalEngineException Classify(Exception error) => error switch
    {
        LocalEngineException engine => engine,
        DuckDbException duck => FromDuckDb(duck),
        OverflowException overflow => new("ARITHMETIC_OVERFLOW", "22003", overflow.Message, null, overflow),
        NotSupportedException unsupported => new("UNSUPPORTED_DATATYPE", "0A000", unsupported.Message, null, unsupported),
        _ => new("INTERNAL_ERROR", "XX000", $"The local engine failed: {error.GetType().Name}: {error.Message}", null, error),
    };

    private static readonly (string Kind, string Needle, string ErrorClass, string SqlState)[] DuckDbKinds =
    [
        ("INTERRUPT Error", "", "OPERATION_CANCELED", "HY008"),
        ("Binder Error", "Referenced column", "UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703"),
        ("Catalog Error", "Function with name", "UNRESOLVED_ROUTINE", "42883"),
        ("Catalog Error", "does not exist", "TABLE_OR_VIEW_NOT_FOUND", "42P01"),
        ("Conversion Error", "", "CAST_INVALID_INPUT", "22018"),
        ("Out of Range Error", "", "ARITHMETIC_OVERFLOW", "22003"),
        ("Parser Error", "", "PARSE_SYNTAX_ERROR", "42601"),
        ("Binder Error", "", "LOCAL_ENGINE_ANALYSIS_ERROR", "42000"),
        ("IO Error", "", "PATH_NOT_FOUND", "42K03"),
    ];

    internal static LocalEngineException FromDuckDb(DuckDbException error)
    {
        var text = error.Message;
        // Errors the function catalog raises on purpose (division by zero, bigint overflow) and DuckDB's
        // cast/parse/overflow failures first: they carry Spark's exact ANSI class.
        if (Planning.Functions.SparkRuntimeErrors.TryTranslate(text, error) is { } runtime)
            return runtime;
        // DuckDB itself refused a file outside the data directories (file access limited at startup).
        if (text.Contains("Permission Error", StringComparison.Ordinal))
            return new LocalEngineException("INSUFFICIENT_PERMISSIONS", "42501",
                $"{text} The local server lets clients reach only files below LocalSparkServerOptions.DataDirectories; use a path below one of them, or ask the host to add one.",
                new Dictionary<string, string> { ["report"] = "file access outside the data directories", ["duckdbMessage"] = text }, error);
        foreach (var (kind, needle, errorClass, sqlState) in DuckDbKinds)
        {
            if (!text.Contains(kind, StringComparison.Ordinal) || (needle.Length > 0 && !text.Contains(needle, StringComparison.OrdinalIgnoreCase)))
                continue;
            var parameters = Parameters(errorClass, text);
            // A function DuckDB lacks: Spark's UNRESOLVED_ROUTINE only when Spark lacks it too, as the function catalog decides.
            if (parameters.TryGetValue("routineName", out var routine))
                return Planning.Functions.FunctionErrors.UnknownFunction(routine, error);
            return new LocalEngineException(errorClass, sqlState, text, parameters, error);
        }
        return new LocalEngineException("LOCAL_ENGINE_ERROR", "XX000", text, new Dictionary<string, string> { ["duckdbMessage"] = text }, error);
    }

    // Spark's message parameters for the classes that have a name in them (objectName, relationName, routineName).
    private static Dictionary<string, string> Parameters(string errorClass, string text)
    {
        var parameters = new Dictionary<string, string> { ["duckdbMessage"] = text };
        var (name, pattern) = errorClass switch
        {
            "UNRESOLVED_COLUMN.WITH_SUGGESTION" => ("objectName", "Referenced column \"([^\"]*)\""),
            "TABLE_OR_VIEW_NOT_FOUND" => ("relationName", "with name (\\S+) does not exist"),
            "UNRESOLVED_ROUTINE" => ("routineName", "Function with name (\\S+) does not exist"),
            _ => (null, null),
        };
        if (name is not null && System.Text.RegularExpressions.Regex.Match(text, pattern!) is { Success: true } match)
            parameters[name] = match.Groups[1].Value;
        return parameters;
    }
}
