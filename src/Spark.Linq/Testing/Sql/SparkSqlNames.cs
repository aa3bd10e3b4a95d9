using System.Text;

namespace Spark.Linq.Testing;

/// <summary>
/// Identifiers in rendered Spark SQL: a plain name stays as written, anything else (and every keyword Spark reserves in
/// ANSI mode or for joins) is back-quoted with back-quotes doubled, so no name can end the identifier early.
/// </summary>
internal static class SparkSqlNames
{
    // Spark's ANSI-reserved keywords plus the strict non-reserved join and set-operation words: unquoted, they would
    // parse as syntax. Quoting more than needed is harmless; quoting less is not.
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ALL", "AND", "ANTI", "ANY", "AS", "AUTHORIZATION", "BOTH", "CASE", "CAST", "CHECK", "COLLATE", "COLUMN", "CONSTRAINT",
        "CREATE", "CROSS", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DISTINCT", "ELSE", "END",
        "ESCAPE", "EXCEPT", "FALSE", "FETCH", "FILTER", "FOR", "FOREIGN", "FROM", "FULL", "GRANT", "GROUP", "HAVING", "IN",
        "INNER", "INTERSECT", "INTERVAL", "INTO", "IS", "JOIN", "LATERAL", "LEADING", "LEFT", "LIMIT", "MINUS", "NATURAL", "NOT",
        "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER", "OVERLAPS", "PRIMARY", "REFERENCES", "RIGHT", "SELECT", "SEMI",
        "SESSION_USER", "SETMINUS", "SOME", "TABLE", "THEN", "TIME", "TO", "TRAILING", "TRUE", "UNION", "UNIQUE", "UNKNOWN",
        "USER", "USING", "WHEN", "WHERE", "WINDOW", "WITH",
    };

    /// <summary>One name part, back-quoted unless it is a plain identifier that is not a keyword.</summary>
    public static string Quote(string name)
    {
        if (IsPlain(name) && !Keywords.Contains(name)) return name;
        return "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
    }

    /// <summary>A multi-part identifier as Spark writes it (<c>o.customer_id</c>, <c>`odd name`.x</c>), each part re-quoted.</summary>
    public static string QuoteMultipart(string unparsed) => string.Join(".", Parts(unparsed).Select(Quote));

    /// <summary>Splits Spark's multi-part identifier syntax: dots separate parts outside back-quotes, <c>``</c> is one back-quote.</summary>
    public static IReadOnlyList<string> Parts(string unparsed)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < unparsed.Length; i++)
        {
            var c = unparsed[i];
            if (c == '`' && quoted && i + 1 < unparsed.Length && unparsed[i + 1] == '`')
            {
                current.Append('`');
                i++;
            }
            else if (c == '`')
            {
                quoted = !quoted;
            }
            else if (c == '.' && !quoted)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        parts.Add(current.ToString());
        return parts;
    }

    /// <summary>ASCII letters, digits and underscores, not starting with a digit: what Spark reads as one identifier without quotes.</summary>
    public static bool IsPlain(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
