using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.EndToEnd.Tests.Differential;
using static Spark.Linq.SparkFunctions;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    /// <summary>Window functions, each checked against the same numbers computed with plain LINQ. Orders end in a unique id, so ranks are determined.</summary>
    private static IEnumerable<DifferentialCase> Windows()
    {
        var top = 3;

        yield return Same("row number per region",
            s => s.Orders.Select(o => new { o.Id, Rn = RowNumber(Window.PartitionBy(o.Region).OrderByDescending(o.Amount).ThenBy(o.Id)) }),
            s => s.Orders.AsEnumerable().GroupBy(o => o.Region).SelectMany(g => g.OrderByDescending(o => o.Amount).ThenBy(o => o.Id).Select((o, i) => new { o.Id, Rn = i + 1 })));
        yield return Same("top n per group",
            s => s.Orders.Select(o => new { o.Id, o.Region, Rn = RowNumber(Window.PartitionBy(o.Region).OrderByDescending(o.Amount).ThenBy(o.Id)) }).Where(x => x.Rn <= top),
            s => s.Orders.AsEnumerable().GroupBy(o => o.Region).SelectMany(g => g.OrderByDescending(o => o.Amount).ThenBy(o => o.Id).Take(top).Select((o, i) => new { o.Id, o.Region, Rn = i + 1 })));
        yield return Same("rank and dense rank",
            s => s.Orders.Where(o => o.CustomerId <= 10).Select(o => new { o.Id, R = Rank(Window.PartitionBy(o.CustomerId).OrderBy(o.Quantity)), D = DenseRank(Window.PartitionBy(o.CustomerId).OrderBy(o.Quantity)) }),
            s => s.Orders.AsEnumerable().Where(o => o.CustomerId <= 10).GroupBy(o => o.CustomerId).SelectMany(g => g.Select(o => new
            {
                o.Id,
                R = g.Count(x => x.Quantity < o.Quantity) + 1,
                D = g.Select(x => x.Quantity).Distinct().Count(q => q < o.Quantity) + 1,
            })));
        yield return Same("lag and lead",
            s => s.Orders.Where(o => o.CustomerId <= 8).Select(o => new
            {
                o.Id,
                Previous = Lag((decimal?)o.Amount, Window.PartitionBy(o.CustomerId).OrderBy(o.PlacedAt).ThenBy(o.Id)),
                Next = Lead((long?)o.Id, 1, -1L, Window.PartitionBy(o.CustomerId).OrderBy(o.PlacedAt).ThenBy(o.Id)),
            }),
            s => s.Orders.AsEnumerable().Where(o => o.CustomerId <= 8).GroupBy(o => o.CustomerId).SelectMany(g =>
            {
                var ordered = g.OrderBy(o => o.PlacedAt).ThenBy(o => o.Id).ToList();
                return ordered.Select((o, i) => new
                {
                    o.Id,
                    Previous = i > 0 ? ordered[i - 1].Amount : (decimal?)null,
                    Next = i + 1 < ordered.Count ? ordered[i + 1].Id : (long?)-1L,
                });
            }));
        yield return Same("running sum",
            s => s.Orders.Select(o => new { o.Id, Running = Sum(o.Amount, Window.PartitionBy(o.Region).OrderBy(o.Id)) }),
            s => s.Orders.AsEnumerable().GroupBy(o => o.Region).SelectMany(g => g.OrderBy(o => o.Id).Select(o => new { o.Id, Running = g.Where(x => x.Id <= o.Id).Sum(x => x.Amount) })));
        yield return Same("moving average over rows",
            s => s.Orders.Select(o => new { o.Id, Moving = Average(o.Score, Window.OrderBy(o.Id).RowsBetween(-2, Window.CurrentRow)) }),
            s => s.Orders.AsEnumerable().OrderBy(o => o.Id).Select((o, i) => (o, i)).ToList() is var rows
                ? rows.Select(r => new { r.o.Id, Moving = rows.Skip(Math.Max(0, r.i - 2)).Take(Math.Min(3, r.i + 1)).Average(x => x.o.Score) })
                : []);
        yield return Same("count over partition",
            s => s.Orders.Select(o => new { o.Id, InRegion = Count(o.Id, Window.PartitionBy(o.Region)), Max = Max(o.Amount, Window.PartitionBy(o.Region)) }),
            s => s.Orders.AsEnumerable().GroupBy(o => o.Region).SelectMany(g => g.Select(o => new { o.Id, InRegion = g.LongCount(), Max = g.Max(x => x.Amount) })));
        yield return Same("window over nullable partition key",
            s => s.Orders.Select(o => new { o.Id, N = RowNumber(Window.PartitionBy(o.Rating).OrderBy(o.Id)) }),
            s => s.Orders.AsEnumerable().GroupBy(o => o.Rating).SelectMany(g => g.OrderBy(o => o.Id).Select((o, i) => new { o.Id, N = i + 1 })));
    }

    private static DifferentialCase Same<T>(string name, Func<SalesSources, IQueryable<T>> spark, Func<SalesSources, IEnumerable<T>> objects) =>
        new EquivalentCase<T>(name, ordered: false, spark, objects);
}
