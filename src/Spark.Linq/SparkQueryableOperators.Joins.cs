using System.Linq.Expressions;

namespace Spark.Linq;

// Joins and grouping, each running the Queryable operator of the same name.
public static partial class SparkQueryableOperators
{
    /// <summary>Pairs of rows whose keys are equal (<c>Join INNER</c>).</summary>
    public static ISparkQueryable<TResult> Join<TOuter, TInner, TKey, TResult>(this ISparkQueryable<TOuter> outer, IEnumerable<TInner> inner,
        Expression<Func<TOuter, TKey>> outerKeySelector, Expression<Func<TInner, TKey>> innerKeySelector, Expression<Func<TOuter, TInner, TResult>> resultSelector) =>
        Spark(Queryable.Join(outer, inner, outerKeySelector, innerKeySelector, resultSelector));

    /// <summary>Each outer row with its matching inner rows; translates when flattened again by SelectMany (<c>join … into g from x in g.DefaultIfEmpty()</c>).</summary>
    public static ISparkQueryable<TResult> GroupJoin<TOuter, TInner, TKey, TResult>(this ISparkQueryable<TOuter> outer, IEnumerable<TInner> inner,
        Expression<Func<TOuter, TKey>> outerKeySelector, Expression<Func<TInner, TKey>> innerKeySelector,
        Expression<Func<TOuter, IEnumerable<TInner>, TResult>> resultSelector) =>
        Spark(Queryable.GroupJoin(outer, inner, outerKeySelector, innerKeySelector, resultSelector));

    /// <summary>Every outer row with its matching inner rows, or with default when none matches (<c>Join LEFT_OUTER</c>).</summary>
    public static ISparkQueryable<TResult> LeftJoin<TOuter, TInner, TKey, TResult>(this ISparkQueryable<TOuter> outer, IEnumerable<TInner> inner,
        Expression<Func<TOuter, TKey>> outerKeySelector, Expression<Func<TInner, TKey>> innerKeySelector, Expression<Func<TOuter, TInner?, TResult>> resultSelector) =>
        Spark(Queryable.LeftJoin(outer, inner, outerKeySelector, innerKeySelector, resultSelector));

    /// <summary>Every inner row with its matching outer rows, or with default when none matches (<c>Join RIGHT_OUTER</c>).</summary>
    public static ISparkQueryable<TResult> RightJoin<TOuter, TInner, TKey, TResult>(this ISparkQueryable<TOuter> outer, IEnumerable<TInner> inner,
        Expression<Func<TOuter, TKey>> outerKeySelector, Expression<Func<TInner, TKey>> innerKeySelector, Expression<Func<TOuter?, TInner, TResult>> resultSelector) =>
        Spark(Queryable.RightJoin(outer, inner, outerKeySelector, innerKeySelector, resultSelector));

    /// <summary>Rows grouped by <paramref name="keySelector"/> (an <c>Aggregate</c>); select from the groups to read them.</summary>
    public static ISparkQueryable<IGrouping<TKey, T>> GroupBy<T, TKey>(this ISparkQueryable<T> source, Expression<Func<T, TKey>> keySelector) =>
        Spark(Queryable.GroupBy(source, keySelector));

    /// <summary>Values of <paramref name="elementSelector"/> grouped by <paramref name="keySelector"/>.</summary>
    public static ISparkQueryable<IGrouping<TKey, TElement>> GroupBy<T, TKey, TElement>(this ISparkQueryable<T> source,
        Expression<Func<T, TKey>> keySelector, Expression<Func<T, TElement>> elementSelector) =>
        Spark(Queryable.GroupBy(source, keySelector, elementSelector));

    /// <summary>One result per group, made by <paramref name="resultSelector"/> from the key and the group's rows.</summary>
    public static ISparkQueryable<TResult> GroupBy<T, TKey, TResult>(this ISparkQueryable<T> source,
        Expression<Func<T, TKey>> keySelector, Expression<Func<TKey, IEnumerable<T>, TResult>> resultSelector) =>
        Spark(Queryable.GroupBy(source, keySelector, resultSelector));

    /// <summary>One result per group, made by <paramref name="resultSelector"/> from the key and the group's values of <paramref name="elementSelector"/>.</summary>
    public static ISparkQueryable<TResult> GroupBy<T, TKey, TElement, TResult>(this ISparkQueryable<T> source, Expression<Func<T, TKey>> keySelector,
        Expression<Func<T, TElement>> elementSelector, Expression<Func<TKey, IEnumerable<TElement>, TResult>> resultSelector) =>
        Spark(Queryable.GroupBy(source, keySelector, elementSelector, resultSelector));
}
