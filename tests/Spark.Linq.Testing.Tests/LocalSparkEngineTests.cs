namespace Spark.Linq.Testing.Tests;

/// <summary>The shared engine: one per process, started on first use, stoppable once the tests are done.</summary>
public class LocalSparkEngineTests
{
    [Test]
    public async Task The_shared_engine_is_one_until_it_is_shut_down_and_then_a_new_one_starts()
    {
        var first = await LocalSparkEngine.SharedAsync();
        var again = await LocalSparkEngine.SharedAsync();

        await LocalSparkEngine.ShutdownSharedAsync();
        var next = await LocalSparkEngine.SharedAsync();
        await using var spark = await SparkTestSession.StartAsync(SparkTestTable.Of("accounts", Account.Sample()));

        Assert.That(again, Is.SameAs(first));
        Assert.That(() => first.CreateTable("t", Account.Sample()), Throws.TypeOf<ObjectDisposedException>(), "the first engine was stopped");
        Assert.That(next, Is.Not.SameAs(first));
        Assert.That(spark.Server, Is.SameAs(next));
        Assert.That(await spark.Table<Account>("accounts").CountAsync(), Is.EqualTo(3));
    }
}
