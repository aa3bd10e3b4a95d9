using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    /// <summary>GroupBy: keys of every kind (null keys form one group, as in LINQ), aggregates, HAVING, ordering over groups.</summary>
    private static IEnumerable<DifferentialCase> Grouping()
    {
        var minimumOrders = 600;

        yield return Rows("group by member count", s => s.Orders.GroupBy(o => o.Region).Select(g => new { g.Key, Count = g.Count() }));
        yield return Rows("group by computed key", s => s.Orders.GroupBy(o => o.PlacedAt.Year).Select(g => new { Year = g.Key, N = g.LongCount() }));
        yield return Rows("group by composite key", s => s.Orders.GroupBy(o => new { o.Region, o.Status }).Select(g => new { g.Key.Region, g.Key.Status, N = g.Count() }));
        yield return Rows("group aggregates", s => s.Orders.GroupBy(o => o.Region).Select(g => new { Region = g.Key, Sum = g.Sum(o => o.Amount), Min = g.Min(o => o.Score), Max = g.Max(o => o.PlacedAt), Avg = g.Average(o => o.Quantity) }));
        yield return Rows("group decimal average", s => s.Orders.GroupBy(o => o.Status).Select(g => new { g.Key, Avg = g.Average(o => o.Amount) }));
        yield return Rows("group conditional count", s => s.Orders.GroupBy(o => o.Region).Select(g => new { g.Key, Gifts = g.Count(o => o.IsGift) }));
        yield return Rows("group conditional sum", s => s.Orders.GroupBy(o => o.Region).Select(g => new { g.Key, GiftAmount = g.Sum(o => o.IsGift ? o.Amount : 0m) }));
        yield return Rows("group distinct count", s => s.Orders.GroupBy(o => o.Region).Select(g => new { g.Key, Customers = g.Select(o => o.CustomerId).Distinct().Count() }));
        yield return Rows("group arithmetic over aggregates", s => s.Orders.GroupBy(o => o.Region).Select(g => new { g.Key, PerOrder = g.Sum(o => o.Amount) / g.Count(), Spread = g.Max(o => o.Score) - g.Min(o => o.Score) }));
        yield return Rows("group having", s => s.Orders.GroupBy(o => o.CustomerId).Where(g => g.Count() > 40).Select(g => new { g.Key, N = g.Count() }));
        yield return Rows("group having matches nothing", s => s.Orders.GroupBy(o => o.Region).Where(g => g.Count() > minimumOrders * 100).Select(g => g.Key));
        yield return InOrder("group ordered by aggregate then take", s => s.Orders.GroupBy(o => o.CustomerId).Select(g => new { Customer = g.Key, Total = g.Sum(o => o.Amount) }).OrderByDescending(x => x.Total).ThenBy(x => x.Customer).Take(5));
        yield return Rows("group over filtered source", s => s.Orders.Where(o => o.Quantity > 0 && o.Status != OrderStatus.Cancelled).GroupBy(o => o.ProductId).Select(g => new { g.Key, Units = g.Sum(o => o.Quantity) }));
        yield return Rows("group over projected source", s => s.Orders.Select(o => new { o.Region, Net = o.Amount - (o.Discount ?? 0m) }).GroupBy(x => x.Region).Select(g => new { g.Key, Net = g.Sum(x => x.Net) }));
        yield return Rows("group everything into one", s => s.Orders.GroupBy(o => 1).Select(g => new { N = g.Count(), Total = g.Sum(o => o.Amount), Best = g.Max(o => o.Score) }));
        yield return Rows("group by nullable key with nulls", s => s.Orders.GroupBy(o => o.Rating).Select(g => new { g.Key, N = g.Count() }));
        yield return Rows("group by nullable int", s => s.Customers.GroupBy(c => c.Tier).Select(g => new { g.Key, N = g.Count(), Active = g.Count(c => c.IsActive) }));
        yield return Rows("group nullable aggregate of nulls", s => s.Orders.GroupBy(o => o.Status).Select(g => new { g.Key, MaxDiscount = g.Max(o => o.Discount), SumRating = g.Sum(o => o.Rating) }));
        yield return Rows("group element selector", s => s.Orders.GroupBy(o => o.Region, o => o.Amount).Select(g => new { g.Key, Max = g.Max(), Sum = g.Sum() }));
        yield return Rows("group result selector", s => s.Orders.GroupBy(o => o.Region, (region, g) => new { Region = region, N = g.Count(), Total = g.Sum(o => o.Quantity) }));
        yield return Rows("group by enum and bool", s => s.Orders.GroupBy(o => new { o.Status, o.IsGift }).Select(g => new { g.Key.Status, g.Key.IsGift, N = g.Count() }));
        yield return Rows("group elements as list", s => s.Orders.Where(o => o.CustomerId <= 5).GroupBy(o => o.CustomerId).Select(g => new { g.Key, Ids = g.Select(o => o.Id).ToList() }));
        yield return Rows("group by date part string key", s => s.Orders.GroupBy(o => o.Region + "/" + o.PlacedAt.Year).Select(g => new { g.Key, N = g.Count() }));
        yield return Rows("group over empty input", s => s.Orders.Where(o => o.Quantity > 1000).GroupBy(o => o.Region).Select(g => new { g.Key, N = g.Count() }));
        yield return Rows("one group over empty input is no group", s => s.Orders.Where(o => o.Quantity > 1000).GroupBy(o => 1).Select(g => new { N = g.Count(), Total = g.Sum(o => o.Amount) }));
        yield return Rows("group with duplicate composite keys from nulls", s => s.Orders.GroupBy(o => new { o.Rating, o.Discount }).Where(g => g.Count() > 1).Select(g => new { g.Key.Rating, g.Key.Discount, N = g.Count() }));
        yield return InOrder("groups ordered by key", s => s.Customers.GroupBy(c => c.Country).OrderBy(g => g.Key).Select(g => new { g.Key, N = g.Count() }));
    }
}
