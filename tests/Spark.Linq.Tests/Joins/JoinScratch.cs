namespace Spark.Linq.Tests.Joins;

public class JoinScratch : PlanTestBase
{
    [Test]
    public void Print()
    {
        var customers = Spark.Table<Customer>("crm.customers");
        IQueryable<object>[] qs =
        [
            from o in Orders join c in customers on o.CustomerId equals c.Id select new { o.Id, c.Name },
            from o in Orders join c in customers on o.CustomerId equals c.Id join o2 in Orders on c.Id equals o2.CustomerId where o2.Amount > o.Amount select new { o.Id, c.Name, Other = o2.Id },
            from o in Orders join c in customers on new { Id = o.CustomerId, Country = o.Note } equals new { c.Id, c.Country } select new { o, c },
            from o in Orders join c in customers on o.CustomerId equals c.Id into cs from c in cs.DefaultIfEmpty() select new { o.Id, Name = c == null ? "none" : c.Name, c },
            Orders.LeftJoin(customers, o => o.CustomerId, c => c.Id, (o, c) => new { o.Id, c!.Name }),
            (from a in Orders join b in Orders on a.Id equals b.Id select new { a.Id, B = b.Amount }).Distinct(),
            (from o in Orders join c in customers on o.CustomerId equals c.Id group o by c.Country into g select new { g.Key, Total = g.Sum(x => x.Amount) }),
        ];
        foreach (var q in qs) TestContext.Out.WriteLine(q.ToPlanString() + "\n");
    }
}
