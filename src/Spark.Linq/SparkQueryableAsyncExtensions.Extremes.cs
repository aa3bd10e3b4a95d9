using System.Linq.Expressions;

namespace Spark.Linq;

// MaxBy and MinBy: the row with the greatest or least key.
public static partial class SparkQueryableAsyncExtensions
{
    /// <summary>
    /// The row with the greatest <paramref name="keySelector"/> value (null keys skipped, as LINQ does), or default when there
    /// are no rows and <typeparamref name="T"/> can be null. Of several rows with that key, the one the ordering in force puts
    /// first; without an ordering, any of them (LINQ: the first in source order).
    /// </summary>
    public static Task<T?> MaxByAsync<T, TKey>(this ISparkQueryable<T> source, Expression<Func<T, TKey>> keySelector, CancellationToken cancellationToken = default) =>
        RunExtreme(source, nameof(Queryable.MaxBy), keySelector, cancellationToken);

    /// <summary>The row with the least <paramref name="keySelector"/> value; otherwise as <see cref="MaxByAsync{T, TKey}"/>.</summary>
    public static Task<T?> MinByAsync<T, TKey>(this ISparkQueryable<T> source, Expression<Func<T, TKey>> keySelector, CancellationToken cancellationToken = default) =>
        RunExtreme(source, nameof(Queryable.MinBy), keySelector, cancellationToken);

    private static Task<T?> RunExtreme<T, TKey>(ISparkQueryable<T> source, string name, Expression<Func<T, TKey>> keySelector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        var provider = Provider(source);
        var call = Expression.Call(typeof(Queryable), name, [typeof(T), typeof(TKey)], source.Expression, Expression.Quote(keySelector));
        return provider.ExecuteAsync<T?>(call, cancellationToken);
    }
}
