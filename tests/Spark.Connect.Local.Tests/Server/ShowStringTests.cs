namespace Spark.Connect.Local.Tests.Server;

/// <summary>df.show() and notebook HTML: the show_string / html_string relations, answered with Spark's exact text.</summary>
public sealed class ShowStringTests : LocalServerTestBase
{
    [Test]
    public async Task A_table_is_drawn_right_aligned_with_nulls_and_java_doubles()
    {
        var text = await ShowAsync("SELECT * FROM (VALUES (1, 'a', 1.5::DOUBLE, NULL::STRING), (22, 'bbb', 1e10::DOUBLE, 'x')) t(id, name, d, s) ORDER BY id");

        Assert.That(text, Is.EqualTo(
            "+---+----+------+----+\n" +
            "| id|name|     d|   s|\n" +
            "+---+----+------+----+\n" +
            "|  1|   a|   1.5|NULL|\n" +
            "| 22| bbb|1.0E10|   x|\n" +
            "+---+----+------+----+\n"));
    }

    [Test]
    public async Task Long_cells_are_truncated_and_extra_rows_announced()
    {
        var text = await ShowAsync("SELECT id AS n, repeat('x', 30) AS long FROM range(5)", numRows: 2);

        Assert.That(text, Is.EqualTo(
            "+---+--------------------+\n" +
            "|  n|                long|\n" +
            "+---+--------------------+\n" +
            "|  0|xxxxxxxxxxxxxxxxx...|\n" +
            "|  1|xxxxxxxxxxxxxxxxx...|\n" +
            "+---+--------------------+\n" +
            "only showing top 2 rows\n"));
    }

    [Test]
    public async Task One_row_of_many_says_row_and_a_short_truncation_has_no_ellipsis()
    {
        var text = await ShowAsync("SELECT 'abcdef' AS s FROM range(3)", numRows: 1, truncate: 3);

        Assert.That(text, Is.EqualTo(
            "+---+\n" +
            "|  s|\n" +
            "+---+\n" +
            "|abc|\n" +
            "+---+\n" +
            "only showing top 1 row\n"));
    }

    [Test]
    public async Task The_largest_row_count_shows_every_row_and_a_negative_one_none()
    {
        Assert.That(await ShowAsync("SELECT id AS n FROM range(2)", numRows: int.MaxValue), Is.EqualTo("+---+\n|  n|\n+---+\n|  0|\n|  1|\n+---+\n"));
        Assert.That(await ShowAsync("SELECT id AS n FROM range(2)", numRows: -5), Is.EqualTo("+---+\n|  n|\n+---+\n+---+\nonly showing top 0 rows\n"));
    }

    [Test]
    public async Task Without_truncation_cells_are_left_aligned_and_kept_whole()
    {
        var text = await ShowAsync("SELECT 'ab' AS s, 7 AS n, repeat('y', 25) AS w", truncate: 0);

        Assert.That(text, Is.EqualTo(
            "+---+---+-------------------------+\n" +
            "|s  |n  |w                        |\n" +
            "+---+---+-------------------------+\n" +
            "|ab |7  |yyyyyyyyyyyyyyyyyyyyyyyyy|\n" +
            "+---+---+-------------------------+\n"));
    }

    [Test]
    public async Task Vertical_output_has_one_block_per_record()
    {
        var text = await ShowAsync("SELECT * FROM (VALUES (1, 'Ann'), (2, 'Bo')) t(id, name) ORDER BY id", vertical: true);

        Assert.That(text, Is.EqualTo(
            "-RECORD 0---\n" +
            " id   | 1   \n" +
            " name | Ann \n" +
            "-RECORD 1---\n" +
            " id   | 2   \n" +
            " name | Bo  \n"));
    }

    [Test]
    public async Task Empty_results_show_the_header_or_zero_rows_vertically()
    {
        Assert.That(await ShowAsync("SELECT 1 AS id WHERE false"), Is.EqualTo("+---+\n| id|\n+---+\n+---+\n"));
        Assert.That(await ShowAsync("SELECT 1 AS id WHERE false", vertical: true), Is.EqualTo("(0 rows)\n"));
    }

