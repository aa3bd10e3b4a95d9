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

    public GroupScope(Aggregate aggregate, ValueShape elements, IEnumerable<string> keyColumns)
    {
        _aggregate = aggregate;
        Elements = elements;
        _names.UnionWith(keyColumns);
    }

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
        var column = name;
        for (var i = 1; !_names.Add(column); i++) column = $"{name}_{i}";
        _aggregate.AggregateExpressions.Add(Expr.Alias(aggregate, column));
        return Expr.Col(column);
    }
}
