namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// The arguments of a <c>SQL</c> relation for its parameter markers: <c>:name</c> from <c>args</c> /
/// <c>named_arguments</c>, <c>?</c> from <c>pos_args</c> / <c>pos_arguments</c> in order. A marker becomes the
/// argument's expression itself (a literal or a constant function call): values never become SQL text.
/// </summary>
internal sealed class SqlParameters
{
    private readonly Dictionary<string, Expression> _named;
    private readonly List<Expression> _positional;
    private int _nextPositional;

    private SqlParameters(Dictionary<string, Expression> named, List<Expression> positional)
    {
        _named = named;
        _positional = positional;
    }

    /// <summary>No arguments (expression strings).</summary>
    internal static SqlParameters None => new([], []);

    /// <summary>The arguments a <see cref="SQL"/> relation carries; named and positional together are refused, as Spark does.</summary>
    internal static SqlParameters Of(SQL sql)
    {
        var named = sql.Args.ToDictionary(p => p.Key, p => new Expression { Literal = p.Value }, StringComparer.Ordinal);
        foreach (var (name, value) in sql.NamedArguments)
            named[name] = value;
        var positional = sql.PosArgs.Select(l => new Expression { Literal = l }).Concat(sql.PosArguments).ToList();
        if (named.Count > 0 && positional.Count > 0)
            throw new LocalEngineException("INVALID_QUERY_MIXED_QUERY_PARAMETERS", "42613",
                "Parameterized query must either use positional, or named parameters, but not both.");
        return new SqlParameters(named, positional);
    }

    /// <summary>The argument for <c>:name</c>.</summary>
    internal Expression Named(string name) => _named.TryGetValue(name, out var value)
        ? value.Clone()
        : throw SqlParseErrors.Unbound(name, $"Please, fix `args` and provide a mapping of the parameter to either a SQL literal or collection constructor functions such as `map()`, `array()`, `struct()`.");

    /// <summary>The argument for the next <c>?</c>.</summary>
    internal Expression NextPositional()
    {
        if (_nextPositional >= _positional.Count)
            throw SqlParseErrors.Unbound("_" + (_nextPositional + 1), $"The query has more ? markers than the {_positional.Count} positional argument(s) given.");
        return _positional[_nextPositional++].Clone();
    }
}
