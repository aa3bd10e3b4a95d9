namespace Spark.Connect.Local.Tests.Server;

/// <summary>Persistent views: CREATE [OR REPLACE] VIEW, ALTER VIEW … AS, DROP VIEW, SHOW VIEWS and DESCRIBE of a view.</summary>
public sealed class SqlStatementViewTests : SqlStatementTestBase
{
    [Test]
    public async Task A_view_reads_its_tables_as_they_are_now_from_every_session()
    {
        var client = NewClient();
        var other = NewClient();
        await RunAsync(client, "CREATE TABLE people (name STRING, age INT)");
        await RunAsync(client, "INSERT INTO people VALUES ('ann', 30), ('bob', 12)");

        Assert.That(await RunAsync(client, "CREATE VIEW Adults AS SELECT name FROM people WHERE age >= :min", sql => sql.Args["min"] = new Expression.Types.Literal { Integer = 18 }), Is.Empty);
        await RunAsync(client, "INSERT INTO people VALUES ('cy', 40)");

        Assert.That(await RunAsync(other, "SELECT * FROM adults ORDER BY name"), Is.EqualTo(new[] { new object?[] { "ann" }, new object?[] { "cy" } }));
        Assert.That(await RunAsync(other, "SELECT adults.name FROM default.adults WHERE name = 'cy'"), Is.EqualTo(new[] { new object?[] { "cy" } }));
    }

    [Test]
    public async Task Create_replace_and_alter_follow_sparks_rules()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE t (a INT)");
        await RunAsync(client, "CREATE VIEW v (x COMMENT 'first') AS SELECT 1");

        Assert.That(await ErrorClassAsync(client, "CREATE VIEW v AS SELECT 2"), Is.EqualTo("TABLE_OR_VIEW_ALREADY_EXISTS"));
        Assert.That(await RunAsync(client, "CREATE VIEW IF NOT EXISTS v AS SELECT 2"), Is.Empty);
        Assert.That(await RunAsync(client, "SELECT * FROM v"), Is.EqualTo(new[] { new object?[] { 1 } }));
        await RunAsync(client, "CREATE OR REPLACE VIEW v AS SELECT 'two' AS y");
        Assert.That(await RunAsync(client, "SELECT y FROM v"), Is.EqualTo(new[] { new object?[] { "two" } }));
        await RunAsync(client, "ALTER VIEW v AS SELECT 3 AS z, 4 AS w");
        Assert.That(await RunAsync(client, "SELECT * FROM v"), Is.EqualTo(new[] { new object?[] { 3, 4 } }));

