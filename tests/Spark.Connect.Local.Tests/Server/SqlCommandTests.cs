namespace Spark.Connect.Local.Tests.Server;

/// <summary>
/// <c>spark.sql(…)</c> as clients send it: a <c>SqlCommand</c> whose <c>sql_command_result</c> is the relation the
/// client then collects. Queries come back lazily as a SQL relation; other statements run at once.
/// </summary>
public sealed class SqlCommandTests : LocalServerTestBase
{
    [Test]
    public async Task A_query_comes_back_unevaluated_as_a_sql_relation_and_collects_like_spark_sql()
    {
        var client = NewClient();
        var responses = await CollectAsync(client.ExecutePlanAsync(SqlCommand("SELECT 40 + 2 AS answer")));

        Assert.That(responses.Select(SchemaResponseTests.KindOf), Is.EqualTo(new[] { "SqlCommandResult", "ResultComplete" }));
        var relation = responses[0].SqlCommandResult.Relation;
        Assert.That(relation.Sql.Query, Is.EqualTo("SELECT 40 + 2 AS answer"));
        Assert.That(await RowsAsync(client, new Plan { Root = relation }), Is.EqualTo(new[] { new object?[] { 42 } }));
    }

    [Test]
    public async Task A_query_against_a_missing_table_fails_at_spark_sql_time()
    {
        var client = NewClient();
        var error = await Assert.ThrowsAsync<SparkException>(async () => await CollectAsync(client.ExecutePlanAsync(SqlCommand("SELECT * FROM nowhere"))));
        Assert.That(error!.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public async Task Query_arguments_travel_with_the_relation_and_are_bound_when_collected()
    {
        var client = NewClient();
        var named = SqlCommand("SELECT :low + 1 AS a, :name AS b");
        named.Command.SqlCommand.Input.Sql.Args.Add("low", new Expression.Types.Literal { Integer = 9 });
        named.Command.SqlCommand.Input.Sql.NamedArguments.Add("name", new Expression { Literal = new Expression.Types.Literal { String = "x'; DROP" } });
        var positional = SqlCommand("SELECT ? * 2 AS a");
        positional.Command.SqlCommand.Input.Sql.PosArguments.Add(new Expression { Literal = new Expression.Types.Literal { Long = 21 } });

        var namedRelation = (await CollectAsync(client.ExecutePlanAsync(named)))[0].SqlCommandResult.Relation;
        var positionalRelation = (await CollectAsync(client.ExecutePlanAsync(positional)))[0].SqlCommandResult.Relation;

        Assert.That(namedRelation.Sql.Args.Keys, Is.EqualTo(new[] { "low" }));
        Assert.That(namedRelation.Sql.NamedArguments.Keys, Is.EqualTo(new[] { "name" }));
        Assert.That(positionalRelation.Sql.PosArguments, Has.Count.EqualTo(1));
        Assert.That(await RowsAsync(client, new Plan { Root = namedRelation }), Is.EqualTo(new[] { new object?[] { 10, "x'; DROP" } }));
        Assert.That(await RowsAsync(client, new Plan { Root = positionalRelation }), Is.EqualTo(new[] { new object?[] { 42L } }));
    }

    [Test]
    public async Task The_older_command_fields_are_understood_too()
    {
        var client = NewClient();
        var plan = new Plan { Command = new Command { SqlCommand = new SqlCommand { Sql = "SELECT ? AS v" } } };
        plan.Command.SqlCommand.PosArgs.Add(new Expression.Types.Literal { String = "old" });

        var relation = (await CollectAsync(client.ExecutePlanAsync(plan)))[0].SqlCommandResult.Relation;

        Assert.That(relation.Sql.PosArgs.Single().String, Is.EqualTo("old"));
        Assert.That(await RowsAsync(client, new Plan { Root = relation }), Is.EqualTo(new[] { new object?[] { "old" } }));
    }

    [Test]
    public async Task Create_and_insert_run_at_once_and_answer_with_an_empty_local_relation()
    {
        var client = NewClient();
        var create = await CollectAsync(client.ExecutePlanAsync(SqlCommand("CREATE TABLE people (name VARCHAR, age INTEGER)")));
        var insert = SqlCommand("INSERT INTO people VALUES (:name, :age)");
        insert.Command.SqlCommand.Input.Sql.Args.Add("name", new Expression.Types.Literal { String = "Ann" });
        insert.Command.SqlCommand.Input.Sql.Args.Add("age", new Expression.Types.Literal { Integer = 31 });
        var inserted = await CollectAsync(client.ExecutePlanAsync(insert));

        foreach (var responses in new[] { create, inserted })
        {
            Assert.That(responses.Select(SchemaResponseTests.KindOf), Is.EqualTo(new[] { "SqlCommandResult", "ResultComplete" }));
            var local = responses[0].SqlCommandResult.Relation.LocalRelation;
            var batches = new Arrow.ArrowStreamReader(local.Data.Memory).ReadAllBatches().ToList();
            Assert.That(batches.Single().Schema.Fields, Is.Empty, "Spark reports no columns for DDL/DML");
        }
        Assert.That(await RowsAsync(client, Table("people")), Is.EqualTo(new[] { new object?[] { "Ann", 31 } }));
    }

    [Test]
    public async Task Collecting_a_ddl_result_gives_no_rows_of_no_columns_as_in_spark()
    {
        var client = NewClient();
        var created = await CollectAsync(client.ExecutePlanAsync(SqlCommand("CREATE TABLE t (x INTEGER)")));

        var collected = await CollectAsync(client.ExecutePlanAsync(new Plan { Root = created[0].SqlCommandResult.Relation }));

        Assert.That(collected.Select(SchemaResponseTests.KindOf), Is.EqualTo(new[] { "schema", "ArrowBatch", "ResultComplete" }));
        Assert.That(collected[0].Schema.Struct.Fields, Is.Empty);
        Assert.That(Rows(collected), Is.Empty);
    }

    [Test]
    public async Task Another_statement_with_output_brings_its_rows_in_the_local_relation()
    {
        var client = NewClient();
        await CollectAsync(client.ExecutePlanAsync(SqlCommand("CREATE TABLE t (x INTEGER)")));

        var responses = await CollectAsync(client.ExecutePlanAsync(SqlCommand("DESCRIBE t")));

        var local = responses[0].SqlCommandResult.Relation.LocalRelation;
        var batch = new Arrow.ArrowStreamReader(local.Data.Memory).ReadAllBatches().Single();
        Assert.That(batch.Length, Is.EqualTo(1));
        Assert.That(Value(batch.Columns[0], 0), Is.EqualTo("x"));
    }

    [Test]
    public async Task Set_changes_the_sessions_spark_configuration_and_reports_key_and_value()
    {
        var client = NewClient();
        var responses = await CollectAsync(client.ExecutePlanAsync(SqlCommand("SET spark.sql.session.timeZone = Europe/Paris")));

        var batch = new Arrow.ArrowStreamReader(responses[0].SqlCommandResult.Relation.LocalRelation.Data.Memory).ReadAllBatches().Single();
        Assert.That(batch.Schema.Fields.Select(f => f.Name), Is.EqualTo(new[] { "key", "value" }));
        Assert.That(new[] { Value(batch.Columns[0], 0), Value(batch.Columns[1], 0) }, Is.EqualTo(new[] { "spark.sql.session.timeZone", "Europe/Paris" }));
        var config = await client.ConfigAsync(new ConfigRequest.Types.Operation { Get = new ConfigRequest.Types.Get { Keys = { "spark.sql.session.timeZone" } } });
        Assert.That(config.Pairs.Single().Value, Is.EqualTo("Europe/Paris"));
    }

    [Test]
    public async Task A_failing_statement_reports_its_error_and_leaves_the_session_usable()
    {
        var client = NewClient();
        var error = await Assert.ThrowsAsync<SparkException>(async () => await CollectAsync(client.ExecutePlanAsync(SqlCommand("DROP TABLE missing_table"))));
        Assert.That(error!.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));

        Assert.That(await RowsAsync(client, Sql("SELECT 1 AS one")), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_statement_result_has_the_empty_schema_and_no_rows_when_analyzed_and_collected()
    {
        var client = NewClient();
        var relation = (await CollectAsync(client.ExecutePlanAsync(SqlCommand("CREATE TEMPORARY VIEW v AS SELECT 1 AS a"))))[0].SqlCommandResult.Relation;

        var schema = await client.SchemaAsync(new Plan { Root = relation });

        Assert.That(schema.Struct.Fields, Is.Empty);
        Assert.That(await RowsAsync(client, new Plan { Root = relation }), Is.Empty);
    }

    /// <summary>What PySpark 4 and the Scala client send for spark.sql(text): the statement as the command's input relation.</summary>
    internal static Plan SqlCommand(string text) =>
        new() { Command = new Command { SqlCommand = new SqlCommand { Input = new Relation { Sql = new SQL { Query = text } } } } };
}
