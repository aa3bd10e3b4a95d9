using System.Linq.Expressions;
using System.Reflection;
using AnalyzePlanRequest = Spark.Connect.Protocol.AnalyzePlanRequest;
using DataType = Spark.Connect.Protocol.DataType;
using Spark.Connect.Arrow;
using Spark.Linq.Query;

namespace Spark.Linq;

/// <summary>
/// Runs Spark queries asynchronously. Every method takes a <see cref="CancellationToken"/>;
/// cancelling stops the result stream and interrupts the operation on the server.
/// </summary>
/// <remarks>
/// The operators Entity Framework Core also declares (<c>ToListAsync</c>, <c>CountAsync</c>, …) take an
/// <see cref="ISparkQueryable{T}"/>, so a file may import both libraries: each call binds to the provider
/// whose query it is. For a Spark query held as a plain <see cref="IQueryable{T}"/>, call
/// <see cref="SparkQueryableOperators.AsSparkQueryable{T}"/> or import <c>Spark.Linq.PlainQueryable</c>.
/// Spark-only operators (<c>ExplainAsync</c>, <c>SchemaAsync</c>, <c>ToArrowBatchesAsync</c>) clash with
/// nothing and take any <see cref="IQueryable{T}"/> of a Spark query.
/// </remarks>
public static partial class SparkQueryableAsyncExtensions
{
    /// <summary>Yields the rows as they arrive, batch by batch: memory is bounded by one batch.</summary>
    public static IAsyncEnumerable<T> AsAsyncEnumerable<T>(this ISparkQueryable<T> source, IProgress<SparkProgress>? progress = null) =>
        new ProgressBoundQuery<T>(Provider(source), source.Expression, progress);

    /// <summary>All rows in a list.</summary>
    public static async Task<List<T>> ToListAsync<T>(this ISparkQueryable<T> source, CancellationToken cancellationToken = default) =>
        // Awaited here so a translation error arrives in the task, as every other failure does.
        await Provider(source).ListAsync<T>(source.Expression, cancellationToken).ConfigureAwait(false);

    /// <summary>All rows in an array.</summary>
    public static async Task<T[]> ToArrayAsync<T>(this ISparkQueryable<T> source, CancellationToken cancellationToken = default) =>
        [.. await source.ToListAsync(cancellationToken).ConfigureAwait(false)];

    /// <summary>All rows in a dictionary keyed by <paramref name="keySelector"/> (run on the client); duplicate keys throw as in LINQ.</summary>
    public static async Task<Dictionary<TKey, T>> ToDictionaryAsync<T, TKey>(this ISparkQueryable<T> source, Func<T, TKey> keySelector,
        CancellationToken cancellationToken = default) where TKey : notnull =>
        (await source.ToListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(keySelector);

    /// <summary>All rows in a dictionary of <paramref name="elementSelector"/> values keyed by <paramref name="keySelector"/>.</summary>
    public static async Task<Dictionary<TKey, TElement>> ToDictionaryAsync<T, TKey, TElement>(this ISparkQueryable<T> source, Func<T, TKey> keySelector,
        Func<T, TElement> elementSelector, CancellationToken cancellationToken = default) where TKey : notnull =>
        (await source.ToListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(keySelector, elementSelector);

    /// <summary>The decoded Arrow record batches of the result, for callers who want columns rather than objects.</summary>
    public static IAsyncEnumerable<RecordBatch> ToArrowBatchesAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        Provider(source).BatchesAsync(source.Expression, cancellationToken);

    /// <summary>The server's explanation of how it would run the query.</summary>
    public static Task<string> ExplainAsync<T>(this IQueryable<T> source,
        AnalyzePlanRequest.Types.Explain.Types.ExplainMode mode = AnalyzePlanRequest.Types.Explain.Types.ExplainMode.Extended,
        CancellationToken cancellationToken = default) =>
        Provider(source).Session.Client.ExplainAsync(source.ToPlan(), mode, cancellationToken);

    /// <summary>The schema of the query's result (a struct <see cref="DataType"/>), without running it.</summary>
    public static Task<DataType> SchemaAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) =>
        Provider(source).Session.Client.SchemaAsync(source.ToPlan(), cancellationToken);

    private static SparkQueryProvider Provider<T>(IQueryable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Provider as SparkQueryProvider
            ?? throw new ArgumentException("This query is not a Spark.Linq query; start it from SparkSession.Table<T>() or Sql<T>().", nameof(source));
    }

    /// <summary>Runs <c>Queryable.{name}</c> applied to the query (and <paramref name="arguments"/>) on Spark.</summary>
    private static Task<TResult> Run<TSource, TResult>(IQueryable<TSource> source, string name, CancellationToken cancellationToken, params Expression[] arguments)
    {
        var provider = Provider(source);
        var method = QueryableMethod(name, typeof(TSource), typeof(TResult), arguments);
        var call = Expression.Call(null, method, [source.Expression, .. arguments]);
        return provider.ExecuteAsync<TResult>(call, cancellationToken);
    }

    private static MethodInfo QueryableMethod(string name, Type source, Type result, Expression[] arguments)
    {
        foreach (var candidate in typeof(Queryable).GetMethods().Where(m => m.Name == name && m.GetParameters().Length == arguments.Length + 1))
        {
            var method = candidate;
            if (method.IsGenericMethodDefinition)
            {
                var generic = method.GetGenericArguments();
                if (generic.Length == 1) method = method.MakeGenericMethod(source);
                else if (generic.Length == 2) method = method.MakeGenericMethod(source, result);
                else continue;
            }
            var parameters = method.GetParameters();
            if (parameters.Skip(1).Zip(arguments).All(p => p.First.ParameterType.IsAssignableFrom(p.Second.Type)) &&
                parameters[0].ParameterType.IsAssignableFrom(typeof(IQueryable<>).MakeGenericType(source)) && method.ReturnType == result)
                return method;
        }
        throw new ArgumentException($"Queryable.{name} has no overload for {source.Name} returning {result.Name}.");
    }

    /// <summary>A query bound to a progress sink, enumerable asynchronously.</summary>
    private sealed class ProgressBoundQuery<T>(SparkQueryProvider provider, Expression expression, IProgress<SparkProgress>? progress) : IAsyncEnumerable<T>
    {
        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            provider.RowsAsync<T>(expression, progress, cancellationToken).GetAsyncEnumerator(cancellationToken);
    }
}
