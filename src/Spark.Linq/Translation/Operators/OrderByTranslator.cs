using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// OrderBy/ThenBy (and Descending) → one global <c>Sort</c>. Nulls come first ascending and last
/// descending, as in LINQ-to-Objects (null is the smallest value). ThenBy rebuilds the Sort with one
/// more key instead of stacking Sorts.
/// </summary>
internal static class OrderByTranslator
{
    public static QueryState Translate(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        if (call.Arguments.Count > 2)
            throw context.NotSupported(call, "a custom IComparer can't run on Spark.",
                "Remove the comparer and order by a value Spark can compare (e.g. x.Name.ToLower() for a case-insensitive order), or call AsEnumerable() before it.");
        var name = call.Method.Name;
        var descending = name.EndsWith("Descending", StringComparison.Ordinal);
        var thenBy = name.StartsWith("ThenBy", StringComparison.Ordinal);
        if (thenBy && source.SortInput is null)
            throw context.NotSupported(call, "ThenBy must follow OrderBy or ThenBy directly.", "Move ThenBy next to its OrderBy.");

        var keySelector = QueryTranslator.Lambda(call.Arguments[1]);
        Spark.Connect.Protocol.Expression key;
        using (context.Bind(keySelector.Parameters[0], source.Row))
            key = ScalarTranslator.Translate(context, keySelector.Body).Expression;

        var order = Expr.Sort(key, descending, nullsFirst: !descending);
        // LINQ sorts stably: OrderBy over rows already ordered keeps the earlier order among ties, so
        // the earlier keys follow the new one. Spark's sort is not stable and drops a Sort under a Sort.
        var ordering = source.Ordering.ToList();
        var position = thenBy ? source.ThenByPosition : 0;
        ordering.Insert(position, order);
        var input = source.SortInput ?? source.Relation;
        return source with { Relation = context.Rel.Sort(input, ordering), Ordering = ordering, SortInput = input, ThenByPosition = position + 1 };
    }

    public static bool IsOrderBy(string name) => name.StartsWith("OrderBy", StringComparison.Ordinal) || name.StartsWith("ThenBy", StringComparison.Ordinal);

    /// <summary>The same keys with every direction and null placement flipped (for Last).</summary>
    public static IReadOnlyList<Spark.Connect.Protocol.Expression.Types.SortOrder> Reverse(IEnumerable<Spark.Connect.Protocol.Expression.Types.SortOrder> ordering) =>
        ordering.Select(o => Expr.Sort(o.Child, descending: o.Direction != Spark.Connect.Protocol.Expression.Types.SortOrder.Types.SortDirection.Descending,
            nullsFirst: o.NullOrdering != Spark.Connect.Protocol.Expression.Types.SortOrder.Types.NullOrdering.SortNullsFirst)).ToList();
}
