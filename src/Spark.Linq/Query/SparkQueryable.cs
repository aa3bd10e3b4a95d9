using System.Collections;
using System.Linq.Expressions;

namespace Spark.Linq.Query;

/// <summary>
/// A LINQ query over Spark: an expression tree plus the provider that translates and runs it. Every query is an
/// <see cref="ISparkOrderedQueryable{T}"/>, whichever operator made it, so a cast to any Spark query type holds;
/// what the compiler offers is decided by the static types the operators return.
/// </summary>
internal sealed class SparkQueryable<T>(SparkQueryProvider provider, Expression expression) : ISparkOrderedQueryable<T>, IAsyncEnumerable<T>
{
    public Type ElementType => typeof(T);

    public Expression Expression { get; } = expression;

    public IQueryProvider Provider => provider;

    internal SparkQueryProvider SparkProvider => provider;

    public IEnumerator<T> GetEnumerator() => provider.Execute<IEnumerable<T>>(Expression).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        provider.RowsAsync<T>(Expression, null, cancellationToken).GetAsyncEnumerator(cancellationToken);

    public override string ToString() => Spark.Linq.Plans.PlanPrinter.Print(provider.Translate(Expression).Relation);
}
