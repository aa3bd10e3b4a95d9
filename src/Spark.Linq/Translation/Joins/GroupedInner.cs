using Spark.Linq.Plans;
using Spark.Linq.Translation.Grouping;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Joins;

/// <summary>
/// The inner rows of an aggregated GroupJoin or a correlated aggregate, grouped by their join key(s): an
/// <c>Aggregate</c> whose key columns the caller joins on (LEFT OUTER, so outer rows without matches stay)
/// and whose aggregates are added as the query uses them. Every column is named with a prefix unique in the
/// translation, so the joined rows never see two columns of one name; the scope answers empty groups as LINQ does.
/// </summary>
internal static class GroupedInner
{
    public static (Spark.Connect.Protocol.Relation Relation, GroupScope Scope, IReadOnlyList<SparkValue> Keys) Build(
        TranslationContext context, QueryState inner, IReadOnlyList<SparkValue> innerKeys, string columnPrefix)
    {
        var grouping = new List<SparkExpression>();
        var keys = new List<SparkValue>();
        for (var i = 0; i < innerKeys.Count; i++)
        {
            var name = columnPrefix + "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            grouping.Add(Expr.Alias(innerKeys[i].Expression, name));
            keys.Add(innerKeys[i] with { Expression = Expr.Col(name) });
        }
        var relation = context.Rel.Aggregate(inner.Relation, grouping, []);
        var scope = new GroupScope(relation.Aggregate, inner.Row, grouping.Select(g => g.Alias.Name[0]), columnPrefix) { MayBeEmpty = true };
        return (relation, scope, keys);
    }

    /// <summary>The shape that stands for one outer row's group of matches: aggregates over it go to <paramref name="scope"/>.</summary>
    public static ValueShape Group(Type type, GroupScope scope, IReadOnlyList<SparkValue> keys) =>
        ValueShape.Grouping(type, ValueShape.Scalar(keys[0].Expression, keys[0].ClrType), scope);
}
