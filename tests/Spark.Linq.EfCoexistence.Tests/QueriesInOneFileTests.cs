using Microsoft.EntityFrameworkCore;
using Spark.Linq;

namespace EfCoexistence;

/// <summary>
/// Query syntax, joins and subqueries over both providers in one file that imports both libraries: Spark
/// queries stay <see cref="ISparkQueryable{T}"/> through every operator (so Spark's async operators bind at the
/// end), also when another Spark query is used inside a lambda.
/// </summary>
public sealed class QueriesInOneFileTests
{
    private ShopContext _db = null!;

    private static SparkSession Spark => LocalSpark.Session;

    [SetUp]
    public void OpenDatabase() => _db = ShopContext.Seeded();

    [TearDown]
    public void CloseDatabase() => _db.Dispose();

    [Test]
    public async Task Query_syntax_with_join_group_and_orderby_runs_on_both_providers()
    {
        var expected = (from o in Seed.Orders()
                        join c in Seed.Customers() on o.CustomerId equals c.Id
                        where o.Amount > 50m
                        group o by c.Name into g
                        orderby g.Key
                        select (g.Key, g.Count(), g.Sum(o => o.Amount))).ToList();

        var fromEf = await (from o in _db.Orders
                            join c in _db.Customers on o.CustomerId equals c.Id
                            where o.Amount > 50m
                            group o by c.Name into g
                            orderby g.Key
                            select new { Name = g.Key, Count = g.Count(), Total = g.Sum(o => o.Amount) }).ToListAsync();
        var fromSpark = await (from o in Spark.Table<Order>("orders")
                               join c in Spark.Table<Customer>("customers") on o.CustomerId equals c.Id
                               where o.Amount > 50m
                               group o by c.Name into g
                               orderby g.Key
                               select new { Name = g.Key, Count = g.Count(), Total = g.Sum(o => o.Amount) }).ToListAsync();

        Assert.That(expected, Has.Count.GreaterThan(1));
        Assert.That(fromEf.Select(r => (r.Name, r.Count, r.Total)), Is.EqualTo(expected));
        Assert.That(fromSpark.Select(r => (r.Name, r.Count, r.Total)), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_left_join_in_query_syntax_keeps_orders_without_a_customer()
    {
        var expected = Seed.Orders().Count(o => Seed.Customers().All(c => c.Id != o.CustomerId));

        var orphans = await (from o in Spark.Table<Order>("orders")
                             join c in Spark.Table<Customer>("customers") on o.CustomerId equals c.Id into matches
                             from c in matches.DefaultIfEmpty()
                             where c == null
                             select o.Id).CountAsync();

        Assert.That(expected, Is.GreaterThan(0));
        Assert.That(orphans, Is.EqualTo(expected));
    }

    [Test]
    public async Task A_Spark_subquery_inside_a_lambda_becomes_a_semi_join()
    {
        var customers = Spark.Table<Customer>("customers");
        var vipIds = Seed.Customers().Where(c => c.Vip).Select(c => c.Id).ToHashSet();
        var expected = Seed.Orders().Where(o => vipIds.Contains(o.CustomerId)).Select(o => o.Id).Order().ToList();

        var fromSpark = await Spark.Table<Order>("orders")
            .Where(o => customers.Where(c => c.Vip).Any(c => c.Id == o.CustomerId))
            .OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
        var fromEf = await _db.Orders
            .Where(o => _db.Customers.Where(c => c.Vip).Any(c => c.Id == o.CustomerId))
            .OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();

        Assert.That(expected, Is.Not.Empty);
        Assert.That(fromSpark, Is.EqualTo(expected));
        Assert.That(fromEf, Is.EqualTo(expected));
    }

    [Test]
    public async Task A_correlated_Spark_query_in_SelectMany_joins_the_rows()
    {
        var customers = Spark.Table<Customer>("customers");
        var expected = (from o in Seed.Orders()
                        from c in Seed.Customers().Where(c => c.Id == o.CustomerId && c.Vip)
                        orderby o.Id
                        select (o.Id, c.Name)).ToList();

        var rows = await (from o in Spark.Table<Order>("orders")
                          from c in customers.Where(c => c.Id == o.CustomerId && c.Vip)
                          orderby o.Id
                          select new { o.Id, c.Name }).ToListAsync();

        Assert.That(expected, Is.Not.Empty);
        Assert.That(rows.Select(r => (r.Id, r.Name)), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_Spark_query_held_as_a_plain_IQueryable_runs_after_AsSparkQueryable()
    {
        IQueryable<Order> plain = Spark.Table<Order>("orders").Where(o => o.Region == "APAC");
        var expected = Seed.Orders().Count(o => o.Region == "APAC");

        Assert.That(await plain.AsSparkQueryable().CountAsync(), Is.EqualTo(expected));
        // Without it EF Core's operator binds, and refuses a query of another provider rather than answering.
        await Assert.ThrowsAsync<InvalidOperationException>(() => plain.CountAsync());
        var error = Assert.Throws<ArgumentException>(() => _db.Orders.AsSparkQueryable());
        Assert.That(error!.Message, Does.Contain("not a Spark.Linq query"));
    }
}
