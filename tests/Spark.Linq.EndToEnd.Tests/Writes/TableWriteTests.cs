using Spark.Connect;
using Spark.Connect.Local;

namespace Spark.Linq.EndToEnd.Tests.Writes;

/// <summary>
/// <c>WriteToTableAsync</c> and <c>InsertIntoAsync</c> against the local engine: rows written are the rows read back
/// through <c>spark.Table&lt;T&gt;()</c>, each mode does what Spark's does, and refusals arrive with Spark's error class.
/// </summary>
public sealed class TableWriteTests
{
    private LocalSparkServer _server = null!;
    private SparkSession _spark = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await LocalSparkServer.StartAsync();
        _spark = SparkSession.Connect(_server.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _spark.DisposeAsync();
        await _server.DisposeAsync();
    }

    private static string NewName() => "sales_" + Guid.NewGuid().ToString("N")[..8];

    private Task<List<Sale>> ReadBack(string table) => _spark.Table<Sale>(table).OrderBy(s => s.Id).ToListAsync();

    [Test]
    public async Task ErrorIfExists_creates_the_table_with_the_query_rows_then_refuses_a_second_write()
    {
        var table = NewName();
        await _spark.CreateDataFrame(Sales.First).WriteToTableAsync(table);

        Assert.That(await ReadBack(table), Is.EqualTo(Sales.First));
        var error = (await Assert.ThrowsAsync<SparkException>(() => _spark.CreateDataFrame(Sales.Second).WriteToTableAsync(table, SparkWriteMode.ErrorIfExists)))!;
        Assert.That(error.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_ALREADY_EXISTS"));
        Assert.That(await ReadBack(table), Is.EqualTo(Sales.First), "the refused write left the table as it was");
    }

    [Test]
    public async Task Append_adds_the_rows_of_a_filtered_query_and_creates_a_missing_table()
    {
        var table = NewName();
        await _spark.CreateDataFrame(Sales.First).Where(s => s.Region == "north").WriteToTableAsync(table, SparkWriteMode.Append);
        await _spark.CreateDataFrame(Sales.Second).WriteToTableAsync(table, SparkWriteMode.Append);

        var expected = Sales.First.Where(s => s.Region == "north").Concat(Sales.Second).ToList();
        Assert.That(await ReadBack(table), Is.EqualTo(expected));
    }

    [Test]
    public async Task Append_of_rows_missing_a_table_column_is_refused_by_name()
    {
        var table = NewName();
        await _spark.CreateDataFrame(Sales.First).WriteToTableAsync(table);

        var error = (await Assert.ThrowsAsync<SparkException>(() =>
            _spark.CreateDataFrame(Sales.Second).Select(s => new { s.Id, s.Region, s.Amount }).WriteToTableAsync(table, SparkWriteMode.Append)))!;

        Assert.That(error.ErrorClass, Is.EqualTo("INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_FIND_DATA"));
        Assert.That(await ReadBack(table), Is.EqualTo(Sales.First));
    }

    [Test]
    public async Task Overwrite_replaces_the_rows()
    {
        var table = NewName();
        await _spark.CreateDataFrame(Sales.First).WriteToTableAsync(table);
        await _spark.CreateDataFrame(Sales.Second).WriteToTableAsync(table, SparkWriteMode.Overwrite);

        Assert.That(await ReadBack(table), Is.EqualTo(Sales.Second));
    }

    [Test]
    public async Task Overwrite_of_the_table_the_query_reads_is_refused_and_keeps_the_rows()
    {
        var table = NewName();
        await _spark.CreateDataFrame(Sales.First).WriteToTableAsync(table);

        var error = (await Assert.ThrowsAsync<SparkException>(() =>
            _spark.Table<Sale>(table).Where(s => s.Amount > 8).WriteToTableAsync(table, SparkWriteMode.Overwrite)))!;

        Assert.That(error.ErrorClass, Is.EqualTo("UNSUPPORTED_OVERWRITE.TABLE"));
        Assert.That(await ReadBack(table), Is.EqualTo(Sales.First));
    }

    [Test]
    public async Task Ignore_leaves_an_existing_table_alone_and_creates_a_missing_one()
    {
        var existing = NewName();
        var missing = NewName();
        await _spark.CreateDataFrame(Sales.First).WriteToTableAsync(existing);

        await _spark.CreateDataFrame(Sales.Second).WriteToTableAsync(existing, SparkWriteMode.Ignore);
        await _spark.CreateDataFrame(Sales.Second).WriteToTableAsync(missing, SparkWriteMode.Ignore);

        Assert.That(await ReadBack(existing), Is.EqualTo(Sales.First));
        Assert.That(await ReadBack(missing), Is.EqualTo(Sales.Second));
    }

    [Test]
    public async Task Ignore_into_an_unknown_database_is_refused()
    {
        var error = (await Assert.ThrowsAsync<SparkException>(() => _spark.CreateDataFrame(Sales.First).WriteToTableAsync("nowhere." + NewName(), SparkWriteMode.Ignore)))!;
        Assert.That(error.ErrorClass, Is.EqualTo("SCHEMA_NOT_FOUND"));
    }

    [Test]
    public async Task A_qualified_default_name_writes_the_same_table()
    {
        var table = NewName();
        await _spark.CreateDataFrame(Sales.First).WriteToTableAsync("default." + table);
        Assert.That(await ReadBack(table), Is.EqualTo(Sales.First));
    }

    [Test]
    public async Task InsertInto_appends_by_position_and_overwrite_replaces()
    {
        var table = NewName();
        await _spark.CreateDataFrame(Sales.First).WriteToTableAsync(table);

        // Positions, not names: the projection's names differ from the table's, its order matches.
        await _spark.CreateDataFrame(Sales.Second).Select(s => new { A = s.Id, B = s.Region, C = s.Amount, D = s.Note }).InsertIntoAsync(table);
        Assert.That(await ReadBack(table), Is.EqualTo(Sales.First.Concat(Sales.Second).ToList()));

        await _spark.CreateDataFrame(Sales.Second).InsertIntoAsync(table, overwrite: true);
        Assert.That(await ReadBack(table), Is.EqualTo(Sales.Second));
    }

    [Test]
    public async Task InsertInto_an_unknown_table_is_refused()
    {
        var error = (await Assert.ThrowsAsync<SparkException>(() => _spark.CreateDataFrame(Sales.First).InsertIntoAsync(NewName())))!;
        Assert.That(error.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public async Task InsertInto_with_too_few_columns_is_refused()
    {
        var table = NewName();
        await _spark.CreateDataFrame(Sales.First).WriteToTableAsync(table);

        var error = (await Assert.ThrowsAsync<SparkException>(() =>
            _spark.CreateDataFrame(Sales.Second).Select(s => new SaleWithoutNote(s.Id, s.Region, s.Amount)).InsertIntoAsync(table, overwrite: true)))!;

        Assert.That(error.ErrorClass, Is.EqualTo("INSERT_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS"));
        Assert.That(await ReadBack(table), Is.EqualTo(Sales.First), "the refused overwrite kept the rows");
    }

    [Test]
    public async Task A_cancelled_write_throws_and_writes_nothing()
    {
        var table = NewName();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.CatchAsync<OperationCanceledException>(() => _spark.CreateDataFrame(Sales.First).WriteToTableAsync(table, SparkWriteMode.Append, cancelled.Token));

        var missing = (await Assert.ThrowsAsync<SparkException>(() => ReadBack(table)))!;
        Assert.That(missing.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }
}
