using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    /// <summary>
    /// FullJoin, DistinctBy, Order(), top rows per group and MaxBy/MinBy. Where LINQ's answer depends on the first of
    /// tied rows, the cases order totally (or pick by a unique key) so that answer is defined for Spark too.
    /// </summary>
    private static IEnumerable<DifferentialCase> RowSelection()
    {
        yield return Rows("fulljoin keeps unmatched rows of both sides", s => s.Customers.FullJoin(s.Orders.Where(o => o.Quantity > 8), c => c.Id, o => o.CustomerId,
            (c, o) => new { Customer = c == null ? -1 : c.Id, Order = o == null ? -1L : o.Id }));
        yield return Rows("fulljoin on a nullable key never matches nulls", s => s.Customers.Where(a => a.Id < 12).FullJoin(s.Customers.Where(b => b.Id > 6 && b.Id < 20), a => a.Tier, b => b.Tier,
            (a, b) => new { A = a == null ? (int?)null : a.Id, B = b == null ? (int?)null : b.Id }));
        yield return Rows("fulljoin with an empty side", s => s.Products.FullJoin(s.Orders.Where(o => o.Quantity > 1000), p => p.Id, o => o.ProductId,
            (p, o) => new { Product = p == null ? 0 : p.Id, Matched = o != null }));

        yield return InOrder("distinctby under an ordering keeps the first row per key", s => s.Orders.OrderByDescending(o => o.Amount).ThenBy(o => o.Id).DistinctBy(o => o.Region).Select(o => new { o.Region, o.Id }));
        yield return Rows("distinctby composite key under an ordering", s => s.Orders.OrderBy(o => o.PlacedAt).ThenBy(o => o.Id).DistinctBy(o => new { o.CustomerId, o.IsGift }).Select(o => o.Id));
        yield return Rows("distinctby nullable key keeps one null group", s => s.Orders.OrderBy(o => o.Id).DistinctBy(o => o.CouponCode % 7).Select(o => new { o.Id, o.CouponCode }));
        yield return Rows("distinctby without an ordering keeps one row per key", s => s.Orders.DistinctBy(o => o.CustomerId).Select(o => o.CustomerId));
        yield return Rows("distinctby computed key without an ordering", s => s.Orders.DistinctBy(o => o.Quantity % 3).Select(o => o.Quantity % 3));

        yield return InOrder("order-op sorts single values", s => s.Orders.Select(o => o.Quantity).Order());
        yield return InOrder("order-op descending puts nulls last", s => s.Orders.Select(o => o.Rating).OrderDescending().Take(40).Concat(s.Orders.Select(o => o.Rating).OrderDescending().Skip(1960)));

        yield return Rows("toprow per group by an ordering", s => s.Orders.GroupBy(o => o.CustomerId).Select(g => g.OrderByDescending(o => o.PlacedAt).ThenBy(o => o.Id).First()).Select(o => new { o.CustomerId, o.Id }));
        yield return Rows("toprow per group members and key", s => s.Orders.GroupBy(o => new { o.Region, o.IsGift })
            .Select(g => new { g.Key.Region, g.Key.IsGift, Top = g.OrderByDescending(o => o.Amount).ThenBy(o => o.Id).FirstOrDefault()!.Id, g.OrderByDescending(o => o.Amount).ThenBy(o => o.Id).FirstOrDefault()!.Amount }));
        yield return Rows("maxby whole row per group", s => s.Orders.GroupBy(o => o.ProductId).Select(g => g.MaxBy(o => o.Id)).Select(o => new { o!.ProductId, o.Id }));
        yield return Rows("maxby whole row beside the key", s => s.Customers.GroupBy(c => c.Country).Select(g => new { g.Key, Top = g.MaxBy(c => c.Id) }));
        yield return Rows("minby whole row per group skips null keys", s => s.Orders.Where(o => o.Id % 5 == 0).GroupBy(o => o.ProductId).Select(g => g.MinBy(o => o.CouponCode)).Select(o => new { o!.ProductId, o.CouponCode }));
        yield return Rows("maxby members beside aggregates", s => s.Orders.GroupBy(o => o.Region)
            .Select(g => new { g.Key, Latest = g.MaxBy(o => o.Id)!.Amount, Earliest = g.MinBy(o => o.Id)!.Id, N = g.Count() }));
        yield return Rows("maxby member after a filter in the group", s => s.Orders.GroupBy(o => o.CustomerId).Select(g => new { g.Key, Gift = g.Where(o => o.IsGift).MaxBy(o => o.Id)!.Id }).Where(x => x.Gift > 0));

        yield return Value("maxby ending a query", s => s.Orders.MaxBy(o => o.Id)!.Id);
        yield return Value("minby ties go to the ordering in force", s => s.Orders.OrderBy(o => o.Id).MinBy(o => o.Quantity)!.Id);
        yield return Value("maxby skips null keys", s => s.Orders.OrderByDescending(o => o.Id).MaxBy(o => o.Rating)!.Id);
        yield return Value("maxby of no rows is null", s => s.Orders.Where(o => o.Quantity > 1000).MaxBy(o => o.Id));

        // Without the casts the product of ints would overflow in Spark (an error under ANSI, wrapped otherwise).
        yield return Rows("widening cast product stays in bigint", s => s.Orders.Select(o => new { o.Id, P = (long)o.CustomerId * o.CustomerId * o.CustomerId * o.CustomerId * o.CustomerId }));
        yield return Rows("widening cast in a projection", s => s.Orders.Where(o => o.Id < 50).Select(o => new { L = (long)o.Quantity, D = (double)o.Quantity / (o.Priority + 1), M = (decimal)o.ProductId }));
        yield return Rows("widening against a wider operand adds nothing", s => s.Orders.Where(o => o.Quantity > 5L && o.CustomerId + o.Id > 1500).Select(o => o.Id));
    }
}
