using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Methods;
using Spark.Linq.Translation.Operators;
using JoinType = Spark.Connect.Protocol.Join.Types.JoinType;

namespace Spark.Linq.Translation.Joins;

/// <summary>
/// An uncorrelated aggregate of another query inside a lambda (<c>o.Amount &gt; orders.Average(x =&gt; x.Amount)</c>)
/// → that query's one-row global Aggregate, cross-joined into the input of the Where or Select that uses
/// it, and read as its column. Queries that read the outer row go to <see cref="CorrelatedAggregates"/>.
/// </summary>
internal sealed class ScalarSubqueries : IMethodCallTranslator
{
    private static readonly HashSet<string> Aggregates = ["Count", "LongCount", "Sum", "Min", "Max", "Average"];

    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (!QueryTranslator.IsQueryable(call) || !QueryTranslator.IsSparkQuery(call.Arguments[0])) return null;
        if (CorrelatedAggregates.Handles(call.Method.Name) && FreeParameters.Of(call).Count > 0) return CorrelatedAggregates.Translate(context, call);
        if (!Aggregates.Contains(call.Method.Name)) return null;
        // The inner query's own Where/Select must not take the outer operator's subqueries.
        var previous = context.Operator;
        var outer = context.TakeScalarSubqueries();
        var translated = QueryTranslator.Translate(context, call);
        context.RestoreScalarSubqueries(outer);
        context.Operator = previous;
        var name = context.AddScalarSubquery(translated.Relation);
        translated.Relation.Aggregate.AggregateExpressions[0].Alias.Name[0] = name;
        return SparkValue.Of(Expr.Col(name), call.Type);
    }

    /// <summary>Joins the scalar subqueries the current operator used (uncorrelated: cross; correlated: left outer on the keys) into <paramref name="input"/> (none: unchanged).</summary>
    public static Spark.Connect.Protocol.Relation Attach(TranslationContext context, Spark.Connect.Protocol.Relation input)
    {
        foreach (var scalar in context.TakeScalarSubqueries())
            input = context.Rel.Join(input, scalar.Relation, scalar.Condition, scalar.Condition is null ? JoinType.Cross : JoinType.LeftOuter);
        return input;
    }
}
