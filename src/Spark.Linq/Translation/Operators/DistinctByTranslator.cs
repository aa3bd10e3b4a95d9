using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// <c>DistinctBy(key)</c>: LINQ keeps the first row of each key in the order in force. Under an ordering that
/// is exact: the first row per key by <c>row_number()</c> over that ordering (<see cref="FirstRowPerKey"/>), the
/// ordering applied again on top. Without one, Spark's rows have no order, so which row of a key survives is
/// Spark's choice (as the official client's <c>dropDuplicates(cols)</c>): key columns become
/// <c>Deduplicate [cols]</c>, computed keys a <c>row_number()</c> ordered by the keys themselves.
/// </summary>
internal static class DistinctByTranslator
{
    public static QueryState Translate(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        if (call.Arguments.Count > 2)
            throw context.NotSupported(call, "a custom IEqualityComparer can't run on Spark.",
                "Remove the comparer: Spark compares keys itself (strings ordinally); for case-insensitive keys use x => x.Name.ToLower().");
        source = Joins.InlineRows.Materialize(context, source);
        var keySelector = QueryTranslator.Lambda(call.Arguments[1]);
        var keys = Keys(context, source, keySelector);
        if (source.Ordering.Count > 0)
        {
            var kept = FirstRowPerKey.Keep(context, source.Relation, keys, source.Ordering);
            return source with { Relation = context.Rel.Sort(kept, source.Ordering), SortInput = kept };
        }
        // Deduplicate matches column names literally: only plain names (not quoted, not qualified) can go there.
        if (keys.All(k => k.ExprTypeCase == SparkExpression.ExprTypeOneofCase.UnresolvedAttribute && k.UnresolvedAttribute.UnparsedIdentifier.IndexOfAny(['`', '.']) < 0))
            return source with { Relation = context.Rel.Deduplicate(source.Relation, keys.Select(k => k.UnresolvedAttribute.UnparsedIdentifier)) };
        var anyOrder = keys.Select(k => Expr.Sort(k, descending: false, nullsFirst: true));
        return source with { Relation = FirstRowPerKey.Keep(context, source.Relation, keys, anyOrder) };
    }

    /// <summary>One partition key per member of a <c>new { … }</c> key (anonymous types compare member by member), else the key itself.</summary>
    private static List<SparkExpression> Keys(TranslationContext context, QueryState source, LambdaExpression keySelector)
    {
        using var bound = context.Bind(keySelector.Parameters[0], source.Row);
        if (ProjectionMembers.TryGet(context, keySelector.Body) is { } members)
            return members.Select(m => ScalarTranslator.Translate(context, m.Value).Expression).ToList();
        if (!TypeClassifier.IsScalar(keySelector.Body.Type))
            throw context.NotSupported(keySelector.Body, "a DistinctBy key must be a single value or a new { … } of values.",
                "Use DistinctBy(x => new { x.A, x.B }) or one member; Distinct() compares whole rows.");
        return [ScalarTranslator.Translate(context, keySelector.Body).Expression];
    }
}
