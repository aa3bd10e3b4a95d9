using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Tests.Server;

namespace Spark.Connect.Local.Tests.Data;

public sealed class RegisterFileTests : LocalServerTestBase
{
    private string _directory = null!;

    [SetUp]
    public void MakeFiles()
    {
        _directory = Directory.CreateTempSubdirectory("spark-local-files-").FullName;
        using var database = DuckDbDatabase.Open();
        using var connection = database.Connect();
        const string Source = "SELECT range::INTEGER AS id, 'name ' || range AS name FROM range(3)";
        connection.ExecuteNonQuery($"COPY ({Source}) TO '{Path.Combine(_directory, "orders.parquet")}' (FORMAT parquet)");
        connection.ExecuteNonQuery($"COPY ({Source}) TO '{Path.Combine(_directory, "orders.csv")}' (FORMAT csv, HEADER)");
        connection.ExecuteNonQuery($"COPY ({Source}) TO '{Path.Combine(_directory, "orders.json")}' (FORMAT json)");
        connection.ExecuteNonQuery($"COPY ({Source}) TO '{Path.Combine(_directory, "orders.data")}' (FORMAT csv, HEADER)");
    }

    [TearDown]
    public void RemoveFiles() => Directory.Delete(_directory, recursive: true);

    [TestCase("orders.parquet")]
    [TestCase("orders.csv")]
    [TestCase("orders.json")]
    public async Task A_registered_file_reads_as_a_named_table(string file)
    {
        Server.RegisterFile("orders", Path.Combine(_directory, file));

        var rows = await RowsAsync(NewClient(), Sql("SELECT CAST(id AS INTEGER), name FROM orders ORDER BY id"));

        Assert.That(rows, Is.EqualTo(Enumerable.Range(0, 3).Select(i => new object?[] { i, $"name {i}" })));
    }

    [Test]
    public async Task An_explicit_format_overrides_the_extension()
    {
        Server.RegisterFile("orders", Path.Combine(_directory, "orders.data"), "csv");
        Assert.That(await RowsAsync(NewClient(), Table("orders")), Has.Count.EqualTo(3));
    }

    [Test]
    public void Missing_files_unknown_extensions_and_formats_fail_clearly()
    {
        var missing = Path.Combine(_directory, "nope.parquet");
        var notFound = Assert.Throws<FileNotFoundException>(() => Server.RegisterFile("x", missing));
        Assert.That(notFound!.Message, Does.Contain(missing));

        var extension = Assert.Throws<ArgumentException>(() => Server.RegisterFile("x", Path.Combine(_directory, "orders.data")));
        Assert.That(extension!.Message, Does.Contain(".data"));

        var format = Assert.Throws<ArgumentException>(() => Server.RegisterFile("x", Path.Combine(_directory, "orders.csv"), "xml"));
        Assert.That(format!.Message, Does.Contain("xml"));
    }

    [Test]
    public void A_path_with_a_quote_is_passed_safely()
    {
        var odd = Path.Combine(_directory, "it's.csv");
        File.Copy(Path.Combine(_directory, "orders.csv"), odd);
        Assert.DoesNotThrow(() => Server.RegisterFile("odd", odd));
    }

    [Test]
    public async Task A_folder_reads_as_one_table_of_its_visible_files()
    {
        // The layout Spark writes: part files in partition folders, plus markers and checksums it skips.
        var folder = Directory.CreateDirectory(Path.Combine(_directory, "orders_out")).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "part=a"));
        Directory.CreateDirectory(Path.Combine(folder, "_temporary"));
        File.Copy(Path.Combine(_directory, "orders.parquet"), Path.Combine(folder, "part-00000.snappy.parquet"));
        File.Copy(Path.Combine(_directory, "orders.parquet"), Path.Combine(folder, "part=a", "part-00001.snappy.parquet"));
        File.WriteAllText(Path.Combine(folder, "_SUCCESS"), "");
        File.WriteAllText(Path.Combine(folder, ".part-00000.snappy.parquet.crc"), "not parquet");
        File.WriteAllText(Path.Combine(folder, "_temporary", "junk.txt"), "not parquet");

        Server.RegisterFile("orders", folder);

        var rows = await RowsAsync(NewClient(), Sql("SELECT CAST(id AS INTEGER) FROM orders ORDER BY id"));
        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new object?[] { 0, 0, 1, 1, 2, 2 }));
    }

    [Test]
    public void A_folder_without_files_or_with_several_formats_fails_clearly()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_directory, "empty")).FullName;
        File.WriteAllText(Path.Combine(empty, "_SUCCESS"), "");
        var none = Assert.Throws<ArgumentException>(() => Server.RegisterFile("x", empty));
        Assert.That(none!.Message, Does.Contain("no data files"));

        var mixed = Assert.Throws<ArgumentException>(() => Server.RegisterFile("x", _directory));
        Assert.That(mixed!.Message, Does.Contain(".csv").And.Contain(".parquet").And.Contain("different extensions"));
    }
}
