using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// Operators that end a query. Element operators fetch at most the rows they need (First: 1,
/// Single: 2 so a second row can be detected, Last: 1 under the reversed ordering, ElementAt: 1 after
/// an offset). Aggregates become a single-row global <c>Aggregate</c>.
/// </summary>
internal static class TerminalOperators
{
    private static readonly HashSet<string> Elements = ["First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault", "ElementAt", "ElementAtOrDefault", "MaxBy", "MinBy"];

    public static bool Handles(string name) => Elements.Contains(name) || AggregateOperators.Handles(name);

    public static TranslatedQuery Translate(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        var previousOperator = context.Operator;
        context.Operator = call.Method.Name;
        try
        {
            return Elements.Contains(call.Method.Name)
                ? TranslateElement(context, source, call)
                : AggregateOperators.Translate(context, source, call);
        }
        finally
        {
            context.Operator = previousOperator;
        }
    }

    private static TranslatedQuery TranslateElement(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        var name = call.Method.Name;
        if (name is "MaxBy" or "MinBy") return ExtremeRow.Translate(context, source, call);
        var orDefault = name.EndsWith("OrDefault", StringComparison.Ordinal);
        if (call.Arguments.Count > 1 && call.Arguments[1].Type != typeof(int) && !IsPredicate(call.Arguments[1]))
            throw context.NotSupported(call, $"the overload of {name} with a default value or index type {call.Arguments[1].Type.Name} is not supported.");

        source = Joins.InlineRows.Materialize(context, source);
        var relation = source.Relation;
        if (call.Arguments.Count > 1 && IsPredicate(call.Arguments[1]))
            relation = WhereTranslator.Filter(context, source, QueryTranslator.Lambda(call.Arguments[1]));

        QueryResultKind kind;
        switch (name)
        {
            case "First" or "FirstOrDefault":
                relation = context.Rel.Limit(relation, 1);
                kind = orDefault ? QueryResultKind.FirstOrDefault : QueryResultKind.First;
                break;
            case "Single" or "SingleOrDefault":
                relation = context.Rel.Limit(relation, 2);
                kind = orDefault ? QueryResultKind.SingleOrDefault : QueryResultKind.Single;
                break;
            case "Last" or "LastOrDefault":
                if (source.Ordering.Count == 0)
                    throw context.NotSupported(call, $"{name} needs an ordering to reverse: Spark rows have no inherent order, and an ordering whose keys a Select dropped can't be reversed.",
                        $"Call OrderBy before {name}, on columns the query still has (or keep the sort keys in the Select).");
                relation = context.Rel.Limit(context.Rel.Sort(relation, OrderByTranslator.Reverse(source.Ordering)), 1);
                kind = orDefault ? QueryResultKind.FirstOrDefault : QueryResultKind.First;
                break;
            default: // ElementAt, ElementAtOrDefault
                var index = QueryTranslator.IntArgument(context, call.Arguments[1]);
                if (index < 0 && !orDefault)
                    throw new ArgumentOutOfRangeException("index", index, "ElementAt needs an index of 0 or more.");
                relation = context.Rel.Limit(context.Rel.Offset(relation, Math.Max(0, index)), index < 0 ? 0 : 1);
                kind = orDefault ? QueryResultKind.FirstOrDefault : QueryResultKind.First;
                break;
        }
        return new TranslatedQuery(relation, source.Row, kind, call.Type);
    }

    private static bool IsPredicate(Expression argument) =>
        argument is UnaryExpression { NodeType: ExpressionType.Quote, Operand: LambdaExpression { ReturnType: var r } } && r == typeof(bool);
}
