using System.Linq.Expressions;

namespace Spark.Linq.PlainQueryable;

// MaxBy and MinBy, each running SparkQueryableAsyncExtensions' operator of the same name.
public static partial class PlainQueryableAsyncExtensions
{
    /// <summary>The row with the greatest key (null keys skipped), or default when there are none and the row type can be null.</summary>
    public static Task<T?> MaxByAsync<T, TKey>(this IQueryable<T> source, Expression<Func<T, TKey>> keySelector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.MaxByAsync(source.AsSparkQueryable(), keySelector, cancellationToken);

    /// <summary>The row with the least key (null keys skipped), or default when there are none and the row type can be null.</summary>
    public static Task<T?> MinByAsync<T, TKey>(this IQueryable<T> source, Expression<Func<T, TKey>> keySelector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.MinByAsync(source.AsSparkQueryable(), keySelector, cancellationToken);
}