        Assert.That(await ErrorClassAsync(client, "CREATE OR REPLACE VIEW t AS SELECT 1"), Is.EqualTo("EXPECT_VIEW_NOT_TABLE.NO_ALTERNATIVE"));
        Assert.That(await ErrorClassAsync(client, "CREATE TABLE v (a INT)"), Is.EqualTo("TABLE_OR_VIEW_ALREADY_EXISTS"));
        Assert.That(await ErrorClassAsync(client, "ALTER VIEW nosuch AS SELECT 1"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(await ErrorClassAsync(client, "CREATE OR REPLACE VIEW v AS SELECT * FROM v"), Is.EqualTo("RECURSIVE_VIEW"));
        Assert.That(await ErrorClassAsync(client, "CREATE VIEW w (a, b) AS SELECT 1"), Is.EqualTo("CREATE_VIEW_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS"));
        Assert.That(await ErrorClassAsync(client, "CREATE VIEW w AS SELECT * FROM nosuch"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(await ErrorClassAsync(client, "INSERT INTO v VALUES (1, 2)"), Is.EqualTo("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE"));
    }

    [Test]
    public async Task A_persistent_view_may_not_read_a_temporary_view()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TEMPORARY VIEW temp_numbers AS SELECT 1 AS n");

        var error = await FailureAsync(client, "CREATE VIEW lasting AS SELECT n FROM temp_numbers");

        Assert.That(error.ErrorClass, Is.EqualTo("INVALID_TEMP_OBJ_REFERENCE"));
        Assert.That(await RunAsync(client, "SHOW VIEWS"), Is.EqualTo(new[] { new object?[] { "", "temp_numbers", true } }), "nothing was created");
    }

    [Test]
    public async Task Show_describe_and_drop_treat_it_as_a_view()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE base (a INT, b DECIMAL(4,1))");
        await RunAsync(client, "CREATE VIEW summary AS SELECT a, b, a + 1 AS next FROM base");

        Assert.That(await RunAsync(client, "SHOW VIEWS"), Is.EqualTo(new[] { new object?[] { "default", "summary", false } }));
        Assert.That(await RunAsync(client, "SHOW TABLES"), Is.EqualTo(new[] { new object?[] { "default", "base", false }, new object?[] { "default", "summary", false } }));
        Assert.That(await RunAsync(client, "DESCRIBE summary"), Is.EqualTo(new[] { new object?[] { "a", "int", null }, new object?[] { "b", "decimal(4,1)", null }, new object?[] { "next", "int", null } }));
        var extended = await RunAsync(client, "DESCRIBE EXTENDED summary");
        Assert.That(extended.Where(r => (string)r[0]! is "Type" or "View Text").Select(r => r[1]), Is.EqualTo(new[] { "VIEW", "SELECT a, b, a + 1 AS next FROM base" }));

        Assert.That(await ErrorClassAsync(client, "DROP TABLE summary"), Is.EqualTo("WRONG_COMMAND_FOR_OBJECT_TYPE"));
        Assert.That(await RunAsync(client, "DROP VIEW summary"), Is.Empty);
        Assert.That(await ErrorClassAsync(client, "SELECT * FROM summary"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(await ErrorClassAsync(client, "DROP VIEW summary"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(await RunAsync(client, "DROP VIEW IF EXISTS summary"), Is.Empty);
    }

    [Test]
    public async Task A_view_in_a_created_database_and_a_renamed_view()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE DATABASE reports");
        await RunAsync(client, "CREATE VIEW reports.one AS SELECT 1 AS n");
        await RunAsync(client, "ALTER VIEW reports.one RENAME TO reports.uno");

        Assert.That(await RunAsync(client, "SELECT n FROM reports.uno"), Is.EqualTo(new[] { new object?[] { 1 } }));
        Assert.That(await RunAsync(client, "SHOW VIEWS IN reports"), Is.EqualTo(new[] { new object?[] { "reports", "uno", false } }));
        Assert.That(await ErrorClassAsync(client, "DROP DATABASE reports"), Is.EqualTo("SCHEMA_NOT_EMPTY"));
        await RunAsync(client, "DROP DATABASE reports CASCADE");
        await RunAsync(client, "CREATE DATABASE reports");
        Assert.That(await ErrorClassAsync(client, "SELECT * FROM reports.uno"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"), "the view went with its database");
    }

    [Test]
    public async Task The_catalog_lists_persistent_views_and_knows_they_exist()
    {
        var client = NewClient();
        await RunAsync(client, "CREATE TABLE b_table (a INT)");
        await RunAsync(client, "CREATE VIEW a_view AS SELECT a FROM b_table");
        var list = new Relation { Catalog = new Spark.Connect.Protocol.Catalog { ListTables = new ListTables() } };
        var columns = new[] { "name", "tableType", "isTemporary" }.Select(n => new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = n } });
        var rows = new Plan { Root = new Relation { Project = new Project { Input = list, Expressions = { columns } } } };

        Assert.That(await RowsAsync(client, rows), Is.EqualTo(new[] { new object?[] { "a_view", "VIEW", false }, new object?[] { "b_table", "MANAGED", false } }));
        var exists = new Plan { Root = new Relation { Catalog = new Spark.Connect.Protocol.Catalog { TableExists = new TableExists { TableName = "a_view" } } } };
        Assert.That(await RowsAsync(client, exists), Is.EqualTo(new[] { new object?[] { true } }));
    }

    [Test]
    public async Task A_views_unqualified_names_resolve_in_the_database_current_when_it_was_made()
    {
        var creator = NewClient();
        var reader = NewClient();
        await RunAsync(creator, "CREATE TABLE t AS SELECT 'default' AS origin");
        await RunAsync(creator, "CREATE DATABASE sales");
        await RunAsync(creator, "CREATE TABLE sales.t AS SELECT 'sales' AS origin");
        await RunAsync(creator, "USE sales");
        await RunAsync(creator, "CREATE VIEW origins AS SELECT origin FROM t");

        Assert.That(await RunAsync(reader, "SELECT * FROM sales.origins"), Is.EqualTo(new[] { new object?[] { "sales" } }));
        Assert.That(await RunAsync(reader, "SELECT * FROM t"), Is.EqualTo(new[] { new object?[] { "default" } }));
        Assert.That(await ErrorClassAsync(reader, "SELECT * FROM origins"), Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"), "the view is in sales");
    }
}