    [Test]
    public async Task Values_of_every_kind_are_written_as_spark_casts_them_to_pretty_strings()
    {
        // DuckDB SQL builds a map and a blob literal, which this engine's Spark SQL can't yet.
        var text = await ShowAsync(
            "SELECT DATE '2024-01-02' AS d, TIMESTAMP '2024-01-02 03:04:05.120' AS ts, 12.30::DECIMAL(5,2) AS m, true AS b, " +
            "'\\x01\\xAB'::BLOB AS bin, [1, NULL] AS arr, {'x': 1, 'y': 'a'} AS st, MAP {'k': 1} AS mp, 0.0001::DOUBLE AS small, " +
            "'a' || chr(10) || 'b' AS txt, NULL AS n", truncate: 0, vertical: true, client: await DuckDbDialectClientAsync());

        Assert.That(text, Is.EqualTo(
            "-RECORD 0-----------------------\n" +
            " d     | 2024-01-02             \n" +
            " ts    | 2024-01-02 03:04:05.12 \n" +
            " m     | 12.30                  \n" +
            " b     | true                   \n" +
            " bin   | [01 AB]                \n" +
            " arr   | [1, NULL]              \n" +
            " st    | {1, a}                 \n" +
            " mp    | {k -> 1}               \n" +
            " small | 1.0E-4                 \n" +
            " txt   | a\\nb                   \n" +
            " n     | NULL                   \n"));
    }

    [Test]
    public async Task Timestamps_with_a_zone_are_shown_in_the_session_time_zone()
    {
        // DuckDB SQL writes an instant with its offset.
        var client = await DuckDbDialectClientAsync();
        var set = new ConfigRequest.Types.Operation { Set = new ConfigRequest.Types.Set() };
        set.Set.Pairs.Add(new KeyValue { Key = "spark.sql.session.timeZone", Value = "Asia/Tokyo" });
        await client.ConfigAsync(set);

        var text = await ShowAsync("SELECT TIMESTAMPTZ '2024-01-02 12:00:00+00' AS t", client: client);

        Assert.That(text, Does.Contain("|2024-01-02 21:00:00|"));
    }

    [Test]
    public async Task Full_width_characters_count_twice_in_the_layout()
    {
        var text = await ShowAsync("SELECT '日本' AS s");

        Assert.That(text, Is.EqualTo("+----+\n|   s|\n+----+\n|日本|\n+----+\n"));
    }

    [Test]
    public async Task The_answer_is_one_non_null_string_column_named_show_string_after_its_schema()
    {
        var client = NewClient();
        var responses = await CollectAsync(client.ExecutePlanAsync(ShowPlan("SELECT 1 AS x", 20, 20, false)));

        Assert.That(responses.Select(SchemaResponseTests.KindOf), Is.EqualTo(new[] { "schema", "ArrowBatch", "ResultComplete" }));
        var field = responses[0].Schema.Struct.Fields.Single();
        Assert.That((field.Name, field.DataType.KindCase, field.Nullable), Is.EqualTo(("show_string", DataType.KindOneofCase.String, false)));
        Assert.That(Rows(responses), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Html_string_escapes_cells_and_announces_extra_rows()
    {
        var client = NewClient();
        var plan = new Plan { Root = new Relation { HtmlString = new HtmlString { Input = Sql("SELECT id AS id, '<a&b>' AS s FROM range(3)").Root, NumRows = 2, Truncate = 20 } } };

        var responses = await CollectAsync(client.ExecutePlanAsync(plan));

        Assert.That(responses[0].Schema.Struct.Fields.Single().Name, Is.EqualTo("html_string"));
        Assert.That(Rows(responses).Single()[0], Is.EqualTo(
            "<table border='1'>\n" +
            "<tr><th>id</th><th>s</th></tr>\n" +
            "<tr><td>0</td><td>&lt;a&amp;b&gt;</td></tr>\n" +
            "<tr><td>1</td><td>&lt;a&amp;b&gt;</td></tr>\n" +
            "</table>\n" +
            "only showing top 2 rows\n"));
    }

    [Test]
    public async Task Showing_a_missing_table_fails_with_its_error_class()
    {
        var error = await Assert.ThrowsAsync<SparkException>(() => ShowAsync("SELECT * FROM nowhere"));
        Assert.That(error!.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    private async Task<string> ShowAsync(string sql, int numRows = 20, int truncate = 20, bool vertical = false, SparkConnectClient? client = null)
    {
        client ??= NewClient();
        var rows = await RowsAsync(client, ShowPlan(sql, numRows, truncate, vertical));
        return (string)rows.Single().Single()!;
    }

    private static Plan ShowPlan(string sql, int numRows, int truncate, bool vertical) => new()
    {
        Root = new Relation { ShowString = new ShowString { Input = Sql(sql).Root, NumRows = numRows, Truncate = truncate, Vertical = vertical } },
    };
}
