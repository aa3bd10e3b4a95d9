using Spark.Connect;
using Spark.Connect.Local;

namespace Spark.Linq.Testing.Tests;

/// <summary>
/// <see cref="SparkTestSession"/>: a session per test on the shared engine, tables loaded through Spark.Linq's own
/// mapping (naming policy included), private to the session.
/// </summary>
public class SparkTestSessionTests
{
    [Test]
    public async Task A_session_reads_the_rows_it_was_started_with_typed_as_Spark_Linq_maps_them()
    {
        await using var spark = await SparkTestSession.StartAsync(SparkTestTable.Of("accounts", Account.Sample()));

        var gold = await spark.Table<Account>("accounts").Where(a => a.CustomerTier == Tier.Gold).OrderBy(a => a.AccountId).ToListAsync();

        Assert.That(gold.Select(a => (a.AccountId, a.DisplayName, a.CreditLimit, a.OpenedAt, a.HomeRegion)), Is.EqualTo(new[]
        {
            (1, "Ada", 1500.50m, new DateTime(2023, 5, 1), "eu"),
            (3, "Chen", 9000m, new DateTime(2022, 11, 30), "apac"),
        }));
    }

    [Test]
    public async Task A_snake_case_session_finds_the_columns_its_tables_were_made_with()
    {
        await using var spark = await SparkTestSession.StartAsync(o => o.NamingPolicy = ColumnNamingPolicy.SnakeCase, SparkTestTable.Of(Account.Sample()));

        var rows = await spark.Table<Account>().Where(a => a.CreditLimit > 1000m).OrderBy(a => a.OpenedAt)
            .Select(a => new { a.DisplayName, a.HomeRegion }).ToListAsync();
        var schema = await spark.Session.Sql<ColumnName>("SELECT * FROM accounts").SchemaAsync();
        var columns = schema.Struct.Fields.Select(f => new ColumnName(f.Name)).ToList();

        Assert.That(rows.Select(r => (r.DisplayName, r.HomeRegion)), Is.EqualTo(new[] { ("Chen", "apac"), ("Ada", "eu") }));
        Assert.That(spark.Table<Account>().ToQueryPlan().Tables, Is.EqualTo(new[] { "accounts" }), "named by [Table]");
        Assert.That(columns.Select(c => c.Name), Is.EqualTo(new[] { "account_id", "display_name", "credit_limit", "customer_tier", "opened_at", "region" }));
    }

    [Test]
    public async Task Sessions_running_in_parallel_never_see_each_others_tables()
    {
        async Task<(int Tag, long Count, long Distinct)> Run(int tag)
        {
            var rows = Enumerable.Range(0, 50 + tag).Select(i => new Account { AccountId = tag, DisplayName = "n" + i }).ToList();
            await using var spark = await SparkTestSession.StartAsync(SparkTestTable.Of("accounts", rows));
            var count = await spark.Table<Account>("accounts").LongCountAsync();
            var others = await spark.Table<Account>("accounts").LongCountAsync(a => a.AccountId != tag);
            return (tag, count, others);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(tag => Task.Run(() => Run(tag))));

        Assert.That(results, Is.EqualTo(Enumerable.Range(0, 8).Select(tag => (tag, 50L + tag, 0L))));
    }

    [Test]
    public async Task A_table_of_one_session_does_not_exist_for_another()
    {
        await using var owner = await SparkTestSession.StartAsync(SparkTestTable.Of("accounts", Account.Sample()));
        await using var other = await SparkTestSession.StartAsync();

        var error = (await Assert.ThrowsAsync<SparkException>(() => other.Table<Account>("accounts").ToListAsync()))!;

        Assert.That(error.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(await owner.Table<Account>("accounts").CountAsync(), Is.EqualTo(3));
        Assert.That(other.Server, Is.SameAs(owner.Server), "both on the shared engine");
    }

    [Test]
    public async Task Tables_added_later_replace_one_of_the_same_name_and_may_be_empty()
    {
        await using var spark = await SparkTestSession.StartAsync(SparkTestTable.Of("accounts", Account.Sample()));

        await spark.AddTableAsync("accounts", Account.Sample().Take(1));
        await spark.AddTableAsync("closed", Array.Empty<Account>());

        Assert.That(await spark.Table<Account>("accounts").Select(a => a.DisplayName).ToListAsync(), Is.EqualTo(new[] { "Ada" }));
        Assert.That(await spark.Table<Account>("closed").ToListAsync(), Is.Empty);
    }

    [Test]
    public async Task A_name_with_a_database_is_refused_with_what_to_do_instead()
    {
        var error = (await Assert.ThrowsAsync<ArgumentException>(() => SparkTestSession.StartAsync(SparkTestTable.Of("sales.accounts", Account.Sample()))))!;

        Assert.That(error.Message, Does.Contain("one-part names").And.Contain("'accounts'"));
    }

    [Test]
    public async Task An_own_engine_serves_only_its_session_and_stops_with_it()
    {
        LocalSparkServer server;
        await using (var spark = await SparkTestSession.StartOwnEngineAsync(null, SparkTestTable.Of("accounts", Account.Sample())))
        {
            server = spark.Server;
            Assert.That(server, Is.Not.SameAs(await LocalSparkEngine.SharedAsync()));
            Assert.That(await spark.Table<Account>("accounts").CountAsync(), Is.EqualTo(3));
        }

        Assert.That(() => server.CreateTable("t", Account.Sample()), Throws.TypeOf<ObjectDisposedException>());
    }

    public sealed record ColumnName(string Name);
}
