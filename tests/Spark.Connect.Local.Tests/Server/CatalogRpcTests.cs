using Spark.Connect.Arrow;
using Spark.Linq.Testing;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>Catalog relations over gRPC: Arrow types as Spark's Catalog classes have them, and tables written through commands.</summary>
public sealed class CatalogRpcTests : WriteTestBase
{
    private static Plan Catalog(Action<Spark.Connect.Protocol.Catalog> fill)
    {
        var catalog = new Spark.Connect.Protocol.Catalog();
        fill(catalog);
        return new Plan { Root = new Relation { Catalog = catalog } };
    }

    [Test]
    public async Task A_saved_table_is_listed_with_Sparks_types_and_session_data_is_not()
    {
        var client = NewClient();
        await RunAsync(client, Command(ToTable(SqlRelation("SELECT 1 AS id, 'a' AS name"), "saved", WriteOperation.Types.SaveMode.Unspecified)));
        Server.CreateTable("registered", new[] { new Row(1) });
        await NestedReadTests.LoadLocalDataAsync(client);

        var list = Catalog(c => c.ListTables = new ListTables());
        Assert.That(await ColumnsAsync(client, list), Is.EqualTo(new[]
        {
            ("name", ArrowTypeId.Utf8), ("catalog", ArrowTypeId.Utf8), ("namespace", ArrowTypeId.List),
            ("description", ArrowTypeId.Utf8), ("tableType", ArrowTypeId.Utf8), ("isTemporary", ArrowTypeId.Boolean),
        }));
        // The test reader has no list reader: read the names only.
        var names = new Plan { Root = new Relation { Project = new Project { Input = list.Root, Expressions = { new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = "name" } } } } } };
        Assert.That((await RowsAsync(client, names)).Select(r => r[0]), Is.EqualTo(new[] { "registered", "saved" }));
        Assert.That((await RowsAsync(NewClient(), names)).Select(r => r[0]), Is.EqualTo(new[] { "registered", "saved" }), "another session sees the same tables");
    }

    [Test]
    public async Task Columns_and_scalar_answers_over_gRPC()
    {
        var client = NewClient();
        await RunAsync(client, Command(ToTable(SqlRelation("SELECT CAST(1 AS BIGINT) AS id, CAST(2.5 AS DOUBLE) AS score"), "t", WriteOperation.Types.SaveMode.Unspecified)));

        var columns = await RowsAsync(client, Catalog(c => c.ListColumns = new ListColumns { TableName = "t" }));
        Assert.That(columns.Select(r => (r[0], r[2], r[3])), Is.EqualTo(new[] { ((object?)"id", (object?)"bigint", (object?)true), ("score", "double", true) }));
        Assert.That(await RowsAsync(client, Catalog(c => c.TableExists = new TableExists { TableName = "t" })), Is.EqualTo(new[] { new object?[] { true } }));
        Assert.That(await ColumnsAsync(client, Catalog(c => c.CurrentDatabase = new CurrentDatabase())), Is.EqualTo(new[] { ("value", ArrowTypeId.Utf8) }));
        var error = await FailsAsync(client, Catalog(c => c.GetTable = new GetTable { TableName = "missing" }));
        Assert.That(error.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    private sealed record Row(int Id);
}
