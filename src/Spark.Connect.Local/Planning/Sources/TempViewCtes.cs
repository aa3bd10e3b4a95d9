using System.Text;

namespace Spark.Connect.Local.Planning.Sources;

/// <summary>
/// Lets a user's SQL query read temporary views, which exist only as stored plans, never in DuckDB's
/// catalog: each view the text names becomes a CTE of its planned SQL (parameters bound as usual, never
/// inlined), <c>WITH "v" AS (…) SELECT * FROM (&lt;query&gt;)</c>. A CTE shadows a table of the same name, as a
/// temp view does in Spark. <c>global_temp.name</c> is rewritten to the CTE named <c>"global_temp.name"</c>.
/// Non-query statements are left alone.
/// </summary>
internal static class TempViewCtes
{
    /// <summary>The query with a CTE for each view it names; <paramref name="renderView"/> plans one view's relation as a query.</summary>
    internal static string Prefix(PlanningContext context, string query, Func<Relation, string> renderView)
    {
        if (!SqlStatementKind.IsQuery(query))
            return query;
        var views = new List<(string Name, IReadOnlyList<string> Parts, Relation View)>();
        var text = Rewrite(query, parts =>
        {
            // A view being expanded names the table of that name inside itself (see ViewExpansion).
            if (ViewExpansion.Find(context, parts) is not { } view)
                return null;
            var name = string.Join('.', parts);
            if (!views.Exists(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)))
                views.Add((name, parts, view));
            return parts.Count == 1 ? null : SqlIdentifiers.Quote(name);
        });
        if (views.Count == 0)
            return query;
        var ctes = new List<string>();
        foreach (var (name, parts, view) in views)
        {
            using (ViewExpansion.Enter(context, parts))
                ctes.Add($"{SqlIdentifiers.Quote(name)} AS ({renderView(view)})");
        }
        return $"WITH {string.Join(", ", ctes)} SELECT * FROM ({text})";
    }

    /// <summary>
    /// Offers every standalone name (one bare or quoted identifier, not part of a dotted name) and every
    /// <c>global_temp.name</c> pair outside literals and comments to <paramref name="view"/>, which may
    /// return replacement text. Everything else is copied unchanged.
    /// </summary>
    private static string Rewrite(string sql, Func<IReadOnlyList<string>, string?> view)
    {
        var output = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (IdentifierEnd(sql, i) is { } end)
            {
                var first = (Name: Unquote(sql[i..end]), End: end);
                var second = end < sql.Length && sql[end] == '.' && IdentifierEnd(sql, end + 1) is { } secondEnd ? (Name: Unquote(sql[(end + 1)..secondEnd]), End: secondEnd) : default;
                var dotBefore = i > 0 && sql[i - 1] == '.';
                var chainEnd = second.Name is null ? end : second.End;
                var dotAfter = chainEnd < sql.Length && sql[chainEnd] == '.';
                string? replacement = null;
                if (!dotBefore && !dotAfter && second.Name is null)
                    replacement = view([first.Name]);
                else if (!dotBefore && !dotAfter && string.Equals(first.Name, "global_temp", StringComparison.OrdinalIgnoreCase))
                    replacement = view([first.Name.ToLowerInvariant(), second.Name!]);
                output.Append(replacement ?? sql[i..chainEnd]);
                i = chainEnd;
                continue;
            }
            var skip = c switch
            {
                '\'' => QuotedEnd(sql, i, '\''),
                '-' when i + 1 < sql.Length && sql[i + 1] == '-' => sql.IndexOf('\n', i) is var nl and >= 0 ? nl + 1 : sql.Length,
                '/' when i + 1 < sql.Length && sql[i + 1] == '*' => sql.IndexOf("*/", i + 2, StringComparison.Ordinal) is var close and >= 0 ? close + 2 : sql.Length,
                _ => i + 1,
            };
            output.Append(sql, i, skip - i);
            i = skip;
        }
        return output.ToString();
    }

    /// <summary>The end of the identifier (bare word or "quoted") starting at <paramref name="start"/>, or null.</summary>
    private static int? IdentifierEnd(string sql, int start)
    {
        if (start >= sql.Length)
            return null;
        if (sql[start] == '"')
            return QuotedEnd(sql, start, '"');
        if (!(char.IsLetter(sql[start]) || sql[start] == '_') || (start > 0 && IsWordChar(sql[start - 1])))
            return null;
        var end = start;
        while (end < sql.Length && IsWordChar(sql[end]))
            end++;
        return end;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';

    private static string Unquote(string identifier) =>
        identifier.Length >= 2 && identifier[0] == '"' && identifier[^1] == '"' ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : identifier;

    private static int QuotedEnd(string sql, int start, char quote)
    {
        for (var i = start + 1; i < sql.Length; i++)
        {
            if (sql[i] != quote)
                continue;
            if (i + 1 < sql.Length && sql[i + 1] == quote)
                i++;
            else
                return i + 1;
        }
        return sql.Length;
    }
}
