using Spark.Connect;

namespace Spark.Linq.Testing.Tests;

/// <summary>Code under test that writes (Spark.Linq's write API) runs unchanged on a <see cref="SparkTestSession"/>.</summary>
public class WritesOnTestSessionTests
{
    [Test]
    public async Task A_table_written_from_a_query_reads_back_through_the_same_snake_case_mapping()
    {
        await using var spark = await SparkTestSession.StartAsync(o => o.NamingPolicy = ColumnNamingPolicy.SnakeCase, SparkTestTable.Of(Account.Sample()));
        var table = "gold_" + Guid.NewGuid().ToString("N")[..8];

        await spark.Table<Account>().Where(a => a.CustomerTier == Tier.Gold).WriteToTableAsync(table);

        var rows = await spark.Table<Account>(table).OrderBy(a => a.AccountId).Select(a => new { a.AccountId, a.HomeRegion, a.CreditLimit }).ToListAsync();
        Assert.That(rows.Select(r => (r.AccountId, r.HomeRegion, r.CreditLimit)), Is.EqualTo(new[] { (1, "eu", 1500.50m), (3, "apac", 9000m) }));
        var again = (await Assert.ThrowsAsync<SparkException>(() => spark.Table<Account>().WriteToTableAsync(table)))!;
        Assert.That(again.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_ALREADY_EXISTS"));
    }

    [Test]
    public async Task A_temp_view_of_a_query_is_private_to_its_test_session()
    {
        await using var spark = await SparkTestSession.StartAsync(SparkTestTable.Of("accounts", Account.Sample()));
        await using var other = await SparkTestSession.StartAsync();

        await spark.Table<Account>("accounts").Where(a => a.CreditLimit > 1000m).CreateTempViewAsync("rich");

        Assert.That(await spark.Table<Account>("rich").Select(a => a.DisplayName).OrderBy(n => n).ToListAsync(), Is.EqualTo(new[] { "Ada", "Chen" }));
        var missing = (await Assert.ThrowsAsync<SparkException>(() => other.Table<Account>("rich").ToListAsync()))!;
        Assert.That(missing.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }
}
