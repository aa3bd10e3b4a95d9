using System.Linq.Expressions;

namespace Spark.Linq;

/// <summary>
/// The LINQ operators Spark.Linq translates, on <see cref="ISparkQueryable{T}"/>: each runs the
/// <see cref="Queryable"/> operator of the same name (so the plan is exactly what Queryable builds) and
/// keeps the query a Spark query, so that Spark's async operators stay the ones that bind at the end of
/// the chain. Method and query syntax (<c>from … where … join … group … orderby … select</c>) both bind
/// here. Operators Spark.Linq does not translate (indexed overloads, comparers, <c>Reverse</c>, …) are
/// not repeated: they bind to <see cref="Queryable"/> and return a plain <see cref="IQueryable{T}"/>.
/// </summary>
/// <remarks>
/// Inside a lambda (a subquery such as <c>o =&gt; customers.Where(…).Any(…)</c>) the expression tree
/// records a call to these methods; the provider maps each back to its <see cref="Queryable"/> twin
/// before translating.
/// </remarks>
public static partial class SparkQueryableOperators
{
    /// <summary>
    /// The same query as an <see cref="ISparkQueryable{T}"/>, for code that holds a Spark query as a plain
    /// <see cref="IQueryable{T}"/> and wants Spark's async operators (<c>ToListAsync</c>, <c>CountAsync</c>, …).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not a Spark.Linq query.</exception>
    public static ISparkQueryable<T> AsSparkQueryable<T>(this IQueryable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source as ISparkQueryable<T> ?? throw NotSpark(source, nameof(source));
    }

    /// <summary>Rows matching <paramref name="predicate"/> (<c>Filter</c>).</summary>
    public static ISparkQueryable<T> Where<T>(this ISparkQueryable<T> source, Expression<Func<T, bool>> predicate) =>
        Spark(Queryable.Where(source, predicate));

    /// <summary>Each row projected by <paramref name="selector"/> (<c>Project</c>).</summary>
    public static ISparkQueryable<TResult> Select<T, TResult>(this ISparkQueryable<T> source, Expression<Func<T, TResult>> selector) =>
        Spark(Queryable.Select(source, selector));

    /// <summary>Each row with every element of <paramref name="selector"/>: another Spark query (a join) or an array column (<c>explode</c>).</summary>
    public static ISparkQueryable<TResult> SelectMany<T, TResult>(this ISparkQueryable<T> source, Expression<Func<T, IEnumerable<TResult>>> selector) =>
        Spark(Queryable.SelectMany(source, selector));

    /// <summary>Each row paired with every element of <paramref name="collectionSelector"/>, combined by <paramref name="resultSelector"/>.</summary>
    public static ISparkQueryable<TResult> SelectMany<T, TCollection, TResult>(this ISparkQueryable<T> source,
        Expression<Func<T, IEnumerable<TCollection>>> collectionSelector, Expression<Func<T, TCollection, TResult>> resultSelector) =>
        Spark(Queryable.SelectMany(source, collectionSelector, resultSelector));

    /// <summary>Rows sorted by <paramref name="keySelector"/>, ascending (nulls first).</summary>
    public static ISparkOrderedQueryable<T> OrderBy<T, TKey>(this ISparkQueryable<T> source, Expression<Func<T, TKey>> keySelector) =>
        Ordered(Queryable.OrderBy(source, keySelector));

    /// <summary>Rows sorted by <paramref name="keySelector"/>, descending (nulls last).</summary>
    public static ISparkOrderedQueryable<T> OrderByDescending<T, TKey>(this ISparkQueryable<T> source, Expression<Func<T, TKey>> keySelector) =>
        Ordered(Queryable.OrderByDescending(source, keySelector));

    /// <summary>Single values sorted ascending by themselves (nulls first).</summary>
    public static ISparkOrderedQueryable<T> Order<T>(this ISparkQueryable<T> source) => Ordered(Queryable.Order(source));

    /// <summary>Single values sorted descending by themselves (nulls last).</summary>
    public static ISparkOrderedQueryable<T> OrderDescending<T>(this ISparkQueryable<T> source) => Ordered(Queryable.OrderDescending(source));

    /// <summary>A further ascending sort key.</summary>
    public static ISparkOrderedQueryable<T> ThenBy<T, TKey>(this ISparkOrderedQueryable<T> source, Expression<Func<T, TKey>> keySelector) =>
        Ordered(Queryable.ThenBy(source, keySelector));

    /// <summary>A further descending sort key.</summary>
    public static ISparkOrderedQueryable<T> ThenByDescending<T, TKey>(this ISparkOrderedQueryable<T> source, Expression<Func<T, TKey>> keySelector) =>
        Ordered(Queryable.ThenByDescending(source, keySelector));

    /// <summary>All rows but the first <paramref name="count"/> (<c>Offset</c>).</summary>
    public static ISparkQueryable<T> Skip<T>(this ISparkQueryable<T> source, int count) => Spark(Queryable.Skip(source, count));

    /// <summary>The first <paramref name="count"/> rows (<c>Limit</c>).</summary>
    public static ISparkQueryable<T> Take<T>(this ISparkQueryable<T> source, int count) => Spark(Queryable.Take(source, count));

    /// <summary>Rows without duplicates (<c>Deduplicate</c>).</summary>
    public static ISparkQueryable<T> Distinct<T>(this ISparkQueryable<T> source) => Spark(Queryable.Distinct(source));

    /// <summary>
    /// The first row of each distinct <paramref name="keySelector"/> value: exact under an ordering (a <c>row_number()</c> window);
    /// without one, Spark keeps any one row per key (<c>Deduplicate [cols]</c>), since its rows have no order.
    /// </summary>
    public static ISparkQueryable<T> DistinctBy<T, TKey>(this ISparkQueryable<T> source, Expression<Func<T, TKey>> keySelector) =>
        Spark(Queryable.DistinctBy(source, keySelector));

    /// <summary>The rows of both queries, duplicates kept (<c>UNION ALL</c>).</summary>
    public static ISparkQueryable<T> Concat<T>(this ISparkQueryable<T> source, IEnumerable<T> other) => Spark(Queryable.Concat(source, other));

    /// <summary>The distinct rows of both queries (<c>UNION</c>).</summary>
    public static ISparkQueryable<T> Union<T>(this ISparkQueryable<T> source, IEnumerable<T> other) => Spark(Queryable.Union(source, other));

    /// <summary>The distinct rows present in both queries (<c>INTERSECT</c>).</summary>
    public static ISparkQueryable<T> Intersect<T>(this ISparkQueryable<T> source, IEnumerable<T> other) => Spark(Queryable.Intersect(source, other));

    /// <summary>The distinct rows of this query absent from <paramref name="other"/> (<c>EXCEPT</c>).</summary>
    public static ISparkQueryable<T> Except<T>(this ISparkQueryable<T> source, IEnumerable<T> other) => Spark(Queryable.Except(source, other));

    // Queryable asks the source's provider for the new query; Spark's provider always makes a SparkQueryable, which is both interfaces.
    private static ISparkQueryable<T> Spark<T>(IQueryable<T> query) => query as ISparkQueryable<T> ?? throw NotSpark(query, "source");

    private static ISparkOrderedQueryable<T> Ordered<T>(IOrderedQueryable<T> query) => query as ISparkOrderedQueryable<T> ?? throw NotSpark(query, "source");

    private static ArgumentException NotSpark(IQueryable query, string parameter) =>
        new($"This query is not a Spark.Linq query (its provider is {query.Provider.GetType().Name}); start it from SparkSession.Table<T>(), Sql<T>() or CreateDataFrame<T>().", parameter);
}
