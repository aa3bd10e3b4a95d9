using System.Linq.Expressions;
using System.Reflection;
using Spark.Linq.Execution;
using Spark.Linq.Translation;

namespace Spark.Linq.Query;

/// <summary>
/// Builds Spark queries, translates them and runs them. Translation is separate from execution: plan
/// inspection (<c>ToPlan</c>, <c>ToPlanString</c>) never contacts a server.
/// </summary>
internal sealed class SparkQueryProvider(SparkSession session) : IQueryProvider
{
    private static readonly MethodInfo RowsMethod = typeof(SparkQueryProvider).GetMethod(nameof(BlockingRows), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private readonly QueryExecutor _executor = new(session);

    public SparkSession Session { get; } = session;

    /// <summary>Plans by query shape; shared by all queries of the session.</summary>
    internal Caching.TranslationCache Cache { get; } = new(Caching.TranslationCache.DefaultCapacity, session.Client.MaxPlanDepth);

    public IQueryable CreateQuery(Expression expression)
    {
        var elementType = expression.Type.GetInterfaces().Append(expression.Type)
            .First(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IQueryable<>)).GetGenericArguments()[0];
        return (IQueryable)Activator.CreateInstance(typeof(SparkQueryable<>).MakeGenericType(elementType), this, expression)!;
    }

    public IQueryable<TElement> CreateQuery<TElement>(Expression expression) => new SparkQueryable<TElement>(this, expression);

    public object? Execute(Expression expression) => Execute<object?>(expression);

    /// <summary>
    /// Runs a query synchronously (foreach, ToList(), Count(), First()…). This blocks the calling thread
    /// on network I/O; prefer the async operators (ToListAsync, CountAsync, …) in servers.
    /// </summary>
    public TResult Execute<TResult>(Expression expression)
    {
        var translated = Translate(expression);
        if (translated.ResultKind == QueryResultKind.Sequence)
            return (TResult)RowsMethod.MakeGenericMethod(translated.ResultType).Invoke(this, [translated])!;
        return _executor.ResultAsync<TResult>(translated, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Runs a query ending in a terminal operator (Count, First, Sum, …).</summary>
    public Task<TResult> ExecuteAsync<TResult>(Expression expression, CancellationToken cancellationToken) =>
        _executor.ResultAsync<TResult>(Translate(expression), cancellationToken);

    /// <summary>Streams the rows of a query, batch by batch.</summary>
    public IAsyncEnumerable<T> RowsAsync<T>(Expression expression, IProgress<SparkProgress>? progress, CancellationToken cancellationToken) =>
        _executor.RowsAsync<T>(Translate(expression), progress, cancellationToken);

    /// <summary>All rows of a query in one list, each batch materialized straight into it.</summary>
    public Task<List<T>> ListAsync<T>(Expression expression, CancellationToken cancellationToken) =>
        _executor.ListAsync<T>(Translate(expression), cancellationToken);

    /// <summary>Streams the raw Arrow batches of a query.</summary>
    public IAsyncEnumerable<Spark.Connect.Arrow.RecordBatch> BatchesAsync(Expression expression, CancellationToken cancellationToken) =>
        _executor.BatchesAsync(Translate(expression), null, cancellationToken);

    /// <summary>Evaluates closures and translates <paramref name="expression"/> into a plan.</summary>
    public TranslatedQuery Translate(Expression expression) => Cache.Translate(expression, Session.QueryOptions);

    private IEnumerable<T> BlockingRows<T>(TranslatedQuery query) => _executor.RowsAsync<T>(query, null, CancellationToken.None).ToBlockingEnumerable();
}
