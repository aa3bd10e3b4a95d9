using System.Text;
using Spark.Connect.Local.CaseMapping;
using Spark.Connect.Local.Tests.Planning.Functions;
using Case = Spark.Connect.Local.Tests.CaseMapping.SparkCaseCases.Case;

namespace Spark.Connect.Local.Tests.CaseMapping;

/// <summary>
/// Spark's <c>upper</c>, <c>lower</c> and <c>initcap</c> beyond ASCII, where DuckDB's own functions answer
/// differently (<c>ß</c> → <c>ẞ</c>, <c>ﬁ</c> unchanged, <c>İ</c> → <c>i</c>, no final sigma): on UTF-8 bytes, as the
/// engine's DuckDB functions, and as the function catalog renders Spark's calls.
/// </summary>
public sealed class SparkCaseMappingTests : FunctionTestBase
{
    private static IEnumerable<Case> Cases() => SparkCaseCases.All();

    [TestCaseSource(nameof(Cases))]
    public void Utf8_text_maps_as_Spark(Case c)
    {
        Assert.That(Map(SparkCaseMapping.Upper, c.Text), Is.EqualTo(c.Upper), "upper");
        Assert.That(Map(SparkCaseMapping.Lower, c.Text), Is.EqualTo(c.Lower), "lower");
        Assert.That(Map(SparkCaseMapping.InitCap, c.Text), Is.EqualTo(c.InitCap), "initcap");
    }

    [TestCaseSource(nameof(Cases))]
    public void Spark_function_calls_map_as_Spark(Case c)
    {
        Assert.That(Eval("upper", Str(c.Text)), Is.EqualTo(new Result(c.Upper, "VARCHAR")), "upper");
        Assert.That(Eval("ucase", Str(c.Text)).Value, Is.EqualTo(c.Upper), "ucase");
        Assert.That(Eval("lower", Str(c.Text)), Is.EqualTo(new Result(c.Lower, "VARCHAR")), "lower");
        Assert.That(Eval("lcase", Str(c.Text)).Value, Is.EqualTo(c.Lower), "lcase");
        Assert.That(Eval("initcap", Str(c.Text)), Is.EqualTo(new Result(c.InitCap, "VARCHAR")), "initcap");
    }

