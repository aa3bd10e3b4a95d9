using SaveMode = Spark.Connect.Protocol.WriteOperation.Types.SaveMode;
using SaveMethod = Spark.Connect.Protocol.WriteOperation.Types.SaveTable.Types.TableSaveMethod;
using V2Mode = Spark.Connect.Protocol.WriteOperationV2.Types.Mode;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>saveAsTable, insertInto and writeTo over the shared tables, read back through Read.NamedTable.</summary>
public sealed class WriteTableTests : WriteTestBase
{
    private static Plan SaveAs(string query, string table, SaveMode mode = SaveMode.Unspecified) => Command(ToTable(SqlRelation(query), table, mode));

    private static Plan InsertInto(string query, string table, SaveMode mode = SaveMode.Unspecified) =>
        Command(ToTable(SqlRelation(query), table, mode, SaveMethod.InsertInto));

    private static Plan WriteTo(string query, string table, V2Mode mode, Expression? condition = null)
    {
        var write = new WriteOperationV2 { Input = SqlRelation(query), TableName = table, Mode = mode };
        if (condition is not null)
            write.OverwriteCondition = condition;
        return Command(write);
    }

    [Test]
    public async Task SaveAsTable_creates_a_table_every_session_sees()
    {
        var writer = NewClient();
        await RunAsync(writer, SaveAs("SELECT 1 AS id, 'a' AS name UNION ALL SELECT 2, 'b'", "saved"));

        var other = NewClient();
        Assert.That(await LinesAsync(other, Table("saved")), Is.EqualTo(new[] { "1|a", "2|b" }));
        Assert.That(await LinesAsync(other, Table("default.saved")), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task SaveAsTable_modes_follow_Spark()
    {
        var client = NewClient();
        await RunAsync(client, SaveAs("SELECT 1 AS id, 'a' AS name", "t"));

        var error = await FailsAsync(client, SaveAs("SELECT 2 AS id, 'b' AS name", "t"));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("TABLE_OR_VIEW_ALREADY_EXISTS", "42P07")));

        await RunAsync(client, SaveAs("SELECT 2 AS id, 'b' AS name", "t", SaveMode.Ignore));
        Assert.That(await LinesAsync(client, Table("t")), Is.EqualTo(new[] { "1|a" }));

        // Append resolves columns by name, not position.
        await RunAsync(client, SaveAs("SELECT 'c' AS name, 3 AS id", "t", SaveMode.Append));
        Assert.That(await LinesAsync(client, Table("t")), Is.EqualTo(new[] { "1|a", "3|c" }));

        await RunAsync(client, SaveAs("SELECT CAST(9.5 AS DOUBLE) AS score", "t", SaveMode.Overwrite));
        Assert.That(await LinesAsync(client, Table("t")), Is.EqualTo(new[] { "9.5" }));
    }

    [Test]
    public async Task SaveAsTable_append_creates_a_missing_table_and_checks_names()
    {
        var client = NewClient();
        await RunAsync(client, SaveAs("SELECT 1 AS id", "fresh", SaveMode.Append));
        Assert.That(await LinesAsync(client, Table("fresh")), Is.EqualTo(new[] { "1" }));

        var missing = await FailsAsync(client, SaveAs("SELECT 2 AS other", "fresh", SaveMode.Append));
        Assert.That(missing.ErrorClass, Is.EqualTo("INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_FIND_DATA"));
        var extra = await FailsAsync(client, SaveAs("SELECT 2 AS id, 3 AS more", "fresh", SaveMode.Append));
        Assert.That(extra.ErrorClass, Is.EqualTo("INCOMPATIBLE_DATA_FOR_TABLE.EXTRA_COLUMNS"));
    }

