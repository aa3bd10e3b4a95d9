using Spark.Connect.Local.Planning.Sources;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// A user's SQL with its named (<c>:name</c>) or positional (<c>?</c>) markers replaced by the rendered
/// argument expressions, whose values are bound parameters; a trailing semicolon is dropped (the statement
/// ends up inside a subquery, where it would be a syntax error).
/// </summary>
internal static class SqlArguments
{
    /// <summary>The rewritten query; <paramref name="render"/> renders one constant argument expression.</summary>
    internal static string Bind(SQL sql, Func<Expression, string> render)
    {
        var named = sql.Args.ToDictionary(p => p.Key, p => new Expression { Literal = p.Value });
        foreach (var (name, value) in sql.NamedArguments)
            named[name] = value;
        var positional = sql.PosArgs.Select(l => new Expression { Literal = l }).Concat(sql.PosArguments).ToList();
        if (named.Count > 0 && positional.Count > 0)
            throw new LocalEngineException("INVALID_QUERY_MIXED_QUERY_PARAMETERS", "42613",
                "A SQL query was given both named and positional arguments; use one kind.");
        // Without arguments Spark leaves markers alone, but the scan still runs: it refuses DuckDB's $n markers,
        // which would otherwise reach the planner's own parameters.
        var query = named.Count > 0 || positional.Count > 0
            ? Rewrite(sql.Query, named, positional, render)
            : SqlPlaceholderRewriter.Rewrite(sql.Query, name => ":" + name, () => "?");
        return query.TrimEnd().TrimEnd(';').TrimEnd();
    }

    private static string Rewrite(string query, Dictionary<string, Expression> named, List<Expression> positional, Func<Expression, string> render)
    {
        // Each argument is rendered once and reused for every marker that names it.
        var renderedNamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var nextPositional = 0;
        return SqlPlaceholderRewriter.Rewrite(query,
            name =>
            {
                if (renderedNamed.TryGetValue(name, out var done))
                    return done;
                if (!named.TryGetValue(name, out var value))
                    throw new LocalEngineException("UNBOUND_SQL_PARAMETER", "42P02",
                        $"The SQL query uses the parameter :{name}, but no argument named '{name}' was given.",
                        new Dictionary<string, string> { ["name"] = name });
                return renderedNamed[name] = "(" + render(value) + ")";
            },
            () =>
            {
                if (nextPositional >= positional.Count)
                    throw new LocalEngineException("UNBOUND_SQL_PARAMETER", "42P02",
                        $"The SQL query has more ? markers than the {positional.Count} positional argument(s) given.",
                        new Dictionary<string, string> { ["name"] = "_" + (nextPositional + 1) });
                return "(" + render(positional[nextPositional++]) + ")";
            });
    }
}
