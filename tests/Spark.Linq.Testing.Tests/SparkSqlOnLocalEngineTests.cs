namespace Spark.Linq.Testing.Tests;

/// <summary>
/// <c>ToSparkSql()</c> run back through the local engine: the rendered SQL must answer what the query answers. The
/// engine parses Spark SQL itself; these queries keep to what its parser and function catalog cover today (no
/// timestamps, no quotes or backslashes inside strings, no Spark-only joins); the Spark-only spellings are pinned
/// offline in Spark.Linq.Tests.
/// </summary>
public class SparkSqlOnLocalEngineTests
{
    private SparkTestSession _spark = null!;

    [SetUp]
    public async Task StartAsync() => _spark = await SparkTestSession.StartAsync(SparkTestTable.Of("accounts", Accounts()), SparkTestTable.Of("regions", Regions()));

    [TearDown]
    public async Task StopAsync() => await _spark.DisposeAsync();

    private ISparkQueryable<Account> Accounts_ => _spark.Table<Account>("accounts");

    [Test]
    public async Task Filter_order_and_paging_with_captured_values()
    {
        var minimum = 150m;
        var tier = Tier.Gold;
        await AssertSameRowsInOrder(Accounts_.Where(a => a.CreditLimit >= minimum && a.CustomerTier == tier).OrderByDescending(a => a.CreditLimit).ThenBy(a => a.AccountId)
            .Skip(1).Take(3).Select(a => new { a.AccountId, a.DisplayName }));
    }

    [Test]
    public async Task Grouping_with_aggregates_and_ordering_on_them()
    {
        await AssertSameRowsInOrder(Accounts_.Where(a => a.AccountId > 2).GroupBy(a => a.HomeRegion)
            .Select(g => new { Region = g.Key, Accounts = g.Count(), Credit = g.Sum(a => a.CreditLimit), Top = g.Max(a => a.CreditLimit) })
            .OrderByDescending(x => x.Credit).ThenBy(x => x.Region));
    }

    [Test]
    public async Task Joins_conditionals_and_null_handling()
    {
        await AssertSameRows(Accounts_.Join(_spark.Table<Region>("regions"), a => a.HomeRegion, r => r.Code, (a, r) => new { a, r })
            .Where(x => x.r.Name != "Antarctica")
            .Select(x => new { x.a.AccountId, Region = x.r.Name, Size = x.a.CreditLimit > 1000m ? "large" : "small", Note = x.r.Note ?? "none" }));
    }

    [Test]
    public async Task Distinct_set_operations_and_string_functions()
    {
        await AssertSameRows(Accounts_.Select(a => a.HomeRegion.ToUpper()).Distinct()
            .Union(_spark.Table<Region>("regions").Select(r => r.Code.ToUpper()))
            .Concat(Accounts_.Where(a => a.DisplayName.Length > 2 && a.CustomerTier == Tier.Basic).Select(a => a.DisplayName.ToLower())));
    }

    private async Task AssertSameRowsInOrder<T>(ISparkQueryable<T> query)
    {
        var (expected, actual) = await BothAsync(query);
        Assert.That(actual, Is.EqualTo(expected));
    }

    private async Task AssertSameRows<T>(ISparkQueryable<T> query)
    {
        var (expected, actual) = await BothAsync(query);
        Assert.That(actual, Is.EquivalentTo(expected));
    }

    private async Task<(List<T> Query, List<T> Sql)> BothAsync<T>(ISparkQueryable<T> query)
    {
        var sql = query.ToSparkSql();
        var rows = await query.ToListAsync();
        var fromSql = await _spark.Session.Sql<T>(sql).ToListAsync();
        Assert.That(rows, Is.Not.Empty, "a query with no rows would prove nothing");
        TestContext.Out.WriteLine(sql);
        return (rows, fromSql);
    }

    private static IEnumerable<Account> Accounts() => Enumerable.Range(1, 40).Select(i => new Account
    {
        AccountId = i,
        DisplayName = (i % 3 == 0 ? "A" : "B") + i,
        CreditLimit = i * 37.25m % 2000m,
        CustomerTier = i % 2 == 0 ? Tier.Gold : Tier.Basic,
        OpenedAt = new DateTime(2024, 1, 1).AddDays(i),
        HomeRegion = (i % 4) switch { 0 => "eu", 1 => "us", 2 => "apac", _ => "latam" },
    });

    private static IEnumerable<Region> Regions() =>
    [
        new("eu", "Europe", "home"),
        new("us", "Americas", null),
        new("apac", "Asia-Pacific", null),
        new("aq", "Antarctica", "cold"),
    ];

    public sealed record Region(string Code, string Name, string? Note);
}