    [Test]
    public async Task Overwriting_a_table_the_data_reads_is_refused()
    {
        var client = NewClient();
        await RunAsync(client, SaveAs("SELECT 1 AS id", "t"));
        var write = ToTable(new Relation { Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = "default.t" } } }, "t", SaveMode.Overwrite);

        Assert.That((await FailsAsync(client, Command(write))).ErrorClass, Is.EqualTo("UNSUPPORTED_OVERWRITE.TABLE"));
        Assert.That(await LinesAsync(client, Table("t")), Is.EqualTo(new[] { "1" }));
    }

    [Test]
    public async Task A_table_in_another_database_is_SCHEMA_NOT_FOUND()
    {
        var error = await FailsAsync(NewClient(), SaveAs("SELECT 1 AS id", "elsewhere.t"));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("SCHEMA_NOT_FOUND", "42704")));
    }

    [Test]
    public async Task InsertInto_goes_by_position_and_needs_the_table()
    {
        var client = NewClient();
        var missing = await FailsAsync(client, InsertInto("SELECT 1 AS id", "absent"));
        Assert.That((missing.ErrorClass, missing.SqlState), Is.EqualTo(("TABLE_OR_VIEW_NOT_FOUND", "42P01")));

        await RunAsync(client, SaveAs("SELECT 1 AS id, 'a' AS name", "t"));
        await RunAsync(client, InsertInto("SELECT 2 AS x, 'b' AS y", "t"));
        Assert.That(await LinesAsync(client, Table("t")), Is.EqualTo(new[] { "1|a", "2|b" }));

        var arity = await FailsAsync(client, InsertInto("SELECT 3, 'c', true", "t"));
        Assert.That((arity.ErrorClass, arity.SqlState), Is.EqualTo(("INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS", "21S01")));
        var few = await FailsAsync(client, InsertInto("SELECT 3", "t"));
        Assert.That(few.ErrorClass, Is.EqualTo("INSERT_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS"));

        await RunAsync(client, InsertInto("SELECT 5, 'e'", "t", SaveMode.Overwrite));
        Assert.That(await LinesAsync(client, Table("t")), Is.EqualTo(new[] { "5|e" }));
        Assert.That((await ColumnsAsync(client, Table("t"))).Select(c => c.Name), Is.EqualTo(new[] { "id", "name" }), "insertInto keeps the table's schema");
    }

    [Test]
    public async Task WriteTo_create_replace_and_append()
    {
        var client = NewClient();
        await RunAsync(client, WriteTo("SELECT 1 AS id", "v2", V2Mode.Create));
        var again = await FailsAsync(client, WriteTo("SELECT 1 AS id", "v2", V2Mode.Create));
        Assert.That(again.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_ALREADY_EXISTS"));

        await RunAsync(client, WriteTo("SELECT 2 AS id", "v2", V2Mode.Append));
        Assert.That(await LinesAsync(client, Table("v2")), Is.EqualTo(new[] { "1", "2" }));

        await RunAsync(client, WriteTo("SELECT 'r' AS s", "v2", V2Mode.Replace));
        Assert.That(await LinesAsync(client, Table("v2")), Is.EqualTo(new[] { "r" }));

        await RunAsync(client, WriteTo("SELECT 'c' AS s", "v2", V2Mode.CreateOrReplace));
        await RunAsync(client, WriteTo("SELECT 'n' AS s", "brand_new", V2Mode.CreateOrReplace));
        Assert.That(await LinesAsync(client, Table("v2")), Is.EqualTo(new[] { "c" }));
        Assert.That(await LinesAsync(client, Table("brand_new")), Is.EqualTo(new[] { "n" }));

        foreach (var mode in new[] { V2Mode.Replace, V2Mode.Append, V2Mode.OverwritePartitions })
        {
            var error = await FailsAsync(client, WriteTo("SELECT 1 AS id", "nowhere", mode));
            Assert.That(error.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"), mode.ToString());
        }
    }

    [Test]
    public async Task WriteTo_overwrite_replaces_rows_only_for_a_true_condition()
    {
        var client = NewClient();
        await RunAsync(client, WriteTo("SELECT 1 AS id, 'a' AS name", "t", V2Mode.Create));
        var always = new Expression { Literal = new Expression.Types.Literal { Boolean = true } };

        await RunAsync(client, WriteTo("SELECT 'b' AS name, 2 AS id", "t", V2Mode.Overwrite, always));
        Assert.That(await LinesAsync(client, Table("t")), Is.EqualTo(new[] { "2|b" }));

        await RunAsync(client, WriteTo("SELECT 3 AS id, 'c' AS name", "t", V2Mode.OverwritePartitions));
        Assert.That(await LinesAsync(client, Table("t")), Is.EqualTo(new[] { "3|c" }));

        var condition = new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = "flag" } };
        var error = await FailsAsync(client, WriteTo("SELECT 4 AS id, 'd' AS name", "t", V2Mode.Overwrite, condition));
        Assert.That(error.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(await LinesAsync(client, Table("t")), Is.EqualTo(new[] { "3|c" }));
    }

    [Test]
    public async Task Analyzing_a_command_does_not_run_it()
    {
        var client = NewClient();
        var request = new AnalyzePlanRequest { Schema = new AnalyzePlanRequest.Types.Schema { Plan = SaveAs("SELECT 1 AS id", "analyzed") } };
        Assert.That((await Assert.ThrowsAsync<SparkException>(() => client.AnalyzePlanAsync(request)))!.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That((await FailsAsync(client, Table("analyzed"))).ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }
}
