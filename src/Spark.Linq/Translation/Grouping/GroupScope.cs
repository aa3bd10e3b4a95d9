using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Linq.Plans;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Grouping;

/// <summary>
/// One GroupBy being translated: the <c>Aggregate</c> relation it became and the shape of the group's
/// elements over the Aggregate's input. Operators after GroupBy (Where as HAVING, OrderBy, Select)
/// add the aggregates they use to that same Aggregate, each once, and read them back as columns.
/// </summary>
internal sealed class GroupScope
{
    private readonly Aggregate _aggregate;
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

    private readonly string _columnPrefix;

    // columnPrefix goes before every aggregate column's name, when the Aggregate is joined to other rows whose column
    // names it must not take (a GroupJoin's groups, a correlated subquery).
    public GroupScope(Aggregate aggregate, ValueShape elements, IEnumerable<string> keyColumns, string columnPrefix = "")
    {
        _aggregate = aggregate;
        Elements = elements;
        _names.UnionWith(keyColumns);
        _columnPrefix = columnPrefix;
    }

    /// <summary>
    /// True when the groups are LEFT OUTER joined to other rows (a GroupJoin, a correlated subquery), so a row with no
    /// inner rows finds no group and each aggregate must be read with LINQ's answer for an empty sequence.
    /// </summary>
    public bool MayBeEmpty { get; init; }

    /// <summary>The shape of one element of a group, in terms of the Aggregate's input columns.</summary>
    public ValueShape Elements { get; }

    /// <summary>
    /// The output column holding <paramref name="aggregate"/>: an existing one when the same aggregate
    /// was already added (so <c>g.Count()</c> in Where and Select is computed once), else a new column
    /// named after <paramref name="name"/> (the function), made unique.
    /// </summary>
    public SparkExpression Add(SparkExpression aggregate, string name)
    {
        foreach (var existing in _aggregate.AggregateExpressions)
        {
            if (existing.Alias is { } alias && Expr.Same(alias.Expr, aggregate)) return Expr.Col(alias.Name[0]);
        }
        var column = _columnPrefix + name;
        for (var i = 1; !_names.Add(column); i++) column = $"{_columnPrefix}{name}_{i}";
        _aggregate.AggregateExpressions.Add(Expr.Alias(aggregate, column));
        return Expr.Col(column);
    }
}
