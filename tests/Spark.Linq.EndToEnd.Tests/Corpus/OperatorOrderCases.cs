using Spark.Linq.EndToEnd.Tests.Differential;
using static Spark.Linq.SparkFunctions;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    /// <summary>
    /// Aggregates, windows, distinct and set operations over queries that first choose rows (Take, Skip,
    /// Where, OrderBy + Take): each must see only the chosen rows, as LINQ and Spark apply operators in order.
    /// </summary>
    private static IEnumerable<DifferentialCase> OperatorOrder()
    {
        yield return Value("sum over take", s => s.Orders.OrderBy(o => o.Id).Take(5).Sum(o => o.Quantity));
        yield return Value("count over filter then take", s => s.Orders.Where(o => o.Amount > 100m).OrderBy(o => o.Id).Take(4).Count());
        yield return Value("average over take", s => s.Orders.OrderBy(o => o.Id).Take(8).Average(o => o.Score));
        yield return Value("max over skip", s => s.Orders.OrderBy(o => o.Id).Skip(20).Max(o => o.Amount));
        yield return Value("min over skip then take", s => s.Orders.OrderBy(o => o.Id).Skip(7).Take(3).Min(o => o.Id));
        yield return Value("count over top by amount", s => s.Orders.OrderByDescending(o => o.Amount).ThenBy(o => o.Id).Take(6).Count(o => o.Region == "EU"));
        yield return Rows("group by over take",
            s => s.Orders.OrderBy(o => o.Id).Take(9).GroupBy(o => o.Region).Select(g => new { g.Key, N = g.Count(), Q = g.Sum(o => o.Quantity) }));
        yield return Rows("group by over skip then take",
            s => s.Orders.OrderBy(o => o.Id).Skip(10).Take(5).GroupBy(o => o.Region).Select(g => new { g.Key, N = g.Count() }));
        yield return Rows("distinct over top n",
            s => s.Orders.OrderByDescending(o => o.Amount).ThenBy(o => o.Id).Take(7).Select(o => o.Region).Distinct());
        yield return Rows("distinct over skip",
            s => s.Orders.OrderBy(o => o.Id).Skip(30).Select(o => o.CustomerId).Distinct());
        yield return Rows("concat of two takes",
            s => s.Orders.OrderBy(o => o.Id).Take(5).Select(o => o.Id).Concat(s.Orders.OrderBy(o => o.Id).Skip(3).Take(4).Select(o => o.Id)));
        yield return Rows("union of a take and a filter",
            s => s.Orders.OrderBy(o => o.Id).Take(6).Select(o => o.Region).Union(s.Orders.Where(o => o.Quantity > 8).Select(o => o.Region)));
        yield return Same("running sum over take",
            s => s.Orders.OrderBy(o => o.Id).Take(6).Select(o => new { o.Id, Running = Sum(o.Quantity, Window.OrderBy(o.Id)) }),
            s => s.Orders.AsEnumerable().OrderBy(o => o.Id).Take(6).ToList() is var rows
                ? rows.Select(o => new { o.Id, Running = (long)rows.Where(x => x.Id <= o.Id).Sum(x => x.Quantity) })
                : []);
        yield return Same("row number over skip then take",
            s => s.Orders.OrderBy(o => o.Id).Skip(15).Take(5).Select(o => new { o.Id, Rn = RowNumber(Window.OrderBy(o.Amount).ThenBy(o.Id)) }),
            s => s.Orders.AsEnumerable().OrderBy(o => o.Id).Skip(15).Take(5).OrderBy(o => o.Amount).ThenBy(o => o.Id).Select((o, i) => new { o.Id, Rn = i + 1 }));
        yield return Same("count over partition after filter and take",
            s => s.Orders.Where(o => o.IsGift).OrderBy(o => o.Id).Take(10).Select(o => new { o.Id, InRegion = Count(o.Id, Window.PartitionBy(o.Region)) }),
            s => s.Orders.AsEnumerable().Where(o => o.IsGift).OrderBy(o => o.Id).Take(10).ToList() is var rows
                ? rows.Select(o => new { o.Id, InRegion = rows.LongCount(x => x.Region == o.Region) })
                : []);
    }
}
