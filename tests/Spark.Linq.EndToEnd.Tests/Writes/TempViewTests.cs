using Spark.Connect;
using Spark.Connect.Local;

namespace Spark.Linq.EndToEnd.Tests.Writes;

/// <summary><c>CreateTempViewAsync</c> and <c>CreateOrReplaceTempViewAsync</c>: a view is the query, read back by name in its session only.</summary>
public sealed class TempViewTests
{
    private LocalSparkServer _server = null!;
    private SparkSession _spark = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await LocalSparkServer.StartAsync();
        _server.CreateTable("sales", Sales.First.Concat(Sales.Second));
        _spark = SparkSession.Connect(_server.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _spark.DisposeAsync();
        await _server.DisposeAsync();
    }

    private static string NewName() => "v_" + Guid.NewGuid().ToString("N")[..8];

    [Test]
    public async Task A_view_of_a_filtered_query_is_queried_by_name_with_further_operators()
    {
        var view = NewName();
        await _spark.Table<Sale>("sales").Where(s => s.Amount > 5).CreateTempViewAsync(view);

        var rows = await _spark.Table<Sale>(view).Where(s => s.Region != "east").OrderBy(s => s.Id).ToListAsync();

        var expected = Sales.First.Concat(Sales.Second).Where(s => s.Amount > 5 && s.Region != "east").OrderBy(s => s.Id).ToList();
        Assert.That(rows, Is.EqualTo(expected));
    }

    [Test]
    public async Task CreateTempView_of_an_existing_name_is_refused_and_the_view_is_kept()
    {
        var view = NewName();
        await _spark.CreateDataFrame(Sales.First).CreateTempViewAsync(view);

        var error = (await Assert.ThrowsAsync<SparkException>(() => _spark.CreateDataFrame(Sales.Second).CreateTempViewAsync(view)))!;

        Assert.That(error.ErrorClass, Is.EqualTo("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS"));
        Assert.That(await _spark.Table<Sale>(view).OrderBy(s => s.Id).ToListAsync(), Is.EqualTo(Sales.First));
    }

    [Test]
    public async Task CreateOrReplaceTempView_replaces_the_view()
    {
        var view = NewName();
        await _spark.CreateDataFrame(Sales.First).CreateOrReplaceTempViewAsync(view);
        await _spark.CreateDataFrame(Sales.Second).CreateOrReplaceTempViewAsync(view);

        Assert.That(await _spark.Table<Sale>(view).OrderBy(s => s.Id).ToListAsync(), Is.EqualTo(Sales.Second));
    }

    [Test]
    public async Task A_view_is_visible_to_its_session_only()
    {
        var view = NewName();
        await _spark.CreateDataFrame(Sales.First).CreateOrReplaceTempViewAsync(view);
        await using var other = SparkSession.Connect(_server.ConnectionString);

        var error = (await Assert.ThrowsAsync<SparkException>(() => other.Table<Sale>(view).ToListAsync()))!;

        Assert.That(error.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public async Task A_view_of_a_missing_table_is_refused_when_created()
    {
        var error = (await Assert.ThrowsAsync<SparkException>(() => _spark.Table<Sale>("no_such_sales").CreateOrReplaceTempViewAsync(NewName())))!;
        Assert.That(error.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public async Task A_multi_part_view_name_is_refused()
    {
        var error = (await Assert.ThrowsAsync<SparkException>(() => _spark.CreateDataFrame(Sales.First).CreateTempViewAsync("db." + NewName())))!;
        Assert.That(error.ErrorClass, Is.EqualTo("TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS"));
    }
}
