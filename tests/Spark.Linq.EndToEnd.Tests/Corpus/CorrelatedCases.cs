using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    /// <summary>
    /// Aggregated GroupJoins and correlated aggregates: inner rows grouped by key and left outer joined, with LINQ's answers
    /// for rows without matches (filtered inner sides leave customers with none) and for null keys.
    /// </summary>
    private static IEnumerable<DifferentialCase> Correlated()
    {
        var big = 1500m;

        yield return Rows("group join aggregated", s => from c in s.Customers
            join o in s.Orders.Where(o => o.Amount > big) on c.Id equals o.CustomerId into g
            select new { c.Id, Count = g.Count(), Total = g.Sum(o => o.Amount), Max = g.Max(o => (decimal?)o.Amount), Avg = g.Average(o => (double?)o.Quantity), Any = g.Any() });
        yield return Rows("group join method syntax with filtered counts", s => s.Customers.GroupJoin(s.Orders.Where(o => o.IsGift), c => c.Id, o => o.CustomerId,
            (c, g) => new { c.Id, Big = g.Where(o => o.Quantity > 5).Count(), All = g.All(o => o.Amount > 100m), Min = g.Min(o => o.Rating), Discounts = g.Sum(o => o.Discount) }));
        yield return Rows("group join then where on the group", s => from c in s.Customers
            join o in s.Orders.Where(o => o.Amount > 1800m) on c.Id equals o.CustomerId into g
            where !g.Any()
            select new { c.Id, c.Name });
        yield return Rows("group join never matches a null key", s => from a in s.Customers
            join b in s.Customers on a.Tier equals b.Tier into g
            select new { a.Id, Same = g.Count() });
        yield return Rows("group join composite key matches null members", s => from a in s.Customers
            join b in s.Customers on new { a.Tier, a.Country } equals new { b.Tier, b.Country } into g
            select new { a.Id, Same = g.Count(), Ids = g.Sum(b => b.Id) });
        yield return Rows("group join collects the matches", s => from p in s.Products
            join o in s.Orders.Where(o => o.Quantity > 9) on p.Id equals o.ProductId into g
            select new { p.Id, Orders = g.Select(o => o.Id).ToList() });
        yield return Rows("correlated count and sum in select", s => s.Customers.Select(c => new
        {
            c.Id,
            N = s.Orders.Count(o => o.CustomerId == c.Id && o.IsGift),
            Total = s.Orders.Where(o => o.CustomerId == c.Id && o.Amount > big).Sum(o => o.Amount),
            Last = s.Orders.Where(o => o.CustomerId == c.Id && o.Quantity > 9).Max(o => (DateTime?)o.PlacedAt),
        }));
        yield return Rows("correlated count in where", s => s.Customers.Where(c => s.Orders.Count(o => o.CustomerId == c.Id && o.Amount > 1000m) > 8).Select(c => c.Id));
        yield return Rows("correlated any and all in select", s => s.Customers.Select(c => new
        {
            c.Id,
            HasGift = s.Orders.Any(o => o.CustomerId == c.Id && o.IsGift && o.Quantity > 8),
            AllSmall = s.Orders.Where(o => o.CustomerId == c.Id && o.Quantity > 8).All(o => o.Amount < 1000m),
        }));
        yield return Rows("correlated on a nullable key finds null equal to null", s => s.Customers.Select(c => new { c.Id, SameTier = s.Customers.Count(x => x.Tier == c.Tier) }));
        yield return Rows("correlated average after a select", s => s.Products.Select(p => new { p.Id, Avg = s.Orders.Where(o => o.ProductId == p.Id).Select(o => o.Rating).Average() }));
        yield return Rows("correlated count next to a semi join", s => s.Customers.Where(c => s.Orders.Any(o => o.CustomerId == c.Id && o.IsGift)
            && s.Orders.Count(o => o.CustomerId == c.Id && o.Quantity > 5) >= 10).Select(c => c.Id));
        yield return Rows("correlated sum over a join's rows", s => (from o in s.Orders join p in s.Products on o.ProductId equals p.Id where o.Quantity > 9 select new { o.Id, o.CustomerId, p.Category })
            .Select(x => new { x.Id, SameCategory = s.Products.Count(p => p.Category == x.Category), CustomerTotal = s.Orders.Where(o => o.CustomerId == x.CustomerId).Sum(o => o.Quantity) }));
        yield return Value("correlated count in a terminal predicate", s => s.Customers.Count(c => s.Orders.Count(o => o.CustomerId == c.Id) > 33));
        yield return Rows("group join after a where on the outer side with two keys", s => from c in s.Customers.Where(c => c.IsActive)
            join o in s.Orders on new { c.Id, Gift = true } equals new { Id = o.CustomerId, Gift = o.IsGift } into g
            orderby c.Id
            select new { c.Id, Gifts = g.Count(), Spent = g.Sum(o => o.Amount) });
        yield return InOrder("correlated aggregate keeps the order", s => s.Customers.OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new { c.Id, N = s.Orders.LongCount(o => o.CustomerId == c.Id) }));
    }
}
