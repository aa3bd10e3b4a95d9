using System.Linq.Expressions;
using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    /// <summary>
    /// Queries as deep as real code writes them: a predicate built in a loop, one || per value, nested as deep
    /// as the list is long until Spark.Linq balances it. It must run, not just be refused. (300 chained Where
    /// calls nest about 600 protobuf levels, past the local server's gRPC decoding limit while that is 100:
    /// tests/Spark.Linq.Tests/DeepQueries runs them through the local planner directly.)
    /// </summary>
    private static IEnumerable<DifferentialCase> Deep()
    {
        // Every seventh id, so the filter keeps some rows and drops most.
        var wanted = Enumerable.Range(0, 200).Select(i => (long)(i * 7 + 3)).ToList();
        yield return Rows("where 200 ors from a predicate builder", s => s.Orders.Where(AnyIdOf(wanted)));
    }

    /// <summary><c>o =&gt; o.Id == a || o.Id == b || …</c>, built as predicate builders do: each value adds one || on top.</summary>
    private static Expression<Func<Order, bool>> AnyIdOf(IReadOnlyList<long> ids)
    {
        var order = Expression.Parameter(typeof(Order), "o");
        var id = Expression.Property(order, nameof(Order.Id));
        Expression body = Expression.Equal(id, Expression.Constant(ids[0]));
        foreach (var value in ids.Skip(1))
            body = Expression.OrElse(body, Expression.Equal(id, Expression.Constant(value)));
        return Expression.Lambda<Func<Order, bool>>(body, order);
    }
}
