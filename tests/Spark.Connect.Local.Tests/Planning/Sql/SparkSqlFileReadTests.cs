using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// Files in a Spark SQL FROM clause (<c>csv.`path`</c>) with Spark 4's relation options (<c>WITH ('header' = 'true')</c>):
/// the same reads, options and errors as <c>spark.read.format(f).options(…).load(path)</c>.
/// </summary>
public sealed class SparkSqlFileReadTests : SparkSqlTestBase
{
    private string _directory = null!;

    [SetUp]
    public void WriteFiles()
    {
        // A quote and a space in the directory prove the path stays a value inside the back quotes.
        _directory = Path.Combine(Path.GetTempPath(), "sql file it's " + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        Exec($"COPY (SELECT * FROM depts ORDER BY dept) TO {SqlLiterals.QuoteString(Path.Combine(_directory, "depts.csv"))} (FORMAT csv, HEADER)");
        Exec($"COPY (SELECT * FROM depts ORDER BY dept) TO {SqlLiterals.QuoteString(Path.Combine(_directory, "depts.parquet"))} (FORMAT parquet)");
    }

    [TearDown]
    public void RemoveFiles() => Directory.Delete(_directory, recursive: true);

    private string File(string name) => "`" + Path.Combine(_directory, name).Replace("`", "``", StringComparison.Ordinal) + "`";

    [Test]
    public void AFormatNamedPathIsAFileRead()
    {
        Assert.That(Query($"SELECT title FROM parquet.{File("depts.parquet")} WHERE dept > 10 ORDER BY dept"), Is.EqualTo(new[] { "Ops", "Law" }));
        Assert.That(Query($"SELECT d.title FROM PARQUET.{File("depts.parquet")} AS d ORDER BY d.dept LIMIT 1"), Is.EqualTo(new[] { "Eng" }));
    }

    [Test]
    public void OptionsAfterTheFileAreTheReadsOptions()
    {
        Assert.That(Schema($"SELECT * FROM csv.{File("depts.csv")}"), Is.EqualTo(new[] { "_c0:string", "_c1:string" }), "Spark's csv defaults: no header");
        Assert.That(Query($"SELECT title FROM csv.{File("depts.csv")} WITH ('header' = 'true', inferSchema = true) WHERE dept = 20"),
            Is.EqualTo(new[] { "Ops" }));
        Assert.That(QueryError($"SELECT * FROM csv.{File("depts.csv")} WITH ('header' = 'yes')").ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE"));
        Assert.That(QueryError($"SELECT * FROM csv.{File("depts.csv")} WITH ('header' = header)").ErrorClass, Is.EqualTo("PARSE_SYNTAX_ERROR"));
    }

    [Test]
    public void OtherTwoPartNamesAreStillTables() =>
        Assert.That(QueryError("SELECT * FROM avro.`x`").ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
}
