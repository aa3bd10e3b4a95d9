using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// <c>MaxBy(key)</c> / <c>MinBy(key)</c> ending a query → a <c>Sort</c> by the key (greatest first, or least first) with
/// null keys last, since LINQ skips them, then <c>Limit 1</c>. LINQ returns the first of several rows with the extreme key;
/// the ordering in force follows the key in the Sort, so ties go to the row that ordering puts first (exact), and without
/// one Spark picks any of them. No rows: default for a nullable or reference row type, else LINQ's exception.
/// </summary>
internal static class ExtremeRow
{
    public static TranslatedQuery Translate(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        if (call.Arguments.Count > 2)
            throw context.NotSupported(call, "a custom IComparer can't run on Spark.",
                $"Remove the comparer and {call.Method.Name} a value Spark can compare, or call AsEnumerable() before it.");
        source = Joins.InlineRows.Materialize(context, source);
        var keySelector = QueryTranslator.Lambda(call.Arguments[1]);
        Spark.Connect.Protocol.Expression key;
        using (context.Bind(keySelector.Parameters[0], source.Row))
            key = ScalarTranslator.Translate(context, keySelector.Body).Expression;
        var descending = call.Method.Name == nameof(Queryable.MaxBy);
        var order = new[] { Expr.Sort(key, descending, nullsFirst: false) }.Concat(source.Ordering);
        var relation = context.Rel.Limit(context.Rel.Sort(source.SortInput ?? source.Relation, order), 1);
        var kind = TypeClassifier.CanBeNull(call.Type) ? QueryResultKind.FirstOrDefault : QueryResultKind.First;
        return new TranslatedQuery(relation, source.Row, kind, call.Type);
    }
}
