using Spark.Connect;
using Spark.Connect.Local;

namespace Spark.Linq.Testing.Tests;

/// <summary>
/// Shared tables made through Spark.Linq's mapping (<see cref="LocalSparkServerTables.CreateTableAsync"/>): every
/// session sees them, with the columns a session of the same naming policy reads.
/// </summary>
public class LocalSparkServerTablesTests
{
    [Test]
    public async Task A_shared_table_made_for_snake_case_is_read_by_every_snake_case_session()
    {
        await using var server = await LocalSparkServer.StartAsync();
        await server.CreateTableAsync("accounts", Account.Sample(), ColumnNamingPolicy.SnakeCase);

        await using var first = await SparkTestSession.StartAsync(server, o => o.NamingPolicy = ColumnNamingPolicy.SnakeCase);
        await using var second = await SparkTestSession.StartAsync(server, o => o.NamingPolicy = ColumnNamingPolicy.SnakeCase);

        Assert.That(await first.Table<Account>("accounts").Where(a => a.AccountId > 1).Select(a => a.DisplayName).OrderBy(n => n).ToListAsync(),
            Is.EqualTo(new[] { "Brook", "Chen" }));
        Assert.That(await second.Table<Account>("accounts").SumAsync(a => a.CreditLimit), Is.EqualTo(10700.50m));
    }

    [Test]
    public async Task Creating_it_again_replaces_the_rows()
    {
        await using var server = await LocalSparkServer.StartAsync();
        await server.CreateTableAsync("accounts", Account.Sample(), ColumnNamingPolicy.AsIs);
        await server.CreateTableAsync("accounts", Account.Sample().Skip(2), ColumnNamingPolicy.AsIs);

        await using var spark = await SparkTestSession.StartAsync(server, null);

        Assert.That(await spark.Table<Account>("accounts").Select(a => a.AccountId).ToListAsync(), Is.EqualTo(new[] { 3 }));
    }

    [Test]
    public async Task A_database_the_engine_does_not_have_is_Sparks_schema_not_found()
    {
        await using var server = await LocalSparkServer.StartAsync();

        var error = (await Assert.ThrowsAsync<SparkException>(() => server.CreateTableAsync("sales.accounts", Account.Sample(), ColumnNamingPolicy.AsIs)))!;

        Assert.That(error.ErrorClass, Is.EqualTo("SCHEMA_NOT_FOUND"));
    }
}
