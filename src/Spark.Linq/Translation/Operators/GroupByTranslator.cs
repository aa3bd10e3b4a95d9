using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using Spark.Linq.Translation.Grouping;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// GroupBy → an <c>Aggregate</c> grouped by the key (a scalar key is the column <c>Key</c>, a
/// composite key one column per member). The rows that follow are groups: Where (HAVING), OrderBy,
/// Skip/Take and Select over them add the aggregates they use to that Aggregate and refer to its
/// columns; a Select ends the grouping with a projection. A key that does not depend on the row
/// (everything in one group) becomes a global aggregate that yields no group for no rows, as LINQ does.
/// </summary>
internal static class GroupByTranslator
{
    public const string KeyColumn = "Key";
    private const string RowsColumn = "_rows";

    public static QueryState Translate(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        var lambdas = call.Arguments.Skip(1).Select(a => a is UnaryExpression { NodeType: ExpressionType.Quote } ? QueryTranslator.Lambda(a) : null).ToList();
        if (lambdas.Any(l => l is null))
            throw context.NotSupported(call, "a custom IEqualityComparer can't run on Spark.",
                "Remove the comparer: Spark compares keys itself (strings ordinally); for case-insensitive grouping group by x.Name.ToLower().");
        var keySelector = lambdas[0]!;
        var elementSelector = lambdas.Count > 1 && lambdas[1]!.Parameters.Count == 1 ? lambdas[1] : null;
        var resultSelector = lambdas.Count > 1 && lambdas[^1]!.Parameters.Count == 2 ? lambdas[^1] : null;

        var grouping = new List<SparkExpression>();
        ValueShape keyShape;
        ValueShape elements;
        using (context.Bind(keySelector.Parameters[0], source.Row))
            keyShape = Key(context, keySelector.Body, grouping);
        using (context.Bind((elementSelector ?? keySelector).Parameters[0], source.Row))
            elements = elementSelector is null ? source.Row : InlineShape.Of(context, elementSelector.Body);

        var aggregate = context.Rel.Aggregate(source.Relation, grouping, []);
        var scope = new GroupScope(aggregate.Aggregate, elements, grouping.Select(g => g.Alias.Name[0]).Append(RowsColumn));
        var relation = aggregate;
        if (grouping.Count == 0)
        {
            // A global aggregate has one row even over no rows; LINQ has no group then.
            aggregate.Aggregate.AggregateExpressions.Add(Expr.Alias(Expr.Fn("count", Expr.Lit(1)), RowsColumn));
            relation = context.Rel.Filter(aggregate, Expr.Fn(">", Expr.Col(RowsColumn), Expr.Lit(0)));
        }
        var groupType = typeof(IGrouping<,>).MakeGenericType(keySelector.ReturnType, elementSelector?.ReturnType ?? source.Row.ClrType);
        var state = new QueryState(relation, ValueShape.Grouping(groupType, keyShape, scope));
        if (resultSelector is null) return state;

        // GroupBy(key, (k, g) => …) is GroupBy(key).Select(g => … with k as g.Key).
        using var keyScope = context.Bind(resultSelector.Parameters[0], keyShape);
        using var groupScope = context.Bind(resultSelector.Parameters[1], state.Row);
        var projection = Projection.Build(context, resultSelector.Body);
        return new QueryState(context.Rel.Project(relation, projection.Columns), projection.Row);
    }

    /// <summary>The key's shape over the Aggregate's output, adding its grouping expressions to <paramref name="grouping"/>.</summary>
    private static ValueShape Key(TranslationContext context, Expression body, List<SparkExpression> grouping)
    {
        if (ProjectionMembers.TryGet(context, body) is { } members)
        {
            var shapes = new List<KeyValuePair<string, ValueShape>>();
            foreach (var (member, column, value) in members)
            {
                if (!TypeClassifier.IsScalar(value.Type))
                    throw context.NotSupported(value, "a key member must be a single value (a column or a computed scalar).", "Group by the object's members instead.");
                shapes.Add(new(member, KeyPart(context, value, column, grouping)));
            }
            var composite = ValueShape.Composite(body.Type, Expr.Star(), shapes);
            return ValueShape.Composite(body.Type, InlineShape.StructOf(context, composite), shapes);
        }
        if (!TypeClassifier.IsScalar(body.Type))
            throw context.NotSupported(body, "a key must be a single value or a new { … } of values.", "Group by new { x.A, x.B } or by one member.");
        return KeyPart(context, body, KeyColumn, grouping);
    }

    private static ValueShape KeyPart(TranslationContext context, Expression value, string column, List<SparkExpression> grouping)
    {
        var translated = ScalarTranslator.Translate(context, value);
        // A key the rows don't decide (a constant, a captured value) is the same for every row: not a grouping column.
        if (StripConvert(value) is ConstantExpression) return ValueShape.Scalar(translated.Expression, value.Type);
        grouping.Add(Expr.Alias(translated.Expression, column));
        return ValueShape.Scalar(Expr.Col(column), value.Type);
    }

    private static Expression StripConvert(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Convert } u ? StripConvert(u.Operand) : e;
}
