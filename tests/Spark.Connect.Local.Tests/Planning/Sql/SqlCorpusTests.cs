using Spark.Testing;
using Spark.Connect.Local.Tests.Planning.Sql.Corpus;

namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// Spark's own SQL test corpus (tests/Fixtures/sql-tests, origin in its README). Each file's queries run in order in
/// one session of an in-process local server, sent as <c>spark.sql(…)</c> is, and each answer is compared with Spark's:
/// the schema line and the rows in Spark's result text (sorted unless the query ends in ORDER BY, as Spark's runner
/// does), or, for an expected failure, the error class. An older file's error recorded without a class counts only when
/// <see cref="LegacyErrorMessages"/> knows the condition Spark later gave its message and the engine raises exactly that
/// condition, naming the same subject; any other classless error stays a miss. Each file must keep at least the number of passing queries
/// recorded here (docs/local-engine.md lists them), so a regression fails and a gain raises the floor.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class SqlCorpusTests
{
    [TestCase("having", 23)]
    [TestCase("array", 80)]
    [TestCase("higher-order-functions", 31)]
    [TestCase("date", 100)]
    [TestCase("timestamp", 93)]
    [TestCase("literals", 46)]
    [TestCase("ansi/cast", 93)]
    [TestCase("ansi/interval", 197)]
    [TestCase("subquery/in-subquery/in-basic", 7)]
    [TestCase("subquery/exists-subquery/exists-having", 8)]
    [TestCase("subquery/scalar-subquery/scalar-subquery-select", 35)]
    [TestCase("subquery/exists-subquery/exists-aggregate", 17)]
    [TestCase("subquery/exists-subquery/exists-joins-and-set-ops", 17)]
    [TestCase("subquery/in-subquery/in-having", 12)]
    [TestCase("subquery/in-subquery/not-in-joins", 9)]
    [TestCase("subquery/scalar-subquery/scalar-subquery-predicate", 55)]
    [TestCase("subquery/scalar-subquery/scalar-subquery-group-by", 16)]
    [TestCase("string-functions", 163)]
    [TestCase("map", 8)]
    [TestCase("json-functions", 48)]
    [TestCase("group-by", 92)]
    [TestCase("order-by-nulls-ordering", 17)]
    [TestCase("cte", 36)]
    [TestCase("natural-join", 28)]
    [TestCase("outer-join", 6)]
    [TestCase("using-join", 31)]
    [TestCase("union", 20)]
    [TestCase("except", 15)]
    [TestCase("intersect-all", 24)]
    [TestCase("except-all", 25)]
    [TestCase("window", 54)]
    [TestCase("like-any", 13)]
    [TestCase("like-all", 13)]
    [TestCase("cte-recursion", 70)]
    [TestCase("inner-join", 7)]
    [TestCase("cross-join", 13)]
    [TestCase("join-empty-relation", 22)]
    [TestCase("null-handling", 29)]
    [TestCase("subquery/exists-subquery/exists-basic", 12)]
    [TestCase("subquery/exists-subquery/exists-within-and-or", 8)]
    [TestCase("subquery/exists-subquery/exists-orderby-limit", 22)]
    [TestCase("subquery/in-subquery/in-limit", 26)]
    [TestCase("subquery/in-subquery/not-in-unit-tests-single-column", 5)]
    [TestCase("subquery/in-subquery/simple-in", 14)]
    [TestCase("subquery/in-subquery/in-with-cte", 10)]
    [TestCase("subquery/in-subquery/in-order-by", 17)]
    [TestCase("subquery/in-subquery/in-joins", 34)]
    [TestCase("subquery/in-subquery/in-group-by", 11)]
    [TestCase("join-lateral", 65)]
    public async Task Corpus_file_keeps_its_passing_queries(string file, int floor)
    {
        var cases = SqlCorpusFile.Read(Path.Combine(RepoPaths.Fixtures, "sql-tests", "results", file + ".sql.out"));
        await using var session = await SqlCorpusSession.StartAsync();
        var failures = new List<string>();
        foreach (var corpusCase in cases)
        {
            var failure = await RunAsync(session, corpusCase);
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
    private static async Task<string?> RunAsync(SqlCorpusSession session, SqlCorpusCase corpusCase)
    {
        try
        {
            var (schema, rows) = await session.RunAsync(corpusCase.Query);
            if (corpusCase.ErrorClass is { } expectedError)
                return $"expected the error {expectedError}, got rows";
            if (schema != corpusCase.Schema)
                return $"schema {schema}, Spark {corpusCase.Schema}";
            var expected = corpusCase.Output;
            // Spark's runner sorts whole rows and writes them one per line, so a row holding a line break spans two lines
            // of the file: compare the text, not line by line.
            if (!SortedQueries.IsSorted(corpusCase.Query))
                rows.Sort(StringComparer.Ordinal);
            return string.Join("\n", rows) == string.Join("\n", expected) ? null : $"rows [{string.Join(" | ", rows)}], Spark [{string.Join(" | ", expected)}]";
        }
        catch (SparkException error)
        {
            var named = corpusCase.ErrorSubject is not { } subject || error.Message.Contains(subject, StringComparison.OrdinalIgnoreCase);
            return error.ErrorClass == corpusCase.ErrorClass && named ? null : $"{error.ErrorClass}: {error.Message}";
        }
    }
}
