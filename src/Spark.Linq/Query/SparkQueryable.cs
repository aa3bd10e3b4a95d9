using System.Collections;
using System.Linq.Expressions;

namespace Spark.Linq.Query;

/// <summary>A LINQ query over Spark: an expression tree plus the provider that translates (and later runs) it.</summary>
internal sealed class SparkQueryable<T>(SparkQueryProvider provider, Expression expression) : IOrderedQueryable<T>
{
    public Type ElementType => typeof(T);

    public Expression Expression { get; } = expression;

    public IQueryProvider Provider => provider;

    internal SparkQueryProvider SparkProvider => provider;

    public IEnumerator<T> GetEnumerator() => provider.Execute<IEnumerable<T>>(Expression).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => provider.Translate(Expression).Relation.ToString();
}