    [Test]
    public void Row_values_map_as_Spark_whatever_the_chunk()
    {
        // Every case as a row of one table, twice over and with NULLs between, read back in order.
        var cases = SparkCaseCases.All().ToList();
        Exec("CREATE TABLE texts (i INTEGER, t VARCHAR)");
        using (var appender = Connection.CreateAppender("texts"))
        {
            for (var i = 0; i < cases.Count * 4; i++)
            {
                appender.Append(i);
                if (i % 2 == 1) appender.AppendNull(); else appender.Append(cases[i / 2 % cases.Count].Text);
                appender.EndRow();
            }
        }
        var rows = Query("SELECT spark_upper(t), spark_lower(t), spark_initcap(t) FROM texts ORDER BY i");
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = cases[i / 2 % cases.Count];
            Assert.That(rows[i], Is.EqualTo(i % 2 == 1 ? new string?[] { null, null, null } : [expected.Upper, expected.Lower, expected.InitCap]), $"row {i}");
        }
    }

    [Test]
    public void Many_chunks_on_several_threads_map_every_row_and_keep_nulls()
    {
        // 300,000 rows in three row groups, which DuckDB scans on several threads, calling the functions
        // concurrently on many 2,048-row chunks; a seventh of the rows are NULL.
        Exec("SET threads = 4");
        Exec("CREATE TABLE texts AS SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE repeat('straße ΑΣ ', (i % 5)::INTEGER) END AS t FROM range(300000) r(i)");
        var wrong = Query("""
            SELECT CAST(count(*) FILTER (WHERE spark_upper(t) IS DISTINCT FROM repeat('STRASSE ΑΣ ', (i % 5)::INTEGER) AND t IS NOT NULL) AS VARCHAR),
                   CAST(count(*) FILTER (WHERE spark_lower(t) IS DISTINCT FROM repeat('straße ας ', (i % 5)::INTEGER) AND t IS NOT NULL) AS VARCHAR),
                   CAST(count(*) FILTER (WHERE spark_initcap(t) IS DISTINCT FROM repeat('Straße Ας ', (i % 5)::INTEGER) AND t IS NOT NULL) AS VARCHAR),
                   CAST(count(*) FILTER (WHERE t IS NULL AND (spark_upper(t) IS NOT NULL OR spark_lower(t) IS NOT NULL OR spark_initcap(t) IS NOT NULL)) AS VARCHAR),
                   CAST(count(*) AS VARCHAR)
            FROM texts
            """).Single();
        Assert.That(wrong, Is.EqualTo(new[] { "0", "0", "0", "0", "300000" }));
    }

    [Test]
    public void Long_texts_map_whole()
    {
        var text = string.Concat(Enumerable.Repeat("ﬃ ß Σ ", 50_000));
        var row = Query("SELECT spark_upper($1), spark_lower($1), spark_initcap($1)", text).Single();
        Assert.That(row, Is.EqualTo(new[]
        {
            string.Concat(Enumerable.Repeat("FFI SS Σ ", 50_000)),
            string.Concat(Enumerable.Repeat("ﬃ ß σ ", 50_000)),
            string.Concat(Enumerable.Repeat("Ffi Ss Σ ", 50_000)),
        }));
    }

    [Test]
    public void Null_stays_null()
    {
        Assert.That(Eval("upper", Null("VARCHAR")), Is.EqualTo(new Result(null, "VARCHAR")));
        Assert.That(Eval("lower", Null("VARCHAR")), Is.EqualTo(new Result(null, "VARCHAR")));
        Assert.That(Eval("initcap", Null("VARCHAR")), Is.EqualTo(new Result(null, "VARCHAR")));
    }

    [Test]
    public void Other_types_are_cast_to_text_first()
    {
        Assert.That(Eval("initcap", Bool(true)).Value, Is.EqualTo("True"));
        Assert.That(Eval("lower", Int(42)).Value, Is.EqualTo("42"));
    }

    // Spark's ilike(s, p) is lower(s) LIKE lower(p), with Spark's lower: final sigma and İ count, ß stays ß.
    [TestCase("ας", "ΑΣ", true)]
    [TestCase("ΑΣΑ", "ΑΣ%", false)] // the pattern's Σ ends a word (lower: ας%), the text's does not (ασα)
    [TestCase("ΑΣΑ", "ασ%", true)]
    [TestCase("İstanbul", "i\u0307STANBUL", true)]
    [TestCase("İstanbul", "istanbul", false)]
    [TestCase("straße", "STRASSE", false)]
    [TestCase("STRAẞE", "straße", true)] // capital sharp s lower-cases to ß
    [TestCase("Ǆemal", "ǆ%", true)]
    public void Ilike_compares_Sparks_lowercase(string text, string pattern, bool expected) =>
        Assert.That(Eval("ilike", Str(text), Str(pattern)).Value, Is.EqualTo(expected ? "true" : "false"));

    [Test]
    public void Invalid_utf8_reads_as_replacement_characters_as_Spark_does()
    {
        // Spark's UTF8String.makeValid: each maximal invalid subsequence becomes U+FFFD (Spark's test cases first).
        Assert.That(Map(SparkCaseMapping.InitCap, [0xC0, 0xC1, 0xF5]), Is.EqualTo("\uFFFD\uFFFD\uFFFD"));
        Assert.That(Map(SparkCaseMapping.InitCap, [0xC0, 0xC1, 0xF5, 0x20, 0x61, 0x41, 0xC0]), Is.EqualTo("\uFFFD\uFFFD\uFFFD Aa\uFFFD"));
        Assert.That(Map(SparkCaseMapping.InitCap, [0x61, 0x41, 0xC2, 0xC2, 0x41]), Is.EqualTo("Aa\uFFFD\uFFFDa"));
        Assert.That(Map(SparkCaseMapping.Upper, [0xE2, 0x82, 0x61]), Is.EqualTo("\uFFFDA"), "a truncated sequence is one U+FFFD");
        Assert.That(Map(SparkCaseMapping.Lower, [0xED, 0xA0, 0x80, 0x41]), Is.EqualTo("\uFFFD\uFFFD\uFFFDa"), "an encoded surrogate is three");
        Assert.That(Map(SparkCaseMapping.Lower, [0xCE, 0x91, 0xCE, 0xA3, 0xFF]), Is.EqualTo("ας\uFFFD"), "U+FFFD is neither cased nor case-ignorable");
    }

    [Test]
    public void Output_never_needs_more_than_the_declared_bytes_per_input_byte()
    {
        // The longest expansions: ΐ (2 bytes → 6), ᾷ (3 → 6), an invalid byte (1 → 3).
        foreach (var text in new[] { "ΐΐΐ", "ᾷ", "ŉ", "İİ" })
        {
            var input = Encoding.UTF8.GetBytes(text);
            var output = new byte[input.Length * SparkCaseMapping.MaxBytesPerInputByte];
            Assert.DoesNotThrow(() => SparkCaseMapping.Upper(input, output), text);
            Assert.DoesNotThrow(() => SparkCaseMapping.Lower(input, output), text);
            Assert.DoesNotThrow(() => SparkCaseMapping.InitCap(input, output), text);
        }
        Assert.That(Encoding.UTF8.GetByteCount(Map(SparkCaseMapping.Upper, "ΐ")), Is.EqualTo(3 * Encoding.UTF8.GetByteCount("ΐ")));
    }

    internal static string Map(Func<ReadOnlySpan<byte>, Span<byte>, int> mapping, string text) => Map(mapping, Encoding.UTF8.GetBytes(text));

    private static string Map(Func<ReadOnlySpan<byte>, Span<byte>, int> mapping, byte[] utf8)
    {
        var output = new byte[utf8.Length * SparkCaseMapping.MaxBytesPerInputByte];
        var length = mapping(utf8, output);
        return Encoding.UTF8.GetString(output, 0, length);
    }

    private List<string?[]> Query(string sql, params string[] parameters)
    {
        using var statement = Connection.Prepare(sql);
        for (var i = 0; i < parameters.Length; i++)
            statement.Bind(i + 1, parameters[i]);
        using var result = statement.Execute();
        return ReadAll(result, (chunk, row) => Enumerable.Range(0, chunk.ColumnCount)
            .Select(c => chunk.GetVector(c) is var v && v.IsValid(row) ? v.GetString(row) : null).ToArray());
    }

    private void Exec(string sql) => Connection.ExecuteNonQuery(sql);
}
