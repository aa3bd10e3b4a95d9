using Spark.Testing;
using System.Text.RegularExpressions;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// Spark's own SQL test corpus (tests/Fixtures/sql-tests, origin in its README): every query of a <c>.sql.out</c> file
/// runs through the SQL relation and is compared with Spark's schema line and rows (tab-separated, NULL as NULL, sorted
/// unless the query orders them) or, for an expected failure, its error class. Each file must keep at least the number of
/// passing queries recorded here (docs/local-engine.md lists them), so a regression fails and a gain raises the floor.
/// </summary>
public sealed partial class SqlCorpusTests : SparkSqlTestBase
{
    [TestCase("having", 24)]
    [TestCase("natural-join", 28)]
    [TestCase("outer-join", 6)]
    [TestCase("using-join", 31)]
    [TestCase("union", 14)]
    [TestCase("except", 12)]
    [TestCase("intersect-all", 17)]
    [TestCase("except-all", 21)]
    [TestCase("window", 33)]
    public void Corpus_file_keeps_its_passing_queries(string file, int floor)
    {
        var cases = SqlCorpusFile.Read(Path.Combine(RepoPaths.Fixtures, "sql-tests", "results", file + ".sql.out"));
        var failures = new List<string>();
        foreach (var corpusCase in cases)
        {
            var failure = Run(corpusCase);
            if (failure is not null)
                failures.Add($"{corpusCase.Query.ReplaceLineEndings(" ")}\n    {failure}");
        }
        var passed = cases.Count - failures.Count;
        TestContext.Out.WriteLine($"{file}: {passed} of {cases.Count} queries pass");
        foreach (var failure in failures)
            TestContext.Out.WriteLine("  " + failure);
        Assert.That(passed, Is.GreaterThanOrEqualTo(floor), $"{file}.sql.out: {passed} of {cases.Count} pass, fewer than the recorded {floor}");
    }

    /// <summary>Runs one case; null when the engine answers as Spark did, else what differed.</summary>
    private string? Run(SqlCorpusCase corpusCase)
    {
        if (TempView().Match(corpusCase.Query) is { Success: true } view)
            return DefineView(view);
        try
        {
            var relation = Sql(corpusCase.Query);
            var schema = "struct<" + string.Join(",", Plan(relation).Schema!.Struct.Fields.Select(f => f.Name + ":" + SparkTypes.Name(f.DataType))) + ">";
            var rows = Rows(relation).Select(r => string.Join("\t", r.Select(v => v ?? "NULL"))).ToList();
            if (corpusCase.ErrorClass is { } expectedError)
                return $"expected the error {expectedError}, got rows";
            if (schema != corpusCase.Schema)
                return $"schema {schema}, Spark {corpusCase.Schema}";
            var expected = corpusCase.Output;
            if (!corpusCase.Query.Contains("ORDER BY", StringComparison.OrdinalIgnoreCase))
            {
                rows.Sort(StringComparer.Ordinal);
                expected = [.. expected.Order(StringComparer.Ordinal)];
            }
            return rows.SequenceEqual(expected) ? null : $"rows [{string.Join(" | ", rows)}], Spark [{string.Join(" | ", expected)}]";
        }
        catch (LocalEngineException error)
        {
            return error.ErrorClass == corpusCase.ErrorClass ? null : $"{error.ErrorClass}: {error.Message}";
        }
        catch (Spark.Connect.Local.DuckDb.DuckDbException error)
        {
            var translated = SparkRuntimeErrors.TryTranslate(error.Message);
            return translated is not null && translated.ErrorClass == corpusCase.ErrorClass ? null : "DuckDB: " + error.Message;
        }
    }

    /// <summary><c>CREATE [OR REPLACE] TEMPORARY VIEW v [(columns)] AS query</c>: a session view over the query.</summary>
    private string? DefineView(Match view)
    {
        Relation relation = New(r => r.Sql = new SQL { Query = view.Groups["query"].Value });
        if (view.Groups["columns"].Success)
        {
            var toDf = new ToDF { Input = relation };
            toDf.ColumnNames.AddRange(view.Groups["columns"].Value.Split(',').Select(c => c.Trim()));
            relation = New(r => r.ToDf = toDf);
        }
        try
        {
            Plan(relation);
            Session.Views[view.Groups["name"].Value] = relation;
            return null;
        }
        catch (LocalEngineException error)
        {
            return $"view: {error.ErrorClass}: {error.Message}";
        }
    }

    [GeneratedRegex(@"^\s*create\s+(or\s+replace\s+)?temp(orary)?\s+view\s+(?<name>\w+)\s*(\((?<columns>[^)]*)\))?\s+as\s+(?<query>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TempView();
}
