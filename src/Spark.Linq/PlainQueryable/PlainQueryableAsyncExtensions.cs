namespace Spark.Linq.PlainQueryable;

/// <summary>
/// Spark's async operators on a plain <see cref="IQueryable{T}"/>, for code that holds Spark queries under that
/// type (a repository interface, a query shared with LINQ-to-Objects) and does not import another provider's
/// async operators. Each does what the operator of the same name in <see cref="SparkQueryableAsyncExtensions"/>
/// does, after <see cref="SparkQueryableOperators.AsSparkQueryable{T}"/>.
/// </summary>
/// <remarks>
/// These live apart from <c>Spark.Linq</c> on purpose: Entity Framework Core declares the same names on
/// <see cref="IQueryable{T}"/>, and C# can't choose between two extension methods of one parameter type, so a
/// file importing both namespaces would fail to compile (CS0121) on every <c>ToListAsync</c>. Don't import this
/// namespace in such a file; call <c>AsSparkQueryable()</c> there instead. A query of another provider is
/// refused with an <see cref="ArgumentException"/>, as by <c>AsSparkQueryable()</c>.
/// </remarks>
public static partial class PlainQueryableAsyncExtensions
{
    /// <summary>Yields the rows as they arrive, batch by batch: memory is bounded by one batch.</summary>
    public static IAsyncEnumerable<T> AsAsyncEnumerable<T>(this IQueryable<T> source, IProgress<SparkProgress>? progress = null) =>
        SparkQueryableAsyncExtensions.AsAsyncEnumerable(source.AsSparkQueryable(), progress);

    /// <summary>All rows in a list.</summary>
    public static Task<List<T>> ToListAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.ToListAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>All rows in an array.</summary>
    public static Task<T[]> ToArrayAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.ToArrayAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>All rows in a dictionary keyed by <paramref name="keySelector"/> (run on the client); duplicate keys throw as in LINQ.</summary>
    public static Task<Dictionary<TKey, T>> ToDictionaryAsync<T, TKey>(this IQueryable<T> source, Func<T, TKey> keySelector, CancellationToken cancellationToken = default) where TKey : notnull =>
        SparkQueryableAsyncExtensions.ToDictionaryAsync(source.AsSparkQueryable(), keySelector, cancellationToken);

    /// <summary>All rows in a dictionary of <paramref name="elementSelector"/> values keyed by <paramref name="keySelector"/>.</summary>
    public static Task<Dictionary<TKey, TElement>> ToDictionaryAsync<T, TKey, TElement>(this IQueryable<T> source, Func<T, TKey> keySelector, Func<T, TElement> elementSelector, CancellationToken cancellationToken = default) where TKey : notnull =>
        SparkQueryableAsyncExtensions.ToDictionaryAsync(source.AsSparkQueryable(), keySelector, elementSelector, cancellationToken);
}
