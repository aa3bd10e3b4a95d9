namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Which words can't be identifiers. Spark 4 runs with ANSI mode on but <c>spark.sql.ansi.enforceReservedKeywords</c>
/// off, so nearly every keyword may still name a column or table; what stays off-limits are the words that would
/// make the grammar ambiguous where a name may follow an expression or relation without AS (Spark's strict
/// non-reserved words: the join and set operator words) plus the clause words that end a select list or relation.
/// </summary>
internal static class SqlKeywords
{
    // Spark's strictNonReserved: never an identifier in its default mode, not even after AS.
    private static readonly HashSet<string> StrictlyReserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "ANTI", "CROSS", "EXCEPT", "FULL", "INNER", "INTERSECT", "JOIN", "LATERAL", "LEFT", "MINUS", "NATURAL", "ON",
        "RIGHT", "SEMI", "UNION", "USING",
    };

    private static readonly HashSet<string> Reserved = new(StrictlyReserved, StringComparer.OrdinalIgnoreCase)
    {
        // Clause and operator words that follow an expression or a relation.
        "AND", "AS", "BETWEEN", "BY", "CASE", "CLUSTER", "DISTRIBUTE", "ELSE", "END", "ESCAPE", "FROM", "GROUP", "HAVING",
        "ILIKE", "IN", "IS", "LIKE", "LIMIT", "NOT", "OFFSET", "OR", "ORDER", "OVER", "PIVOT", "QUALIFY", "REGEXP",
        "RLIKE", "SELECT", "SORT", "TABLESAMPLE", "THEN", "UNPIVOT", "WHEN", "WHERE", "WINDOW", "WITH", "VALUES",
        "FOR", "INTO", "DIV",
    };

    /// <summary>Whether <paramref name="word"/> may not stand as an unquoted identifier.</summary>
    internal static bool IsReserved(string word) => Reserved.Contains(word);

    /// <summary>
    /// Whether <paramref name="word"/> may not be an alias even after AS, where no clause word can be meant
    /// (<c>array(1) AS values</c>, <c>x AS from</c> are Spark names).
    /// </summary>
    internal static bool IsStrictlyReserved(string word) => StrictlyReserved.Contains(word);
}
