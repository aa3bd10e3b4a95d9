using Spark.Connect.Arrow;
using SaveMode = Spark.Connect.Protocol.WriteOperation.Types.SaveMode;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>DataFrameWriter v1 to paths: directories of part files read back with Read.DataSource, modes, partitions, options, errors.</summary>
public sealed class WritePathTests : WriteTestBase
{
    private const string People =
        "SELECT * FROM (VALUES (1, 'Ann', CAST(1.5 AS DOUBLE), DATE '2024-01-02', 10), (2, NULL, 2.5, NULL, 10), (3, 'Cid', -0.25, DATE '2023-12-31', 20)) AS t(id, name, score, day, dept)";

    private string Target => Path.Combine(Scratch, "out");

    [TestCase("parquet")]
    [TestCase("json")]
    public async Task Writes_a_directory_of_part_files_that_reads_back_with_rows_and_types(string format)
    {
        var client = NewClient();
        await RunAsync(client, Command(ToPath(People, Target, format)));

        var files = Directory.GetFiles(Target).Select(Path.GetFileName).ToList();
        Assert.That(files, Does.Contain("_SUCCESS"));
        Assert.That(files.Where(f => f!.StartsWith("part-00000-", StringComparison.Ordinal) && f.EndsWith("." + format, StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(1));
        Assert.That(await LinesAsync(client, ReadFiles(format, Target)), Is.EqualTo(new[]
        {
            "1|Ann|1.5|2024-01-02|10", "2|∅|2.5|∅|10", "3|Cid|-0.25|2023-12-31|20",
        }));
        if (format == "parquet")
        {
            Assert.That(await ColumnsAsync(client, ReadFiles(format, Target)), Is.EqualTo(new[]
            {
                ("id", ArrowTypeId.Int32), ("name", ArrowTypeId.Utf8), ("score", ArrowTypeId.Float64), ("day", ArrowTypeId.Date32), ("dept", ArrowTypeId.Int32),
            }));
        }
    }

    [Test]
    public async Task Csv_honours_header_and_separator_and_reads_back()
    {
        var client = NewClient();
        await RunAsync(client, Command(ToPath("SELECT 1 AS a, 'x;y' AS b UNION ALL SELECT 2, 'z'", Target, "csv", options: new() { ["header"] = "true", ["sep"] = ";" })));

        var part = Directory.GetFiles(Target, "part-*.csv").Single();
        Assert.That(File.ReadAllLines(part)[0], Is.EqualTo("a;b"));
        var options = new Dictionary<string, string> { ["header"] = "true", ["sep"] = ";" };
        Assert.That(await LinesAsync(client, ReadFiles("csv", Target, options)), Is.EqualTo(new[] { "1|x;y", "2|z" }));
    }

    [Test]
    public async Task Csv_without_header_option_writes_no_header_like_Spark()
    {
        var client = NewClient();
        await RunAsync(client, Command(ToPath("SELECT 1 AS a, 'x' AS b", Target, "csv")));

        Assert.That(File.ReadAllLines(Directory.GetFiles(Target, "part-*.csv").Single()), Is.EqualTo(new[] { "1,x" }));
    }

    [Test]
    public async Task An_existing_path_fails_by_default_with_PATH_ALREADY_EXISTS()
    {
        var client = NewClient();
        await RunAsync(client, Command(ToPath(People, Target)));

        var error = await FailsAsync(client, Command(ToPath(People, Target)));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("PATH_ALREADY_EXISTS", "42K04")));
        var explicitMode = await FailsAsync(client, Command(ToPath(People, Target, mode: SaveMode.ErrorIfExists)));
        Assert.That(explicitMode.ErrorClass, Is.EqualTo("PATH_ALREADY_EXISTS"));
    }

    [Test]
    public async Task Ignore_append_and_overwrite_follow_Spark()
    {
        var client = NewClient();
        await RunAsync(client, Command(ToPath("SELECT 1 AS id", Target, mode: SaveMode.Ignore)));
        await RunAsync(client, Command(ToPath("SELECT 2 AS id", Target, mode: SaveMode.Ignore)));
        Assert.That(await LinesAsync(client, ReadFiles("parquet", Target)), Is.EqualTo(new[] { "1" }));

        await RunAsync(client, Command(ToPath("SELECT 2 AS id", Target, mode: SaveMode.Append)));
        Assert.That(await LinesAsync(client, ReadFiles("parquet", Target)), Is.EqualTo(new[] { "1", "2" }));

        await RunAsync(client, Command(ToPath("SELECT 'x' AS other", Target, mode: SaveMode.Overwrite)));
        Assert.That(await LinesAsync(client, ReadFiles("parquet", Target)), Is.EqualTo(new[] { "x" }));
        Assert.That(Directory.GetDirectories(Scratch), Is.EqualTo(new[] { Target }), "no staging directory is left behind");
    }

