using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// OrderBy/ThenBy (and Descending), and Order()/OrderDescending() on single values → one global <c>Sort</c>. Nulls come first ascending and last
/// descending, as in LINQ-to-Objects (null is the smallest value). ThenBy rebuilds the Sort with one
/// more key instead of stacking Sorts.
/// </summary>
internal static class OrderByTranslator
{
    public static QueryState Translate(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        var name = call.Method.Name;
        var keyless = name is nameof(Queryable.Order) or nameof(Queryable.OrderDescending);
        if (call.Arguments.Count > (keyless ? 1 : 2))
            throw context.NotSupported(call, "a custom IComparer can't run on Spark.",
                "Remove the comparer and order by a value Spark can compare (e.g. x.Name.ToLower() for a case-insensitive order), or call AsEnumerable() before it.");
        var descending = name.EndsWith("Descending", StringComparison.Ordinal);
        var thenBy = name.StartsWith("ThenBy", StringComparison.Ordinal);
        if (thenBy && source.SortInput is null)
            throw context.NotSupported(call, "ThenBy must follow OrderBy or ThenBy directly.", "Move ThenBy next to its OrderBy.");

        var key = keyless ? RowKey(context, source, call) : Key(context, source, QueryTranslator.Lambda(call.Arguments[1]));

        var order = Expr.Sort(key, descending, nullsFirst: !descending);
        // LINQ sorts stably: OrderBy over rows already ordered keeps the earlier order among ties, so
        // the earlier keys follow the new one. Spark's sort is not stable and drops a Sort under a Sort.
        var ordering = source.Ordering.ToList();
        var position = thenBy ? source.ThenByPosition : 0;
        ordering.Insert(position, order);
        var input = source.SortInput ?? source.Relation;
        return source with { Relation = context.Rel.Sort(input, ordering), Ordering = ordering, SortInput = input, ThenByPosition = position + 1 };
    }

    public static bool IsOrderBy(string name) => name.StartsWith("Order", StringComparison.Ordinal) || name.StartsWith("ThenBy", StringComparison.Ordinal);

    private static Spark.Connect.Protocol.Expression Key(TranslationContext context, QueryState source, LambdaExpression keySelector)
    {
        using (context.Bind(keySelector.Parameters[0], source.Row))
            return ScalarTranslator.Translate(context, keySelector.Body).Expression;
    }

    /// <summary>Order()/OrderDescending() sort a sequence of single values by the value itself.</summary>
    private static Spark.Connect.Protocol.Expression RowKey(TranslationContext context, QueryState source, MethodCallExpression call) =>
        source.Row.IsComplex || source.Row.Group is not null
            ? throw context.NotSupported(call, $"{call.Method.Name}() sorts by the values themselves, and rows of {source.Row.ClrType.Name} are objects, which C# compares through IComparer.",
                $"Order by a member instead: OrderBy(x => x.Member), or Select the value first.")
            : source.Row.Reference;

    /// <summary>The same keys with every direction and null placement flipped (for Last).</summary>
    public static IReadOnlyList<Spark.Connect.Protocol.Expression.Types.SortOrder> Reverse(IEnumerable<Spark.Connect.Protocol.Expression.Types.SortOrder> ordering) =>
        ordering.Select(o => Expr.Sort(o.Child, descending: o.Direction != Spark.Connect.Protocol.Expression.Types.SortOrder.Types.SortDirection.Descending,
            nullsFirst: o.NullOrdering != Spark.Connect.Protocol.Expression.Types.SortOrder.Types.NullOrdering.SortNullsFirst)).ToList();
}
