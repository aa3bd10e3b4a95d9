using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Operators;

namespace Spark.Linq.Translation.Joins;

/// <summary>
/// LINQ's answer for an aggregate over no rows, where the groups are LEFT OUTER joined (a GroupJoin's
/// <c>g</c>, a correlated subquery) and a row without matches finds no group, so the aggregate column is
/// null: Count and Sum are 0, Any is false, All is true, ToList is empty, Min/Max/Average of a nullable
/// value are null. Min/Max/Average of a non-nullable value throw in LINQ for no rows; Spark can't throw
/// per row, so that form is refused with the nullable form to write instead.
/// </summary>
internal static class EmptyGroups
{
    public static SparkValue Answer(TranslationContext context, MethodCallExpression call, SparkValue value)
    {
        var name = call.Method.Name;
        switch (name)
        {
            case "Count" or "LongCount" or "Sum":
                return SparkValue.NotNull(Expr.Fn("coalesce", value.Expression, AggregateOperators.ZeroOf(context, call.Type, call)), call.Type);
            case "Any":
                return SparkValue.NotNull(Expr.Fn("coalesce", value.Expression, Expr.Lit(false)), typeof(bool));
            case "All":
                return SparkValue.NotNull(Expr.Fn("coalesce", value.Expression, Expr.Lit(true)), typeof(bool));
            case "ToList" or "ToArray" or "ToHashSet":
                return SparkValue.NotNull(Expr.Fn("coalesce", value.Expression, Expr.Fn("array")), call.Type);
            case "Min" or "Max" or "Average" when TypeClassifier.CanBeNull(call.Type):
                return value with { CanBeNull = true };
            case "Min" or "Max" or "Average":
                throw NonNullable(context, call);
            default:
                return value;
        }
    }

    /// <summary>
    /// The refusal of Min/Max/Average of a non-nullable value over rows that may not exist (<paramref name="call"/>: as the user
    /// wrote it). Final: the client can't run it instead, as it aggregates other rows.
    /// </summary>
    public static SparkTranslationException NonNullable(TranslationContext context, MethodCallExpression call)
    {
        var name = call.Method.Name;
        var refused = context.NotSupported(call,
            $"{name} of a non-nullable value over rows that may have no match: LINQ throws for an empty sequence, and Spark can't throw per row.",
            $"Aggregate a nullable value to get null where nothing matched: {NullableForm(context, call)}.");
        return new SparkTranslationException(refused.Expression, refused.OperatorName, refused.Reason, refused.Suggestion) { IsFinal = true };
    }

    /// <summary>True for Min/Max/Average of a non-nullable value, which LINQ answers with an exception for no rows.</summary>
    public static bool ThrowsWhenEmpty(MethodCallExpression call) =>
        call.Method.Name is "Min" or "Max" or "Average" && !TypeClassifier.CanBeNull(call.Type);

    /// <summary>The call with its selector's value cast to nullable: <c>Max(o =&gt; (decimal?)o.Amount)</c>.</summary>
    private static string NullableForm(TranslationContext context, MethodCallExpression call)
    {
        var type = Materialization.TypeNames.Of(call.Type) + "?";
        var lambda = call.Arguments.Count == 2 ? StripQuote(call.Arguments[1]) : null;
        return lambda is LambdaExpression { Parameters: [var row] } selector
            ? $"{call.Method.Name}({row.Name} => ({type}){Operand(ExpressionPrinter.Print(selector.Body, context.Origins), selector.Body)})"
            : $"Select(x => ({type})x).{call.Method.Name}()";
    }

    private static Expression StripQuote(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : e;

    private static string Operand(string printed, Expression body) => body is MemberExpression or ParameterExpression || printed.StartsWith('(') && printed.EndsWith(')') ? printed : "(" + printed + ")";
}
