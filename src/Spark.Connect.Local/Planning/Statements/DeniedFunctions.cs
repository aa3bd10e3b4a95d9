namespace Spark.Connect.Local.Planning.Statements;

/// <summary>
/// DuckDB functions a client's SQL may not call, although a SELECT may name them: table functions that change
/// state every session shares (the logger, the parser, checkpoints, profiling output) and the ones that run
/// SQL held in a string (<c>query</c>, <c>query_table</c>, <c>json_execute_serialized_sql</c>), which would hide
/// any call from this check. Everything else a SELECT can call only reads; file access is DuckDB's own setting
/// (see docs/security.md). A call is a name (bare or "quoted", possibly qualified) followed by an opening
/// parenthesis, found on <see cref="SqlTokens"/> so literals and comments never count and comments between
/// the name and the parenthesis don't hide it.
/// </summary>
internal static class DeniedFunctions
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "enable_logging", "disable_logging", "truncate_duckdb_logs",
        "enable_peg_parser", "disable_peg_parser",
        "checkpoint", "force_checkpoint",
        "enable_profiling", "disable_profiling", "enable_profile", "disable_profile",
        "query", "query_table", "json_execute_serialized_sql",
    };

    // A name right after these words is a table being defined or filled (INSERT INTO query (a) …), not a call.
    private static readonly HashSet<string> TableNameKeywords = new(StringComparer.OrdinalIgnoreCase) { "INTO", "TABLE", "VIEW", "EXISTS" };

    /// <summary>Raises <c>INSUFFICIENT_PERMISSIONS</c> for the first denied call in <paramref name="tokens"/>.</summary>
    internal static void Check(IReadOnlyList<SqlToken> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier) || !tokens[i + 1].Is('(') || !Names.Contains(tokens[i].Text))
                continue;
            if (i > 0 && tokens[i - 1].Kind == SqlTokenKind.Word && TableNameKeywords.Contains(tokens[i - 1].Text))
                continue;
            throw StatementErrors.FunctionRefused(tokens[i].Text.ToLowerInvariant());
        }
    }
}
