using System.Linq.Expressions;

namespace Spark.Linq;

// The terminal operators, each running the matching Queryable operator on Spark.
public static partial class SparkQueryableAsyncExtensions
{
    /// <summary>The first row; throws when there is none.</summary>
    public static Task<T> FirstAsync<T>(this ISparkQueryable<T> source, CancellationToken cancellationToken = default) =>
        Run<T, T>(source, nameof(Queryable.First), cancellationToken);

    /// <summary>The first row; throws when there is none. Rows are filtered by <paramref name="predicate"/> first.</summary>
    public static Task<T> FirstAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        Run<T, T>(source, nameof(Queryable.First), cancellationToken, Expression.Quote(predicate));

    /// <summary>The first row, or default when there is none.</summary>
    public static Task<T?> FirstOrDefaultAsync<T>(this ISparkQueryable<T> source, CancellationToken cancellationToken = default) =>
        Run<T, T?>(source, nameof(Queryable.FirstOrDefault), cancellationToken);

    /// <summary>The first row, or default when there is none. Rows are filtered by <paramref name="predicate"/> first.</summary>
    public static Task<T?> FirstOrDefaultAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        Run<T, T?>(source, nameof(Queryable.FirstOrDefault), cancellationToken, Expression.Quote(predicate));

    /// <summary>The only row; throws when there are none or several.</summary>
    public static Task<T> SingleAsync<T>(this ISparkQueryable<T> source, CancellationToken cancellationToken = default) =>
        Run<T, T>(source, nameof(Queryable.Single), cancellationToken);

    /// <summary>The only row; throws when there are none or several. Rows are filtered by <paramref name="predicate"/> first.</summary>
    public static Task<T> SingleAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        Run<T, T>(source, nameof(Queryable.Single), cancellationToken, Expression.Quote(predicate));

    /// <summary>The only row or default; throws when there are several.</summary>
    public static Task<T?> SingleOrDefaultAsync<T>(this ISparkQueryable<T> source, CancellationToken cancellationToken = default) =>
        Run<T, T?>(source, nameof(Queryable.SingleOrDefault), cancellationToken);

    /// <summary>The only row or default; throws when there are several. Rows are filtered by <paramref name="predicate"/> first.</summary>
    public static Task<T?> SingleOrDefaultAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        Run<T, T?>(source, nameof(Queryable.SingleOrDefault), cancellationToken, Expression.Quote(predicate));

    /// <summary>The number of rows.</summary>
    public static Task<int> CountAsync<T>(this ISparkQueryable<T> source, CancellationToken cancellationToken = default) =>
        Run<T, int>(source, nameof(Queryable.Count), cancellationToken);

    /// <summary>The number of rows matching <paramref name="predicate"/>.</summary>
    public static Task<int> CountAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        Run<T, int>(source, nameof(Queryable.Count), cancellationToken, Expression.Quote(predicate));

    /// <summary>The number of rows, as a long.</summary>
    public static Task<long> LongCountAsync<T>(this ISparkQueryable<T> source, CancellationToken cancellationToken = default) =>
        Run<T, long>(source, nameof(Queryable.LongCount), cancellationToken);

    /// <summary>The number of rows matching <paramref name="predicate"/>, as a long.</summary>
    public static Task<long> LongCountAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        Run<T, long>(source, nameof(Queryable.LongCount), cancellationToken, Expression.Quote(predicate));

    /// <summary>Whether there is any row.</summary>
    public static Task<bool> AnyAsync<T>(this ISparkQueryable<T> source, CancellationToken cancellationToken = default) =>
        Run<T, bool>(source, nameof(Queryable.Any), cancellationToken);

    /// <summary>Whether any row matches <paramref name="predicate"/>.</summary>
    public static Task<bool> AnyAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        Run<T, bool>(source, nameof(Queryable.Any), cancellationToken, Expression.Quote(predicate));

