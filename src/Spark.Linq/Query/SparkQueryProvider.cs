using System.Linq.Expressions;
using Spark.Linq.Translation;

namespace Spark.Linq.Query;

/// <summary>
/// Builds Spark queries and translates them. Translation is separate from execution: plan
/// inspection (<c>ToPlan</c>, <c>ToPlanString</c>) never contacts a server.
/// </summary>
internal sealed class SparkQueryProvider(SparkSession session) : IQueryProvider
{
    public SparkSession Session { get; } = session;

    /// <summary>Plans by query shape; shared by all queries of the session.</summary>
    internal Caching.TranslationCache Cache { get; } = new(Caching.TranslationCache.DefaultCapacity);

    public IQueryable CreateQuery(Expression expression)
    {
        var elementType = expression.Type.GetInterfaces().Append(expression.Type)
            .First(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IQueryable<>)).GetGenericArguments()[0];
        return (IQueryable)Activator.CreateInstance(typeof(SparkQueryable<>).MakeGenericType(elementType), this, expression)!;
    }

    public IQueryable<TElement> CreateQuery<TElement>(Expression expression) => new SparkQueryable<TElement>(this, expression);

    public object? Execute(Expression expression) => Execute<object?>(expression);

    public TResult Execute<TResult>(Expression expression) =>
        throw new NotSupportedException(
            "Running Spark.Linq queries is not available yet: this version translates queries only. " +
            "Inspect the plan with ToPlan(), ToPlanJson() or ToPlanString().");

    /// <summary>Evaluates closures and translates <paramref name="expression"/> into a plan.</summary>
    public TranslatedQuery Translate(Expression expression) => Cache.Translate(expression, Session.QueryOptions);
}
