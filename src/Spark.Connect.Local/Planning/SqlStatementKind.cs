namespace Spark.Connect.Local.Planning;

/// <summary>
/// Tells a query (which Spark keeps lazy) from a command (DDL/DML, SET …, which Spark runs at once) by the
/// statement's first keyword, after comments and opening parentheses: what Spark's parser decides by the
/// statement's grammar rule, without asking DuckDB (a query may name temp views DuckDB does not know).
/// </summary>
internal static class SqlStatementKind
{
    private static readonly HashSet<string> QueryKeywords = new(StringComparer.OrdinalIgnoreCase) { "SELECT", "FROM", "WITH", "VALUES", "TABLE" };

    // Commands whose output Spark describes with no columns at all (DuckDB reports a row count instead).
    private static readonly HashSet<string> SilentKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "CREATE", "DROP", "ALTER", "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "USE", "COMMENT",
    };

    /// <summary>True for a query statement (SELECT, FROM-first, WITH, VALUES, TABLE).</summary>
    internal static bool IsQuery(string sql) => QueryKeywords.Contains(FirstKeyword(sql));

    /// <summary>True for a command whose Spark result has no columns (CREATE, INSERT, DROP, …).</summary>
    internal static bool HasNoOutput(string sql) => SilentKeywords.Contains(FirstKeyword(sql));

    /// <summary>The first word of the statement, skipping whitespace, comments and parentheses ("" when none).</summary>
    internal static string FirstKeyword(string sql)
    {
        var i = 0;
        while (i < sql.Length)
        {
            if (char.IsWhiteSpace(sql[i]) || sql[i] == '(')
                i++;
            else if (sql.AsSpan(i).StartsWith("--"))
                i = sql.IndexOf('\n', i) is var newline and >= 0 ? newline + 1 : sql.Length;
            else if (sql.AsSpan(i).StartsWith("/*"))
                i = sql.IndexOf("*/", i + 2, StringComparison.Ordinal) is var close and >= 0 ? close + 2 : sql.Length;
            else
                break;
        }
        var end = i;
        while (end < sql.Length && (char.IsAsciiLetter(sql[end]) || sql[end] == '_'))
            end++;
        return sql[i..end];
    }
}
