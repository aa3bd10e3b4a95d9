using Spark.Connect;
using Spark.Connect.Local.Planning;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>Hostile strings as values and as names: values come back byte for byte, names stay names.</summary>
public sealed class InjectionTests : PlannerTestBase
{
    private static readonly string[] Corpus =
    [
        "'", "''", "\"", "\\", "\\'", "--", "/*", "*/", ";", "'; DROP TABLE people; --", "\" OR 1=1 --",
        "$1", "?", ":name", "a.b", "`tick`", "ünïcødé", "emoji 🎉👩‍👩‍👧", "line\nbreak\ttab", "\u202Eright-to-left", "",
    ];

    private static IEnumerable<string> Values => Corpus.Append("nul\0inside");

    // DuckDB has no empty identifiers.
    private static IEnumerable<string> Names => Corpus.Where(n => n.Length > 0);

    // Single portable file names: no separators or line breaks, and no glob characters DuckDB would expand.
    private static IEnumerable<string> FileNames => Names.Where(n => n.IndexOfAny(['/', '\\', '\n', '*', '?', '[']) < 0);

    [TestCaseSource(nameof(Values))]
    public void StringLiteralsStayValues(string value)
    {
        var plan = Project(Filter(Table("depts"), Fn("==", Col("dept"), Lit(10))), Alias(Lit(value), "v"));
        Assert.That(Rows(plan).Single()[0], Is.EqualTo(value));
        Assert.That(Plan(plan).Sql, Does.Not.Contain(value.Length > 2 ? value : "\u0000never"));
        Assert.That(Rows(Table("people")), Has.Count.EqualTo(4), "the table is still there");
    }

    [TestCaseSource(nameof(Values))]
    public void FilterOnHostileValueMatchesOnlyThatValue(string value)
    {
        Exec("CREATE TABLE texts (t VARCHAR)");
        using (var insert = Connection.Prepare("INSERT INTO texts VALUES ($1), ('other')"))
        {
            insert.Bind(1, value);
            using var _ = insert.Execute();
        }
        var plan = Filter(Table("texts"), Fn("==", Col("t"), Lit(value)));
        Assert.That(Rows(plan).Select(r => r[0]), Is.EqualTo(new[] { value }));
    }

    [TestCaseSource(nameof(Names))]
    public void HostileNamesStayIdentifiers(string name)
    {
        var quoted = SqlIdentifiers.Quote(name);
        Exec($"CREATE TABLE {quoted} ({quoted} INTEGER)");
        Exec($"INSERT INTO {quoted} VALUES (5)");
        var table = Table("`" + name.Replace("`", "``", StringComparison.Ordinal) + "`");
        var column = Col("`" + name.Replace("`", "``", StringComparison.Ordinal) + "`");
        var plan = Project(Filter(table, Fn("==", column, Lit(5))), column, Alias(Fn("+", column, Lit(1)), name + "_next"));
        Assert.That(Columns(plan), Is.EqualTo(new[] { name, name + "_next" }));
        Assert.That(Lines(plan), Is.EqualTo(new[] { "5|6" }));
        var aliased = New(r => r.SubqueryAlias = new SubqueryAlias { Input = Table("depts"), Alias = name });
        Assert.That(Rows(aliased), Has.Count.EqualTo(3));
    }

    [Test]
    public void NulInAnIdentifierIsATypedError()
    {
        var error = PlanError(Project(Table("depts"), Alias(Col("dept"), "bad\0name")));
        Assert.That(error.ErrorClass, Is.EqualTo("INVALID_IDENTIFIER"));
        Assert.That(PlanError(Table("`a\0b`")).ErrorClass, Is.EqualTo("INVALID_IDENTIFIER"));
    }

    [TestCaseSource(nameof(Values))]
    public void SqlArgumentsStayValues(string value)
    {
        var named = New(r => r.Sql = new SQL { Query = "SELECT :v AS v", Args = { ["v"] = new Literal { String = value } } });
        Assert.That(Rows(named).Single()[0], Is.EqualTo(value));
        var positional = New(r => r.Sql = new SQL { Query = "SELECT ? AS v", PosArgs = { new Literal { String = value } } });
        Assert.That(Rows(positional).Single()[0], Is.EqualTo(value));
    }

    [TestCaseSource(nameof(FileNames))]
    public void HostileFilePathsStayPaths(string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), "planner-injection-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var path = Path.Combine(directory, name + ".parquet");
            Exec($"COPY (SELECT 1 AS one) TO {SqlLiterals.QuoteString(path)} (FORMAT parquet)");
            var read = New(r => r.Read = new Read { DataSource = new() { Format = "parquet", Paths = { path } } });
            Assert.That(Lines(read), Is.EqualTo(new[] { "1" }));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
