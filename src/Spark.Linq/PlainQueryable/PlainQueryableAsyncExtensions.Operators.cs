using System.Linq.Expressions;

namespace Spark.Linq.PlainQueryable;

// The terminal operators, each running SparkQueryableAsyncExtensions' operator of the same name.
public static partial class PlainQueryableAsyncExtensions
{
    /// <summary>The first row; throws when there is none.</summary>
    public static Task<T> FirstAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.FirstAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The first row; throws when there is none. Rows are filtered by <paramref name="predicate"/> first.</summary>
    public static Task<T> FirstAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.FirstAsync(source.AsSparkQueryable(), predicate, cancellationToken);

    /// <summary>The first row, or default when there is none.</summary>
    public static Task<T?> FirstOrDefaultAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.FirstOrDefaultAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The first row, or default when there is none. Rows are filtered by <paramref name="predicate"/> first.</summary>
    public static Task<T?> FirstOrDefaultAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.FirstOrDefaultAsync(source.AsSparkQueryable(), predicate, cancellationToken);

    /// <summary>The only row; throws when there are none or several.</summary>
    public static Task<T> SingleAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SingleAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The only row; throws when there are none or several. Rows are filtered by <paramref name="predicate"/> first.</summary>
    public static Task<T> SingleAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SingleAsync(source.AsSparkQueryable(), predicate, cancellationToken);

    /// <summary>The only row or default; throws when there are several.</summary>
    public static Task<T?> SingleOrDefaultAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SingleOrDefaultAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The only row or default; throws when there are several. Rows are filtered by <paramref name="predicate"/> first.</summary>
    public static Task<T?> SingleOrDefaultAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SingleOrDefaultAsync(source.AsSparkQueryable(), predicate, cancellationToken);

    /// <summary>The number of rows.</summary>
    public static Task<int> CountAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.CountAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The number of rows matching <paramref name="predicate"/>.</summary>
    public static Task<int> CountAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.CountAsync(source.AsSparkQueryable(), predicate, cancellationToken);

    /// <summary>The number of rows, as a long.</summary>
    public static Task<long> LongCountAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.LongCountAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The number of rows matching <paramref name="predicate"/>, as a long.</summary>
    public static Task<long> LongCountAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.LongCountAsync(source.AsSparkQueryable(), predicate, cancellationToken);

    /// <summary>Whether there is any row.</summary>
    public static Task<bool> AnyAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AnyAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>Whether any row matches <paramref name="predicate"/>.</summary>
    public static Task<bool> AnyAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AnyAsync(source.AsSparkQueryable(), predicate, cancellationToken);

    /// <summary>Whether every row matches <paramref name="predicate"/>.</summary>
    public static Task<bool> AllAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AllAsync(source.AsSparkQueryable(), predicate, cancellationToken);

    /// <summary>Whether the sequence contains <paramref name="item"/> (null equals null).</summary>
    public static Task<bool> ContainsAsync<T>(this IQueryable<T> source, T item, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.ContainsAsync(source.AsSparkQueryable(), item, cancellationToken);

    /// <summary>The smallest value; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<T> MinAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.MinAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The smallest value of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<TResult> MinAsync<T, TResult>(this IQueryable<T> source, Expression<Func<T, TResult>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.MinAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The largest value; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<T> MaxAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.MaxAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The largest value of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<TResult> MaxAsync<T, TResult>(this IQueryable<T> source, Expression<Func<T, TResult>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.MaxAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<int> SumAsync(this IQueryable<int> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<int> SumAsync<T>(this IQueryable<T> source, Expression<Func<T, int>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<double> AverageAsync(this IQueryable<int> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<double> AverageAsync<T>(this IQueryable<T> source, Expression<Func<T, int>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<int?> SumAsync(this IQueryable<int?> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<int?> SumAsync<T>(this IQueryable<T> source, Expression<Func<T, int?>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<double?> AverageAsync(this IQueryable<int?> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<double?> AverageAsync<T>(this IQueryable<T> source, Expression<Func<T, int?>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<long> SumAsync(this IQueryable<long> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<long> SumAsync<T>(this IQueryable<T> source, Expression<Func<T, long>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<double> AverageAsync(this IQueryable<long> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<double> AverageAsync<T>(this IQueryable<T> source, Expression<Func<T, long>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<long?> SumAsync(this IQueryable<long?> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<long?> SumAsync<T>(this IQueryable<T> source, Expression<Func<T, long?>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<double?> AverageAsync(this IQueryable<long?> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<double?> AverageAsync<T>(this IQueryable<T> source, Expression<Func<T, long?>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<double> SumAsync(this IQueryable<double> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<double> SumAsync<T>(this IQueryable<T> source, Expression<Func<T, double>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<double> AverageAsync(this IQueryable<double> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<double> AverageAsync<T>(this IQueryable<T> source, Expression<Func<T, double>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<double?> SumAsync(this IQueryable<double?> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<double?> SumAsync<T>(this IQueryable<T> source, Expression<Func<T, double?>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<double?> AverageAsync(this IQueryable<double?> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<double?> AverageAsync<T>(this IQueryable<T> source, Expression<Func<T, double?>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<float> SumAsync(this IQueryable<float> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<float> SumAsync<T>(this IQueryable<T> source, Expression<Func<T, float>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<float> AverageAsync(this IQueryable<float> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<float> AverageAsync<T>(this IQueryable<T> source, Expression<Func<T, float>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<float?> SumAsync(this IQueryable<float?> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<float?> SumAsync<T>(this IQueryable<T> source, Expression<Func<T, float?>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<float?> AverageAsync(this IQueryable<float?> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<float?> AverageAsync<T>(this IQueryable<T> source, Expression<Func<T, float?>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<decimal> SumAsync(this IQueryable<decimal> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<decimal> SumAsync<T>(this IQueryable<T> source, Expression<Func<T, decimal>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<decimal> AverageAsync(this IQueryable<decimal> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<decimal> AverageAsync<T>(this IQueryable<T> source, Expression<Func<T, decimal>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<decimal?> SumAsync(this IQueryable<decimal?> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<decimal?> SumAsync<T>(this IQueryable<T> source, Expression<Func<T, decimal?>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.SumAsync(source.AsSparkQueryable(), selector, cancellationToken);

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<decimal?> AverageAsync(this IQueryable<decimal?> source, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<decimal?> AverageAsync<T>(this IQueryable<T> source, Expression<Func<T, decimal?>> selector, CancellationToken cancellationToken = default) =>
        SparkQueryableAsyncExtensions.AverageAsync(source.AsSparkQueryable(), selector, cancellationToken);
}
