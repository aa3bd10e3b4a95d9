using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Methods;
using Spark.Linq.Translation.Operators;
using JoinType = Spark.Connect.Protocol.Join.Types.JoinType;

namespace Spark.Linq.Translation.Joins;

/// <summary>
/// An uncorrelated aggregate of another query inside a lambda (<c>o.Amount &gt; orders.Average(x =&gt; x.Amount)</c>)
/// → that query's one-row global Aggregate, cross-joined into the input of the Where or Select that uses
/// it, and read as its column. Queries that read the outer row (correlated) are rejected.
/// </summary>
internal sealed class ScalarSubqueries : IMethodCallTranslator
{
    private static readonly HashSet<string> Aggregates = ["Count", "LongCount", "Sum", "Min", "Max", "Average"];

    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (!QueryTranslator.IsQueryable(call) || !Aggregates.Contains(call.Method.Name) || !QueryTranslator.IsSparkQuery(call.Arguments[0])) return null;
        if (FreeParameters.Any(call))
            throw context.NotSupported(call, "a subquery that reads the outer row (a correlated subquery) can't be translated.",
                "Join the tables and GroupBy instead, or compute the inner value per key in a separate query and join it.");
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

    /// <summary>Cross-joins the scalar subqueries the current operator used into <paramref name="input"/> (none: unchanged).</summary>
    public static Spark.Connect.Protocol.Relation Attach(TranslationContext context, Spark.Connect.Protocol.Relation input)
    {
        foreach (var scalar in context.TakeScalarSubqueries())
            input = context.Rel.Join(input, scalar, null, JoinType.Cross);
        return input;
    }

    /// <summary>Finds parameters used but not declared inside an expression: a reference to an enclosing lambda's row.</summary>
    private sealed class FreeParameters : Query.Depth.GuardedExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> _declared = [];
        private bool _free;

        public static bool Any(Expression expression)
        {
            var finder = new FreeParameters();
            finder.Visit(expression);
            return finder._free;
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _declared.UnionWith(node.Parameters);
            return base.VisitLambda(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (!_declared.Contains(node)) _free = true;
            return node;
        }

        protected override Expression VisitExtension(Expression node) => node;
    }
}
