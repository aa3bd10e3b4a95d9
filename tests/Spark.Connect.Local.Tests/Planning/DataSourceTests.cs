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
        var files = Files(format, file);
        Assert.That(Lines(Project(SortBy(files, "dept"), Col(files, "title"))), Is.EqualTo(new[] { "Eng", "Ops", "Law" }));
    }

    [Test]
    public void ReadsSeveralPathsAndCsvOptions()
    {
        Assert.That(Rows(Files("parquet", "depts.parquet", "depts.parquet")), Has.Count.EqualTo(6));
        var noHeader = FilesWith("csv", new() { ["header"] = "false" }, "depts.csv");
        Assert.That(Rows(noHeader), Has.Count.EqualTo(4), "the header line is read as a row");
    }

    [Test]
    public void OtherFormatsAndOptionsAreUnsupported()
    {
        var orc = PlanError(Files("orc", "depts.parquet"));
        Assert.That(orc.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(orc.Message, Does.Contain("orc"));
        Assert.That(PlanError(FilesWith("csv", new() { ["multiLine"] = "true" }, "depts.csv")).Message, Does.Contain("multiLine"));
    }
}
