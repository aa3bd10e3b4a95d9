namespace Spark.Connect.Local.Planning.Relations;

/// <summary>
/// A user's SQL passed through to DuckDB. Named arguments (<c>args</c>, <c>named_arguments</c>) and
/// positional ones (<c>pos_args</c>, <c>pos_arguments</c>) are bound as parameters in place of the
/// <c>:name</c> and <c>?</c> markers, so argument values never become SQL text.
/// </summary>
internal static class SqlRelationRenderer
{
    internal static Source Render(RelationRenderer renderer, Relation relation)
    {
        var sql = relation.Sql;
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
            ? Bind(renderer, sql.Query, named, positional)
            : SqlPlaceholderRewriter.Rewrite(sql.Query, name => ":" + name, () => "?");
        // A trailing semicolon ends a statement; inside the subquery a parent wraps it in, it would be a syntax error.
        query = TempViewCtes.Prefix(renderer, query.TrimEnd().TrimEnd(';').TrimEnd());
        return Source.FromQuery(renderer.Context, query, RelationRenderer.PlanId(relation), Scope.Empty);
    }

    private static string Bind(RelationRenderer renderer, string query, Dictionary<string, Expression> named, List<Expression> positional)
    {
        // Arguments are constant expressions: they are rendered over no input, each once, and reused per marker.
        var expressions = renderer.Expressions(new Source("", Scope.Empty, [], "*", null, null));
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
                return renderedNamed[name] = "(" + expressions.Render(value) + ")";
            },
            () =>
            {
                if (nextPositional >= positional.Count)
                    throw new LocalEngineException("UNBOUND_SQL_PARAMETER", "42P02",
                        $"The SQL query has more ? markers than the {positional.Count} positional argument(s) given.",
                        new Dictionary<string, string> { ["name"] = "_" + (nextPositional + 1) });
                return "(" + expressions.Render(positional[nextPositional++]) + ")";
            });
    }
}
