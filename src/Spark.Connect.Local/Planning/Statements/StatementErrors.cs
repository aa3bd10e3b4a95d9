namespace Spark.Connect.Local.Planning.Statements;

/// <summary>The errors a refused or malformed client statement gets, in Spark's classes.</summary>
internal static class StatementErrors
{
    /// <summary>
    /// A statement the local engine does not let a client run (Spark's insufficient-privileges class, SQLSTATE 42501):
    /// <paramref name="statement"/> names what was refused, <paramref name="reason"/> why.
    /// </summary>
    internal static LocalEngineException Refused(string statement, string reason) =>
        new("INSUFFICIENT_PERMISSIONS", "42501",
            $"The local engine does not let a client run {statement}: {reason}. See docs/security.md for what a client may run.",
            new Dictionary<string, string> { ["statement"] = statement, ["report"] = reason });

    /// <summary>A call of one of DuckDB's functions that act on the whole database.</summary>
    internal static LocalEngineException FunctionRefused(string function) =>
        new("INSUFFICIENT_PERMISSIONS", "42501",
            $"The local engine does not let a client call the function {function}: it changes or reads state every session shares. " +
            "See docs/security.md for what a client may run.",
            new Dictionary<string, string> { ["routineName"] = function, ["report"] = "function acts on the whole database" });

    /// <summary>Spark's parse error, for text that is not one complete statement.</summary>
    internal static LocalEngineException Syntax(string message) =>
        new("PARSE_SYNTAX_ERROR", "42601", message, new Dictionary<string, string> { ["error"] = message, ["hint"] = "" });
}
