using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

public static partial class SalesCorpus
{
    /// <summary>Joins: inner, composite and nullable keys, chains, self-joins, left joins, cross joins; orders for customer 999 match nothing.</summary>
    private static IEnumerable<DifferentialCase> Joins()
    {
        var bigAmount = 1500m;

        yield return Rows("join orders to customers", s => from o in s.Orders join c in s.Customers on o.CustomerId equals c.Id select new { o.Id, c.Name, o.Amount });
        yield return Rows("join then filter on both sides", s => from o in s.Orders join c in s.Customers on o.CustomerId equals c.Id where c.Country == "DE" && o.Amount > 500m select new { o.Id, c.Country });
        yield return Rows("join composite key with duplicates", s => from a in s.Orders join b in s.Orders on new { a.CustomerId, a.ProductId } equals new { b.CustomerId, b.ProductId } where a.Id < b.Id select new { A = a.Id, B = b.Id });
        yield return Rows("join on nullable key skips nulls", s => from a in s.Customers join b in s.Customers on a.Tier equals b.Tier where a.Id < b.Id && a.Id < 10 select new { A = a.Id, B = b.Id, a.Tier });
        yield return Rows("join three tables", s => from o in s.Orders join c in s.Customers on o.CustomerId equals c.Id join p in s.Products on o.ProductId equals p.Id select new { o.Id, Customer = c.Name, Product = p.Name, p.Category });
        yield return Rows("join same table three times", s => from a in s.Orders join b in s.Orders on a.Id + 1 equals b.Id join c in s.Orders on b.Id + 1 equals c.Id where a.Id % 100 == 0 select new { A = a.Id, B = b.Id, C = c.Id, Sum = a.Quantity + b.Quantity + c.Quantity });
        yield return Rows("join derived queries", s => from o in s.Orders.Where(x => x.Amount > bigAmount) join c in s.Customers.Where(x => x.IsActive) on o.CustomerId equals c.Id select new { o.Id, c.Name });
        yield return InOrder("join ordered", s => (from o in s.Orders join p in s.Products on o.ProductId equals p.Id orderby p.Price descending, o.Id select new { o.Id, p.Price }).Take(25));
        yield return Rows("join grouped", s => from o in s.Orders join c in s.Customers on o.CustomerId equals c.Id group o by c.Country into g select new { Country = g.Key, N = g.Count(), Total = g.Sum(o => o.Amount) });
        yield return Rows("left join with default if empty", s => from o in s.Orders join c in s.Customers on o.CustomerId equals c.Id into cs from c in cs.DefaultIfEmpty() select new { o.Id, Name = c == null ? "(none)" : c.Name });
        yield return Rows("left join keeps unmatched", s => from o in s.Orders join c in s.Customers on o.CustomerId equals c.Id into cs from c in cs.DefaultIfEmpty() where c == null select o.Id);
        yield return Rows("left join operator", s => s.Orders.LeftJoin(s.Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o.Id, Country = c == null ? null : c.Country }));
        yield return Rows("join with an empty side", s => from o in s.Orders join c in s.Customers.Where(c => c.Id > 1000) on o.CustomerId equals c.Id select new { o.Id, c.Name });
        yield return Rows("left join with an empty side keeps every row", s => from p in s.Products join o in s.Orders.Where(o => o.Quantity > 1000) on p.Id equals o.ProductId into os from o in os.DefaultIfEmpty() select new { p.Id, Order = o == null ? -1L : o.Id });
        yield return Rows("cross join with filter", s => from c in s.Customers from p in s.Products where c.Tier == 3 && p.Price < 50m select new { c.Id, Product = p.Id });
        yield return Rows("cross join with equality filter", s => from o in s.Orders from p in s.Products where o.ProductId == p.Id && o.Quantity > 9 select new { o.Id, p.Name });
    }

    /// <summary>Set operations: columns match by position, so both sides project the same shape.</summary>
    private static IEnumerable<DifferentialCase> SetOperations()
    {
        yield return Rows("concat keeps duplicates", s => s.Orders.Where(o => o.IsGift).Select(o => o.CustomerId).Concat(s.Orders.Where(o => o.Quantity > 9).Select(o => o.CustomerId)));
        yield return Rows("union removes duplicates", s => s.Orders.Select(o => o.Region).Union(s.Customers.Select(c => c.Country)));
        yield return Rows("intersect", s => s.Orders.Where(o => o.Amount > 1000m).Select(o => o.CustomerId).Intersect(s.Customers.Where(c => c.IsActive).Select(c => c.Id)));
        yield return Rows("except", s => s.Customers.Select(c => c.Id).Except(s.Orders.Where(o => o.Quantity > 5).Select(o => o.CustomerId)));
        yield return Rows("union of anonymous rows", s => s.Orders.Where(o => o.Region == "EMEA").Select(o => new { o.Id, Kind = "emea" }).Union(s.Orders.Where(o => o.IsGift).Select(o => new { o.Id, Kind = "gift" })));
        yield return Value("concat then count", s => s.Orders.Select(o => o.Id).Concat(s.Orders.Select(o => o.Id)).Count());
    }

    /// <summary>Subqueries: Any / !Any / Contains as semi and anti joins, and a scalar subquery.</summary>
    private static IEnumerable<DifferentialCase> Subqueries()
    {
        yield return Rows("any subquery", s => s.Customers.Where(c => s.Orders.Any(o => o.CustomerId == c.Id && o.Amount > 1800m)).Select(c => c.Id));
        yield return Rows("not any subquery", s => s.Customers.Where(c => !s.Orders.Any(o => o.CustomerId == c.Id && o.IsGift)).Select(c => c.Id));
        yield return Rows("contains subquery", s => s.Products.Where(p => s.Orders.Where(o => o.Quantity > 10).Select(o => o.ProductId).Contains(p.Id)).Select(p => p.Id));
        yield return Rows("scalar subquery", s => s.Orders.Where(o => o.Amount > s.Orders.Average(x => x.Amount) * 3).Select(o => o.Id));
    }
}
