using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using JoinType = Spark.Connect.Protocol.Join.Types.JoinType;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Joins;

/// <summary>
/// Subqueries as conditions of Where: <c>other.Any(x =&gt; …)</c> → a left semi join on the inner
/// condition, <c>!other.Any(…)</c> → a left anti join, <c>other.Select(x =&gt; x.Id).Contains(o.Id)</c>
/// → a semi join on equality (null-safe under C# nulls, as Contains is), negated → anti join. Only
/// whole conditions joined by <c>&amp;&amp;</c> qualify; the other conditions stay a Filter.
/// </summary>
internal static class SemiJoins
{
    /// <summary>The filtered rows, or null when <paramref name="predicate"/> has no subquery condition.</summary>
    public static QueryState? TryTranslate(TranslationContext context, QueryState source, LambdaExpression predicate, Expression origin)
    {
        var conjuncts = new List<Expression>();
        Split(predicate.Body, conjuncts);
        var subqueries = conjuncts.Where(c => Subquery(c) is not null).ToList();
        if (subqueries.Count == 0) return null;

        var left = JoinSide.Prepare(context, source, predicate.Parameters[0].Name, origin);
        using var scope = context.Bind(predicate.Parameters[0], left.Row);
        var relation = left.Relation;
        var plain = conjuncts.Except(subqueries).Select(c => ScalarTranslator.TranslatePredicate(context, c).Expression).ToList();
        if (plain.Count > 0)
            relation = context.Rel.Filter(ScalarSubqueries.Attach(context, relation), plain.Skip(1).Aggregate(plain[0], (all, next) => Expr.Fn("and", all, next)));
        foreach (var conjunct in subqueries)
        {
            var (call, negated) = Subquery(conjunct)!.Value;
            var (inner, condition) = Condition(context, call);
            relation = context.Rel.Join(relation, inner, condition, negated ? JoinType.LeftAnti : JoinType.LeftSemi);
        }
        // A semi join keeps the left rows but not their order: sort again by the (now qualified) keys.
        var ordering = source.Inline || left.Relation.SubqueryAlias is not { } alias
            ? source.Ordering
            : source.Ordering.Select(o => new SparkExpression.Types.SortOrder(o) { Child = Expr.Qualify(o.Child, alias.Alias) }).ToList();
        if (ordering.Count > 0) relation = context.Rel.Sort(relation, ordering);
        return new QueryState(relation, left.Row) { Inline = true, Ordering = ordering };
    }

    private static void Split(Expression body, List<Expression> conjuncts)
    {
        if (body is BinaryExpression { NodeType: ExpressionType.AndAlso } and)
        {
            Split(and.Left, conjuncts);
            Split(and.Right, conjuncts);
        }
        else
        {
            conjuncts.Add(body);
        }
    }

    private static (MethodCallExpression Call, bool Negated)? Subquery(Expression condition) => condition switch
    {
        UnaryExpression { NodeType: ExpressionType.Not, Operand: var operand } when Subquery(operand) is { } inner => (inner.Call, !inner.Negated),
        MethodCallExpression call when QueryTranslator.IsQueryable(call) && call.Method.Name is nameof(Queryable.Any) or nameof(Queryable.Contains)
            && QueryTranslator.IsSparkQuery(call.Arguments[0]) => (call, false),
        _ => null,
    };

    private static (Spark.Connect.Protocol.Relation Inner, SparkExpression? Condition) Condition(TranslationContext context, MethodCallExpression call)
    {
        var previous = context.Operator;
        var innerQuery = QueryTranslator.TranslateSequence(context, call.Arguments[0]);
        context.Operator = previous;
        if (call.Method.Name == nameof(Queryable.Any))
        {
            var innerPredicate = call.Arguments.Count > 1 ? QueryTranslator.Lambda(call.Arguments[1]) : null;
            var inner = JoinSide.PrepareRight(context, innerQuery, innerPredicate?.Parameters[0].Name, call);
            if (innerPredicate is null) return (inner.Relation, null);
            using var innerScope = context.Bind(innerPredicate.Parameters[0], inner.Row);
            return (inner.Relation, ScalarTranslator.TranslatePredicate(context, innerPredicate.Body).Expression);
        }
        if (call.Arguments.Count > 2)
            throw context.NotSupported(call, "a custom IEqualityComparer can't run on Spark.", "Remove the comparer, or compare ToLower() values.");
        var elements = JoinSide.PrepareRight(context, innerQuery, null, call);
        if (elements.Row.IsComplex)
            throw context.NotSupported(call, "Contains over a query of whole rows compares objects, which Spark can't.",
                "Select the value first: other.Select(x => x.Id).Contains(o.Id).");
        var value = ScalarTranslator.Translate(context, call.Arguments[1]);
        var element = SparkValue.Of(elements.Row.Reference, elements.Row.ClrType);
        return (elements.Relation, NullSemantics.Equal(context, element, value).Expression);
    }
}