    [Test]
    public async Task Append_creates_a_missing_path()
    {
        var client = NewClient();
        await RunAsync(client, Command(ToPath("SELECT 7 AS id", Target, mode: SaveMode.Append)));
        Assert.That(await LinesAsync(client, ReadFiles("parquet", Target)), Is.EqualTo(new[] { "7" }));
    }

    [Test]
    public async Task Partitioned_output_is_hive_directories_and_reads_back_with_partition_columns()
    {
        var client = NewClient();
        await RunAsync(client, Command(ToPath("SELECT * FROM (VALUES (1, 'a', 10), (2, 'b', 10), (3, 'c', NULL)) AS t(id, name, dept)", Target, partitionBy: ["dept"])));

        var directories = Directory.GetDirectories(Target).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.That(directories, Is.EqualTo(new[] { "dept=10", "dept=__HIVE_DEFAULT_PARTITION__" }));
        var read = ReadFiles("parquet", Target);
        Assert.That((await ColumnsAsync(client, read)).Select(c => c.Name), Is.EqualTo(new[] { "id", "name", "dept" }), "partition columns come last, as in Spark");
        Assert.That(await LinesAsync(client, read), Is.EqualTo(new[] { "1|a|10", "2|b|10", "3|c|∅" }));

        await RunAsync(client, Command(ToPath("SELECT 4 AS id, 'd' AS name, 10 AS dept", Target, mode: SaveMode.Append, partitionBy: ["dept"])));
        Assert.That(await LinesAsync(client, read), Has.Count.EqualTo(4));
    }

    [Test]
    public async Task Partition_columns_must_exist_and_leave_a_data_column()
    {
        var client = NewClient();
        var missing = await FailsAsync(client, Command(ToPath(People, Target, partitionBy: ["nope"])));
        Assert.That(missing.ErrorClass, Is.EqualTo("COLUMN_NOT_FOUND"));
        var all = await FailsAsync(client, Command(ToPath("SELECT 1 AS a", Target, partitionBy: ["a"])));
        Assert.That(all.ErrorClass, Is.EqualTo("ALL_PARTITION_COLUMNS_NOT_ALLOWED"));
        Assert.That(Directory.Exists(Target), Is.False);
    }

    [Test]
    public async Task Overwriting_the_path_being_read_is_refused_as_in_Spark()
    {
        var client = NewClient();
        await RunAsync(client, Command(ToPath("SELECT 1 AS id", Target)));
        var write = new WriteOperation { Input = ReadFiles("parquet", Target).Root, Path = Target, Mode = SaveMode.Overwrite };

        var error = await FailsAsync(client, Command(write));
        Assert.That(error.ErrorClass, Is.EqualTo("UNSUPPORTED_OVERWRITE.PATH"));
        Assert.That(await LinesAsync(client, ReadFiles("parquet", Target)), Is.EqualTo(new[] { "1" }));
    }

    [Test]
    public async Task Unsupported_writer_features_name_themselves()
    {
        var client = NewClient();
        var bucketed = ToPath(People, Target);
        bucketed.BucketBy = new WriteOperation.Types.BucketBy { NumBuckets = 4, BucketColumnNames = { "id" } };
        var sorted = ToPath(People, Target);
        sorted.SortColumnNames.Add("name");
        sorted.BucketBy = new WriteOperation.Types.BucketBy { NumBuckets = 4, BucketColumnNames = { "id" } };
        foreach (var (plan, name) in new[] { (Command(bucketed), "bucketBy"), (Command(sorted), "sortBy"),
            (Command(ToPath(People, Target, "orc")), "orc"), (Command(ToPath(People, Target, "csv", options: new() { ["escape"] = "\\" })), "escape") })
        {
            var error = await FailsAsync(client, plan);
            Assert.That(error.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"), name);
            Assert.That(error.Message, Does.Contain(name));
        }
        Assert.That(Directory.Exists(Target), Is.False);
    }

    [Test]
    public async Task SortBy_without_bucketBy_is_sparks_analysis_error_and_writes_nothing()
    {
        var client = NewClient();
        var sorted = ToPath(People, Target);
        sorted.SortColumnNames.Add("name");
        var error = await FailsAsync(client, Command(sorted));
        Assert.Multiple(() =>
        {
            Assert.That(error.ErrorClass, Is.EqualTo("SORT_BY_WITHOUT_BUCKETING"));
            Assert.That(error.Message, Does.Contain("sortBy must be used together with bucketBy"));
            Assert.That(Directory.Exists(Target), Is.False);
        });
    }

    [Test]
    public async Task Values_in_the_written_query_stay_parameters()
    {
        var client = NewClient();
        var input = new Relation { Sql = new SQL { Query = "SELECT CAST(:v AS STRING) AS s", Args = { ["v"] = new Expression.Types.Literal { String = "it's'); DROP TABLE x; --" } } } };
        await RunAsync(client, Command(new WriteOperation { Input = input, Path = Target }));
        Assert.That(await LinesAsync(client, ReadFiles("parquet", Target)), Is.EqualTo(new[] { "it's'); DROP TABLE x; --" }));
    }
}
