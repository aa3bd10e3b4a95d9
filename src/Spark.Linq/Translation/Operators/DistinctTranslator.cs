using System.Linq.Expressions;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// Distinct → <c>Deduplicate</c> on all columns. Deduplication does not keep row order on Spark, so
/// an ordering in force is applied again on top.
/// </summary>
internal static class DistinctTranslator
{
    public static QueryState Translate(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        if (call.Arguments.Count > 1)
            throw context.NotSupported(call, "a custom IEqualityComparer can't run on Spark.",
                "Remove the comparer: Spark compares values itself (strings ordinally); for case-insensitive matching select ToLower() first, or call AsEnumerable() before it.");
        source = Joins.InlineRows.Materialize(context, source);
        var distinct = context.Rel.Distinct(source.Relation);
        if (source.Ordering.Count == 0) return source with { Relation = distinct };
        return source with { Relation = context.Rel.Sort(distinct, source.Ordering), SortInput = distinct };
    }
}
