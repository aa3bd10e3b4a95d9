using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    private static IEnumerable<DifferentialCase> Ordering()
    {
        var page = 3;
        var pageSize = 25;

        yield return InOrder("order by id take", s => s.Orders.OrderBy(o => o.Id).Take(10));
        yield return InOrder("order by amount desc then id", s => s.Orders.OrderByDescending(o => o.Amount).ThenBy(o => o.Id).Select(o => new { o.Id, o.Amount }));
        yield return InOrder("order by nullable puts nulls first", s => s.Orders.OrderBy(o => o.Discount).ThenBy(o => o.Id).Select(o => new { o.Id, o.Discount }));
        yield return InOrder("order by nullable desc puts nulls last", s => s.Orders.OrderByDescending(o => o.Rating).ThenBy(o => o.Id).Select(o => new { o.Id, o.Rating }));
        yield return InOrder("order by string then desc then id", s => s.Orders.OrderBy(o => o.Region).ThenByDescending(o => o.Amount).ThenBy(o => o.Id).Select(o => new { o.Region, o.Amount, o.Id }));
        yield return InOrder("skip take", s => s.Orders.OrderBy(o => o.Id).Skip(page * pageSize).Take(pageSize));
        yield return InOrder("take then skip", s => s.Orders.OrderBy(o => o.Id).Take(50).Skip(10).Select(o => o.Id));
        yield return InOrder("skip near the end", s => s.Orders.OrderBy(o => o.Id).Skip(1990).Select(o => o.Id));
        yield return InOrder("take zero", s => s.Orders.OrderBy(o => o.Id).Take(0));
        yield return InOrder("take negative", s => s.Orders.OrderBy(o => o.Id).Take(-3));
        yield return InOrder("skip negative", s => s.Products.OrderBy(p => p.Id).Skip(-2).Select(p => p.Id));
        yield return InOrder("where select order", s => s.Orders.Where(o => o.IsGift).Select(o => new { o.Id, o.Score }).OrderBy(x => x.Score).ThenBy(x => x.Id));
        yield return InOrder("order by computed", s => s.Orders.OrderBy(o => o.Amount * o.Quantity).ThenBy(o => o.Id).Select(o => o.Id));
        yield return InOrder("order by twice is stable", s => s.Orders.OrderBy(o => o.Id).OrderBy(o => o.Region).Select(o => new { o.Region, o.Id }));
        yield return Rows("distinct regions", s => s.Orders.Select(o => o.Region).Distinct());
        yield return InOrder("distinct then order", s => s.Orders.Select(o => o.Region).Distinct().OrderBy(r => r));
        yield return InOrder("order then distinct keeps order", s => s.Orders.OrderBy(o => o.Priority).Select(o => o.Priority).Distinct());
        yield return Rows("distinct anonymous", s => s.Orders.Select(o => new { o.Region, o.Status }).Distinct());
        yield return Rows("distinct nullable with nulls", s => s.Orders.Select(o => o.Rating).Distinct());
        yield return InOrder("order by enum then id", s => s.Orders.OrderBy(o => o.Status).ThenBy(o => o.Id).Select(o => new { o.Status, o.Id }));
        yield return InOrder("order by bool then id", s => s.Orders.OrderBy(o => o.IsGift).ThenByDescending(o => o.Id).Select(o => new { o.IsGift, o.Id }));
        yield return InOrder("order by datetime desc take", s => s.Orders.OrderByDescending(o => o.PlacedAt).ThenBy(o => o.Id).Take(15).Select(o => new { o.Id, o.PlacedAt }));
        yield return InOrder("order by dateonly then id", s => s.Orders.OrderBy(o => o.ShipDate).ThenBy(o => o.Id).Select(o => new { o.ShipDate, o.Id }));
        yield return InOrder("customers by name then id", s => s.Customers.OrderBy(c => c.Name).ThenBy(c => c.Id));
        yield return InOrder("order by projected member", s => s.Orders.Select(o => new { o.Id, Net = o.Amount - (o.Discount ?? 0m) }).OrderByDescending(x => x.Net).ThenBy(x => x.Id).Take(20));
        yield return InOrder("page then project", s => s.Orders.OrderBy(o => o.Id).Skip(100).Take(20).Select(o => new { o.Id, o.Region }));
        yield return InOrder("filter after paging", s => s.Orders.OrderBy(o => o.Id).Take(100).Where(o => o.Quantity > 5).Select(o => o.Id));
    }
}
