using Spark.Connect.Protocol;
using Statements = Spark.Connect.Local.Tests.Server.SqlStatementTestBase;

namespace Spark.Connect.Local.Tests.Server;

/// <summary><c>spark.catalog.listColumns</c> of a persistent view and of an external table: the columns a read of them sees.</summary>
public sealed class CatalogObjectColumnsTests : WriteTestBase
{
    private static Plan ListColumns(string table) =>
        new() { Root = new Relation { Catalog = new Spark.Connect.Protocol.Catalog { ListColumns = new ListColumns { TableName = table } } } };

    [Test]
    public async Task A_persistent_views_columns_are_its_querys_columns()
    {
        var client = NewClient();
        await Statements.RunAsync(client, "CREATE TABLE base (id BIGINT, price DECIMAL(6,2))");
        await Statements.RunAsync(client, "CREATE VIEW priced (ident, cost) AS SELECT id, price * 2 FROM base");

        var columns = await RowsAsync(NewClient(), ListColumns("priced"));

        Assert.That(columns, Is.EqualTo(new[]
        {
            new object?[] { "ident", null, "bigint", true, false, false, false },
            new object?[] { "cost", null, "decimal(17,2)", true, false, false, false },
        }));
        Assert.That(await RowsAsync(client, ListColumns("default.priced")), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task An_external_tables_columns_are_its_declared_columns()
    {
        var client = NewClient();
        var folder = Path.Combine(Scratch, "events");
        await Statements.RunAsync(client, $"CREATE TABLE events (id INT, at TIMESTAMP, tags ARRAY<STRING>) USING parquet LOCATION {SqlStatementExternalTableTests.Quoted(folder)}");

        Assert.That(await RowsAsync(client, ListColumns("events")), Is.EqualTo(new[]
        {
            new object?[] { "id", null, "int", true, false, false, false },
            new object?[] { "at", null, "timestamp", true, false, false, false },
            new object?[] { "tags", null, "array<string>", true, false, false, false },
        }));
        await Statements.RunAsync(client, "DROP TABLE events");
        Assert.That((await FailsAsync(client, ListColumns("events"))).ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }
}
