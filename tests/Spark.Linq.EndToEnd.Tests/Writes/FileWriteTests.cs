using Spark.Connect;
using Spark.Connect.Local;

namespace Spark.Linq.EndToEnd.Tests.Writes;

/// <summary>
/// <c>WriteParquetAsync</c>, <c>WriteCsvAsync</c> and <c>WriteJsonAsync</c> against a local engine whose clients may
/// write only below a temporary data directory: the files read back (registered as tables) hold the query's rows,
/// partition members become hive directories named by the mapped column, each mode behaves as Spark's, and a path
/// the server does not allow is refused with Spark's error class.
/// </summary>
public sealed class FileWriteTests
{
    private string _root = null!;
    private LocalSparkServer _server = null!;
    private SparkSession _spark = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _root = Directory.CreateTempSubdirectory("spark-linq-writes-").FullName;
        _server = await LocalSparkServer.StartAsync(new LocalSparkServerOptions { DataDirectories = [_root] });
        _spark = SparkSession.Connect(_server.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _spark.DisposeAsync();
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private string NewPath() => Path.Combine(_root, "out_" + Guid.NewGuid().ToString("N")[..8]);

    private ISparkQueryable<Sale> First => _spark.CreateDataFrame(Sales.First);

    private ISparkQueryable<Sale> Second => _spark.CreateDataFrame(Sales.Second);

    /// <summary>The rows of the files under <paramref name="path"/>, read back through the engine as a table.</summary>
    private Task<List<Sale>> ReadBack(string path, string format = "parquet")
    {
        var name = "files_" + Guid.NewGuid().ToString("N")[..8];
        _server.RegisterFile(name, path, format);
        return _spark.Table<Sale>(name).OrderBy(s => s.Id).ToListAsync();
    }

    [Test]
    public async Task Parquet_files_hold_the_query_rows_and_a_second_write_is_refused()
    {
        var path = NewPath();
        await First.WriteParquetAsync(path);

        Assert.That(await ReadBack(path), Is.EqualTo(Sales.First));
        Assert.That(File.Exists(Path.Combine(path, "_SUCCESS")), Is.True, "a completed write is marked as Spark marks it");
        var error = (await Assert.ThrowsAsync<SparkException>(() => Second.WriteParquetAsync(path)))!;
        Assert.That(error.ErrorClass, Is.EqualTo("PATH_ALREADY_EXISTS"));
        Assert.That(await ReadBack(path), Is.EqualTo(Sales.First));
    }

    [Test]
    public async Task Append_adds_files_and_overwrite_replaces_them()
    {
        var path = NewPath();
        await First.WriteParquetAsync(path, SparkWriteMode.Append);
        await Second.WriteParquetAsync(path, SparkWriteMode.Append);
        Assert.That(await ReadBack(path), Is.EqualTo(Sales.First.Concat(Sales.Second).ToList()));

        await Second.Where(s => s.Region == "south").WriteParquetAsync(path, SparkWriteMode.Overwrite);
        Assert.That(await ReadBack(path), Is.EqualTo(Sales.Second.Where(s => s.Region == "south").ToList()));
    }

    [Test]
    public async Task Ignore_leaves_existing_files_alone()
    {
        var path = NewPath();
        await First.WriteJsonAsync(path);
        await Second.WriteJsonAsync(path, SparkWriteMode.Ignore);

        Assert.That(await ReadBack(path, "json"), Is.EqualTo(Sales.First));
    }

    [Test]
    public async Task Partition_members_become_hive_directories_of_the_mapped_column()
    {
        var path = NewPath();
        await First.WriteParquetAsync(path, new SparkWriteOptions<Sale> { Mode = SparkWriteMode.Overwrite, PartitionBy = { s => s.Region } });

        Assert.That(Directory.GetDirectories(path).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "Region=north", "Region=south" }));
        Assert.That(await ReadBack(path), Is.EqualTo(Sales.First));
    }

    [Test]
    public async Task Csv_with_a_header_option_reads_back_the_rows()
    {
        var path = NewPath();
        await First.WriteCsvAsync(path, new SparkWriteOptions<Sale> { Options = { ["header"] = "true" } });

        var text = File.ReadAllLines(Directory.GetFiles(path, "*.csv").Single());
        Assert.That(text[0], Is.EqualTo("Id,Region,Amount,Note"));
        Assert.That(await ReadBack(path, "csv"), Is.EqualTo(Sales.First));
    }

    [Test]
    public async Task An_option_the_server_does_not_know_is_refused_by_name()
    {
        var path = NewPath();
        var error = (await Assert.ThrowsAsync<SparkException>(() =>
            First.WriteParquetAsync(path, new SparkWriteOptions<Sale> { Options = { ["bloomFilter"] = "on" } })))!;

        Assert.That(error.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(error.Message, Does.Contain("bloomFilter"));
        Assert.That(Directory.Exists(path), Is.False);
    }

    [Test]
    public async Task A_path_outside_the_data_directories_is_refused_in_every_mode([Values] SparkWriteMode mode)
    {
        var outside = Path.Combine(Path.GetTempPath(), "spark-linq-outside-" + Guid.NewGuid().ToString("N")[..8]);

        var error = (await Assert.ThrowsAsync<SparkException>(() => First.WriteParquetAsync(outside, mode)))!;

        Assert.That(error.ErrorClass, Is.EqualTo("INSUFFICIENT_PERMISSIONS"));
        Assert.That(Directory.Exists(outside), Is.False);
    }
}
