namespace Spark.Connect.Local.Tests.Server;

/// <summary>INSERT INTO / INSERT OVERWRITE in Spark SQL: VALUES and queries, column lists, BY NAME, and Spark's errors.</summary>
public sealed class SqlStatementInsertTests : SqlStatementTestBase
{
    [Test]
    public async Task Insert_values_appends_rows_cast_to_the_table_types()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (id BIGINT, name STRING, price DECIMAL(6,2))");

        await RunAsync(client, "INSERT INTO t VALUES (1, 'a', 1.5), (2, NULL, 20)");
        await RunAsync(client, "INSERT INTO TABLE t VALUES (3, 'c', 0.25)");

        Assert.That(await RunAsync(client, "SELECT * FROM t ORDER BY id"), Is.EqualTo(new[]
        {
            new object?[] { 1L, "a", 1.50m }, new object?[] { 2L, null, 20.00m }, new object?[] { 3L, "c", 0.25m },
        }));
    }

    [Test]
    public async Task Insert_of_a_query_reads_tables_and_temporary_views()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT, b STRING)");
        await RunAsync(client, "CREATE TEMP VIEW v AS SELECT * FROM VALUES (1, 'x'), (2, 'y') AS s(a, b)");

        await RunAsync(client, "INSERT INTO t SELECT a + 10, b FROM v WHERE a = 2");
        await RunAsync(client, "INSERT INTO t (SELECT a, b FROM v WHERE a = 1)");

        Assert.That(await RunAsync(client, "SELECT * FROM t ORDER BY a"), Is.EqualTo(new[] { new object?[] { 1, "x" }, new object?[] { 12, "y" } }));
    }

    [Test]
    public async Task A_column_list_fills_the_other_columns_with_null()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT, b STRING, c DOUBLE)");

        await RunAsync(client, "INSERT INTO t (c, A) VALUES (2.5, 7)");

        Assert.That(await RunAsync(client, "SELECT * FROM t"), Is.EqualTo(new[] { new object?[] { 7, null, 2.5 } }));
        Assert.That(await ErrorClassAsync(client, "INSERT INTO t (a, nope) VALUES (1, 2)"), Is.EqualTo("UNRESOLVED_COLUMN.WITH_SUGGESTION"));
        Assert.That(await ErrorClassAsync(client, "INSERT INTO t (a, a) VALUES (1, 2)"), Is.EqualTo("COLUMN_ALREADY_EXISTS"));
        Assert.That(await ErrorClassAsync(client, "INSERT INTO t (a, b) VALUES (1)"), Is.EqualTo("INSERT_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS"));
    }

    [Test]
    public async Task Insert_by_name_matches_the_query_columns_to_the_table_columns()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT, b STRING)");

        await RunAsync(client, "INSERT INTO t BY NAME SELECT 'x' AS b, 3 AS a");

        Assert.That(await RunAsync(client, "SELECT * FROM t"), Is.EqualTo(new[] { new object?[] { 3, "x" } }));
        Assert.That(await ErrorClassAsync(client, "INSERT INTO t BY NAME SELECT 1 AS a, 2 AS z"), Is.EqualTo("INCOMPATIBLE_DATA_FOR_TABLE.EXTRA_COLUMNS"));
    }

    [Test]
    public async Task A_row_count_that_does_not_match_the_table_is_an_arity_error()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT, b INT)");

        Assert.That(await ErrorClassAsync(client, "INSERT INTO t VALUES (1, 2, 3)"), Is.EqualTo("INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS"));
        Assert.That(await ErrorClassAsync(client, "INSERT INTO t VALUES (1)"), Is.EqualTo("INSERT_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS"));
        Assert.That(await RunAsync(client, "SELECT count(*) FROM t"), Is.EqualTo(new[] { new object?[] { 0L } }));
    }

    [Test]
    public async Task Values_spark_would_not_store_are_refused_before_anything_is_written()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (n INT, d DATE, s STRING, a ARRAY<BIGINT>)");

        var cast = await FailureAsync(client, "INSERT INTO t VALUES ('1', DATE '2024-01-02', 'x', array(1))");
        Assert.That(cast.ErrorClass, Is.EqualTo("INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST"));
        Assert.That(cast.Message, Does.Contain("`n`").And.Contain("\"STRING\" to \"INT\""));
        Assert.That(await ErrorClassAsync(client, "INSERT INTO t VALUES (1, '2024-01-02', 'x', array(1))"), Is.EqualTo("INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST"));
        Assert.That(await ErrorClassAsync(client, "INSERT INTO t VALUES (1, DATE '2024-01-02', 'x', array('a'))"), Is.EqualTo("INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST"));

        await RunAsync(client, "INSERT INTO t VALUES (2.9, TIMESTAMP '2024-01-02 10:00:00', 5, array(7))");
        await RunAsync(client, "INSERT INTO t VALUES (NULL, NULL, true, NULL)");
        Assert.That(await RunAsync(client, "SELECT n, d, s FROM t ORDER BY n NULLS LAST"), Is.EqualTo(new[]
        {
            new object?[] { 2, new DateOnly(2024, 1, 2), "5" }, new object?[] { null, null, "true" },
        }), "numbers to numbers (truncated as Spark casts), timestamps to dates, anything to strings");
    }

    [Test]
    public async Task A_null_into_a_not_null_column_fails_as_spark_does()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT NOT NULL, b STRING)");

        Assert.That(await ErrorClassAsync(client, "INSERT INTO t VALUES (NULL, 'x')"), Is.EqualTo("NOT_NULL_ASSERT_VIOLATION"));
        Assert.That(await ErrorClassAsync(client, "INSERT INTO t (b) VALUES ('x')"), Is.EqualTo("NOT_NULL_ASSERT_VIOLATION"));
        Assert.That(await RunAsync(client, "SELECT count(*) FROM t"), Is.EqualTo(new[] { new object?[] { 0L } }));
    }

    [Test]
    public async Task Insert_overwrite_replaces_every_row_but_not_from_its_own_target()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t AS SELECT * FROM VALUES (1), (2) AS v(a)");
        await RunAsync(client, "CREATE TABLE s AS SELECT * FROM VALUES (9) AS v(a)");

        await RunAsync(client, "INSERT OVERWRITE TABLE t SELECT a FROM s");

        Assert.That(await RunAsync(client, "SELECT * FROM t"), Is.EqualTo(new[] { new object?[] { 9 } }));
        Assert.That(await ErrorClassAsync(client, "INSERT OVERWRITE t SELECT a + 1 FROM t"), Is.EqualTo("UNSUPPORTED_OVERWRITE.TABLE"));
        Assert.That(await RunAsync(client, "SELECT * FROM t"), Is.EqualTo(new[] { new object?[] { 9 } }));
    }

    [Test]
    public async Task Insert_into_a_missing_table_or_a_view_is_refused()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TEMP VIEW v AS SELECT 1 AS a");

        Assert.That(await ErrorClassAsync(client, "INSERT INTO missing VALUES (1)"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(await ErrorClassAsync(client, "INSERT INTO v VALUES (1)"), Is.EqualTo("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE"));
        Assert.That(await ErrorClassAsync(client, "INSERT INTO t PARTITION (a = 1) VALUES (1)"), Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    [Test]
    public async Task Hostile_values_and_arguments_stay_values()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (s STRING)");
        const string Hostile = "x'); DROP TABLE t; --";

        // In Spark SQL '' is two adjacent literals, joined: 'x''); …' is "x); …", and \' escapes a quote.
        await RunAsync(client, "INSERT INTO t VALUES ('x''); DROP TABLE t; --'), ('a\\'b'), ('/* c */')");
        await RunAsync(client, "INSERT INTO t VALUES (:v)", sql => sql.Args.Add("v", new Expression.Types.Literal { String = Hostile }));
        await RunAsync(client, "INSERT INTO t VALUES (?)", sql => sql.PosArguments.Add(new Expression { Literal = new Expression.Types.Literal { String = "p'\"" } }));

        Assert.That((await RunAsync(client, "SELECT s FROM t")).Select(r => r[0]), Is.EquivalentTo(new[] { "x); DROP TABLE t; --", "a'b", "/* c */", Hostile, "p'\"" }));
    }
}
