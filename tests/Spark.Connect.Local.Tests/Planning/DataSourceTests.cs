using Spark.Connect;
using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Tests.Planning;

public sealed class DataSourceTests : PlannerTestBase
{
    private string _directory = null!;

    [SetUp]
    public void WriteFiles()
    {
        // A directory name with a quote proves paths stay values.
        _directory = Path.Combine(Path.GetTempPath(), "planner it's " + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        foreach (var (format, extension) in new[] { ("FORMAT parquet", "parquet"), ("FORMAT csv, HEADER", "csv"), ("FORMAT json", "json") })
            Exec($"COPY (SELECT * FROM depts ORDER BY dept) TO {SqlLiterals.QuoteString(Path.Combine(_directory, "depts." + extension))} ({format})");
    }

    [TearDown]
    public void RemoveFiles() => Directory.Delete(_directory, recursive: true);

    private Relation Files(string format, params string[] paths) => FilesWith(format, [], paths);

    private Relation FilesWith(string format, Dictionary<string, string> options, params string[] paths)
    {
        var source = new Read.Types.DataSource { Format = format };
        source.Paths.AddRange(paths.Select(p => Path.Combine(_directory, p)));
        foreach (var (key, value) in options)
            source.Options[key] = value;
        return New(r => r.Read = new Read { DataSource = source });
    }

    [TestCase("parquet", "depts.parquet")]
    [TestCase("csv", "depts.csv")]
    [TestCase("json", "depts.json")]
    public void ReadsEachFormat(string format, string file)
    {
        var files = format == "csv" ? FilesWith(format, new() { ["header"] = "true", ["inferSchema"] = "true" }, file) : Files(format, file);
        Assert.That(Lines(Project(SortBy(files, "dept"), Col(files, "title"))), Is.EqualTo(new[] { "Eng", "Ops", "Law" }));
    }

    [Test]
    public void ReadsSeveralPaths() =>
        Assert.That(Rows(Files("parquet", "depts.parquet", "depts.parquet")), Has.Count.EqualTo(6));

    [Test]
    public void CsvFollowsSparksDefaults()
    {
        // No header option: the header line is a row, columns are _c0, _c1, … and every value is a string.
        var plain = Files("csv", "depts.csv");
        Assert.That(Columns(plain), Is.EqualTo(new[] { "_c0", "_c1" }));
        Assert.That(Lines(plain), Is.EqualTo(new[] { "dept|title", "10|Eng", "20|Ops", "30|Law" }));
        var typed = Project(FilesWith("csv", new() { ["HEADER"] = "true", ["inferSchema"] = "true" }, "depts.csv"), Alias(Fn("type_probe", Col("dept")), "t"));
        Assert.That(Lines(typed).Distinct(), Is.EqualTo(new[] { "BIGINT" }));
        var strings = Project(FilesWith("csv", new() { ["header"] = "true" }, "depts.csv"), Alias(Fn("type_probe", Col("dept")), "t"));
        Assert.That(Lines(strings).Distinct(), Is.EqualTo(new[] { "VARCHAR" }));
        Assert.That(PlanError(FilesWith("csv", new() { ["header"] = "yes" }, "depts.csv")).ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE"));
    }

    [Test]
    public void CsvSeparatorIsAValue()
    {
        Exec($"COPY (SELECT 1 AS a, 'x' AS b) TO {SqlLiterals.QuoteString(Path.Combine(_directory, "semi.csv"))} (FORMAT csv, HEADER, DELIMITER ';')");
        var semi = FilesWith("csv", new() { ["header"] = "true", ["sep"] = ";" }, "semi.csv");
        Assert.That(Columns(semi), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void NulInAPathIsATypedError() =>
        Assert.That(PlanError(Files("parquet", "de\0pts.parquet")).ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE"));

    [Test]
    public void OtherFormatsAndOptionsAreUnsupported()
    {
        var orc = PlanError(Files("orc", "depts.parquet"));
        Assert.That(orc.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(orc.Message, Does.Contain("orc"));
        Assert.That(PlanError(FilesWith("csv", new() { ["multiLine"] = "true" }, "depts.csv")).Message, Does.Contain("multiLine"));
        Assert.That(PlanError(FilesWith("parquet", new() { ["mergeSchema"] = "true" }, "depts.parquet")).Message, Does.Contain("mergeSchema"));
        var tableOptions = New(r => r.Read = new Read { NamedTable = new() { UnparsedIdentifier = "depts", Options = { ["versionAsOf"] = "1" } } });
        Assert.That(PlanError(tableOptions).Message, Does.Contain("versionAsOf"));
    }
}