    /// <summary>Whether every row matches <paramref name="predicate"/>.</summary>
    public static Task<bool> AllAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) =>
        Run<T, bool>(source, nameof(Queryable.All), cancellationToken, Expression.Quote(predicate));

    /// <summary>Whether the sequence contains <paramref name="item"/> (null equals null).</summary>
    public static Task<bool> ContainsAsync<T>(this ISparkQueryable<T> source, T item, CancellationToken cancellationToken = default) =>
        Run<T, bool>(source, nameof(Queryable.Contains), cancellationToken, Expression.Constant(item, typeof(T)));

    /// <summary>The smallest value; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<T> MinAsync<T>(this ISparkQueryable<T> source, CancellationToken cancellationToken = default) =>
        Run<T, T>(source, nameof(Queryable.Min), cancellationToken);

    /// <summary>The smallest value of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<TResult> MinAsync<T, TResult>(this ISparkQueryable<T> source, Expression<Func<T, TResult>> selector, CancellationToken cancellationToken = default) =>
        Run<T, TResult>(source, nameof(Queryable.Min), cancellationToken, Expression.Quote(selector));

    /// <summary>The largest value; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<T> MaxAsync<T>(this ISparkQueryable<T> source, CancellationToken cancellationToken = default) =>
        Run<T, T>(source, nameof(Queryable.Max), cancellationToken);

    /// <summary>The largest value of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<TResult> MaxAsync<T, TResult>(this ISparkQueryable<T> source, Expression<Func<T, TResult>> selector, CancellationToken cancellationToken = default) =>
        Run<T, TResult>(source, nameof(Queryable.Max), cancellationToken, Expression.Quote(selector));

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<int> SumAsync(this ISparkQueryable<int> source, CancellationToken cancellationToken = default) =>
        Run<int, int>(source, nameof(Queryable.Sum), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<int> SumAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, int>> selector, CancellationToken cancellationToken = default) =>
        Run<T, int>(source, nameof(Queryable.Sum), cancellationToken, Expression.Quote(selector));

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<double> AverageAsync(this ISparkQueryable<int> source, CancellationToken cancellationToken = default) =>
        Run<int, double>(source, nameof(Queryable.Average), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<double> AverageAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, int>> selector, CancellationToken cancellationToken = default) =>
        Run<T, double>(source, nameof(Queryable.Average), cancellationToken, Expression.Quote(selector));

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<int?> SumAsync(this ISparkQueryable<int?> source, CancellationToken cancellationToken = default) =>
        Run<int?, int?>(source, nameof(Queryable.Sum), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<int?> SumAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, int?>> selector, CancellationToken cancellationToken = default) =>
        Run<T, int?>(source, nameof(Queryable.Sum), cancellationToken, Expression.Quote(selector));

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<double?> AverageAsync(this ISparkQueryable<int?> source, CancellationToken cancellationToken = default) =>
        Run<int?, double?>(source, nameof(Queryable.Average), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<double?> AverageAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, int?>> selector, CancellationToken cancellationToken = default) =>
        Run<T, double?>(source, nameof(Queryable.Average), cancellationToken, Expression.Quote(selector));

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<long> SumAsync(this ISparkQueryable<long> source, CancellationToken cancellationToken = default) =>
        Run<long, long>(source, nameof(Queryable.Sum), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<long> SumAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, long>> selector, CancellationToken cancellationToken = default) =>
        Run<T, long>(source, nameof(Queryable.Sum), cancellationToken, Expression.Quote(selector));

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<double> AverageAsync(this ISparkQueryable<long> source, CancellationToken cancellationToken = default) =>
        Run<long, double>(source, nameof(Queryable.Average), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<double> AverageAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, long>> selector, CancellationToken cancellationToken = default) =>
        Run<T, double>(source, nameof(Queryable.Average), cancellationToken, Expression.Quote(selector));

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<long?> SumAsync(this ISparkQueryable<long?> source, CancellationToken cancellationToken = default) =>
        Run<long?, long?>(source, nameof(Queryable.Sum), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<long?> SumAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, long?>> selector, CancellationToken cancellationToken = default) =>
        Run<T, long?>(source, nameof(Queryable.Sum), cancellationToken, Expression.Quote(selector));

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<double?> AverageAsync(this ISparkQueryable<long?> source, CancellationToken cancellationToken = default) =>
        Run<long?, double?>(source, nameof(Queryable.Average), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<double?> AverageAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, long?>> selector, CancellationToken cancellationToken = default) =>
        Run<T, double?>(source, nameof(Queryable.Average), cancellationToken, Expression.Quote(selector));

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<double> SumAsync(this ISparkQueryable<double> source, CancellationToken cancellationToken = default) =>
        Run<double, double>(source, nameof(Queryable.Sum), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<double> SumAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, double>> selector, CancellationToken cancellationToken = default) =>
        Run<T, double>(source, nameof(Queryable.Sum), cancellationToken, Expression.Quote(selector));

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<double> AverageAsync(this ISparkQueryable<double> source, CancellationToken cancellationToken = default) =>
        Run<double, double>(source, nameof(Queryable.Average), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<double> AverageAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, double>> selector, CancellationToken cancellationToken = default) =>
        Run<T, double>(source, nameof(Queryable.Average), cancellationToken, Expression.Quote(selector));

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<double?> SumAsync(this ISparkQueryable<double?> source, CancellationToken cancellationToken = default) =>
        Run<double?, double?>(source, nameof(Queryable.Sum), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<double?> SumAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, double?>> selector, CancellationToken cancellationToken = default) =>
        Run<T, double?>(source, nameof(Queryable.Sum), cancellationToken, Expression.Quote(selector));

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<double?> AverageAsync(this ISparkQueryable<double?> source, CancellationToken cancellationToken = default) =>
        Run<double?, double?>(source, nameof(Queryable.Average), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<double?> AverageAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, double?>> selector, CancellationToken cancellationToken = default) =>
        Run<T, double?>(source, nameof(Queryable.Average), cancellationToken, Expression.Quote(selector));

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<float> SumAsync(this ISparkQueryable<float> source, CancellationToken cancellationToken = default) =>
        Run<float, float>(source, nameof(Queryable.Sum), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<float> SumAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, float>> selector, CancellationToken cancellationToken = default) =>
        Run<T, float>(source, nameof(Queryable.Sum), cancellationToken, Expression.Quote(selector));

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<float> AverageAsync(this ISparkQueryable<float> source, CancellationToken cancellationToken = default) =>
        Run<float, float>(source, nameof(Queryable.Average), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<float> AverageAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, float>> selector, CancellationToken cancellationToken = default) =>
        Run<T, float>(source, nameof(Queryable.Average), cancellationToken, Expression.Quote(selector));

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<float?> SumAsync(this ISparkQueryable<float?> source, CancellationToken cancellationToken = default) =>
        Run<float?, float?>(source, nameof(Queryable.Sum), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<float?> SumAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, float?>> selector, CancellationToken cancellationToken = default) =>
        Run<T, float?>(source, nameof(Queryable.Sum), cancellationToken, Expression.Quote(selector));

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<float?> AverageAsync(this ISparkQueryable<float?> source, CancellationToken cancellationToken = default) =>
        Run<float?, float?>(source, nameof(Queryable.Average), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<float?> AverageAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, float?>> selector, CancellationToken cancellationToken = default) =>
        Run<T, float?>(source, nameof(Queryable.Average), cancellationToken, Expression.Quote(selector));

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<decimal> SumAsync(this ISparkQueryable<decimal> source, CancellationToken cancellationToken = default) =>
        Run<decimal, decimal>(source, nameof(Queryable.Sum), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<decimal> SumAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, decimal>> selector, CancellationToken cancellationToken = default) =>
        Run<T, decimal>(source, nameof(Queryable.Sum), cancellationToken, Expression.Quote(selector));

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<decimal> AverageAsync(this ISparkQueryable<decimal> source, CancellationToken cancellationToken = default) =>
        Run<decimal, decimal>(source, nameof(Queryable.Average), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<decimal> AverageAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, decimal>> selector, CancellationToken cancellationToken = default) =>
        Run<T, decimal>(source, nameof(Queryable.Average), cancellationToken, Expression.Quote(selector));

    /// <summary>The sum of the values (0 for none, as in LINQ).</summary>
    public static Task<decimal?> SumAsync(this ISparkQueryable<decimal?> source, CancellationToken cancellationToken = default) =>
        Run<decimal?, decimal?>(source, nameof(Queryable.Sum), cancellationToken);

    /// <summary>The sum of <paramref name="selector"/> (0 for none, as in LINQ).</summary>
    public static Task<decimal?> SumAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, decimal?>> selector, CancellationToken cancellationToken = default) =>
        Run<T, decimal?>(source, nameof(Queryable.Sum), cancellationToken, Expression.Quote(selector));

    /// <summary>The average of the values; throws on an empty non-nullable sequence, as in LINQ.</summary>
    public static Task<decimal?> AverageAsync(this ISparkQueryable<decimal?> source, CancellationToken cancellationToken = default) =>
        Run<decimal?, decimal?>(source, nameof(Queryable.Average), cancellationToken);

    /// <summary>The average of <paramref name="selector"/>; throws on an empty sequence of a non-nullable type, as in LINQ.</summary>
    public static Task<decimal?> AverageAsync<T>(this ISparkQueryable<T> source, Expression<Func<T, decimal?>> selector, CancellationToken cancellationToken = default) =>
        Run<T, decimal?>(source, nameof(Queryable.Average), cancellationToken, Expression.Quote(selector));
}
