using Spark.Connect;
using Spark.Connect.Local.Planning;
using CatalogCall = Spark.Connect.Protocol.Catalog;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>The catalog relation against tables and views the test creates (people, depts from the base, plus its own).</summary>
public sealed class CatalogRelationTests : PlannerTestBase
{
    [SetUp]
    public void RealFunctions() => Functions = null;

    private Relation Call(Action<CatalogCall> fill)
    {
        var catalog = new CatalogCall();
        fill(catalog);
        return New(r => r.Catalog = catalog);
    }

    private List<string> Types(Relation relation)
    {
        var planned = Plan(relation);
        using var statement = LocalPlanner.Prepare(Connection, planned);
        return statement.DescribeColumns().Select(c => $"{c.Name}:{c.Type}").ToList();
    }

    [Test]
    public void ListTables_has_Sparks_columns_and_lists_shared_tables_and_views_by_name()
    {
        Exec("CREATE VIEW rich AS SELECT * FROM people WHERE salary > 150");
        Exec("CREATE TEMP TABLE session_only (x INTEGER)");
        var list = Call(c => c.ListTables = new ListTables());

        Assert.That(Types(list), Is.EqualTo(new[]
        {
            "name:VARCHAR", "catalog:VARCHAR", "namespace:VARCHAR[]", "description:VARCHAR", "tableType:VARCHAR", "isTemporary:BOOLEAN",
        }));
        Assert.That(Lines(list), Is.EqualTo(new[]
        {
            "depts|spark_catalog|[default]|∅|MANAGED|false",
            "people|spark_catalog|[default]|∅|MANAGED|false",
            "rich|spark_catalog|[default]|∅|VIEW|false",
        }), "sorted by name; the session's temporary table is not a catalog table");
    }

    [TestCase("peo*", new[] { "people" })]
    [TestCase("DEPTS|rich", new[] { "depts" })]
    [TestCase("*e*", new[] { "depts", "people" })]
    [TestCase("nothing", new string[0])]
    public void ListTables_filters_with_Sparks_patterns(string pattern, string[] expected) =>
        Assert.That(Rows(Call(c => c.ListTables = new ListTables { Pattern = pattern })).Select(r => r[0]), Is.EqualTo(expected));

    [Test]
    public void Databases_other_than_default_do_not_exist()
    {
        Assert.That(Lines(Call(c => c.ListTables = new ListTables { DbName = "main" })), Has.Count.EqualTo(2));
        var error = PlanError(Call(c => c.ListTables = new ListTables { DbName = "sales" }));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("SCHEMA_NOT_FOUND", "42704")));
        Assert.That(Lines(Call(c => c.DatabaseExists = new DatabaseExists { DbName = "default" })), Is.EqualTo(new[] { "true" }));
        Assert.That(Lines(Call(c => c.DatabaseExists = new DatabaseExists { DbName = "sales" })), Is.EqualTo(new[] { "false" }));
        Assert.That(PlanError(Call(c => c.SetCurrentDatabase = new SetCurrentDatabase { DbName = "sales" })).ErrorClass, Is.EqualTo("SCHEMA_NOT_FOUND"));
        Assert.That(Rows(Call(c => c.SetCurrentDatabase = new SetCurrentDatabase { DbName = "default" })), Is.Empty);
        Assert.That(PlanError(Call(c => c.GetDatabase = new GetDatabase { DbName = "sales" })).ErrorClass, Is.EqualTo("SCHEMA_NOT_FOUND"));
    }

    [Test]
    public void Current_database_and_catalog_and_their_lists()
    {
        Assert.That(Lines(Call(c => c.CurrentDatabase = new CurrentDatabase())), Is.EqualTo(new[] { "default" }));
        Assert.That(Lines(Call(c => c.CurrentCatalog = new CurrentCatalog())), Is.EqualTo(new[] { "spark_catalog" }));
        var databases = Call(c => c.ListDatabases = new ListDatabases());
        Assert.That(Types(databases), Is.EqualTo(new[] { "name:VARCHAR", "catalog:VARCHAR", "description:VARCHAR", "locationUri:VARCHAR" }));
        Assert.That(Rows(databases).Select(r => (r[0], r[1])), Is.EqualTo(new[] { ("default", "spark_catalog") }));
        Assert.That(Rows(Call(c => c.ListDatabases = new ListDatabases { Pattern = "x*" })), Is.Empty);
        Assert.That(Lines(Call(c => c.ListCatalogs = new ListCatalogs())), Is.EqualTo(new[] { "spark_catalog|∅" }));
        Assert.That(Rows(Call(c => c.SetCurrentCatalog = new SetCurrentCatalog { CatalogName = "spark_catalog" })), Is.Empty);
        var error = PlanError(Call(c => c.SetCurrentCatalog = new SetCurrentCatalog { CatalogName = "hive" }));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("CATALOG_NOT_FOUND", "42P08")));
    }

    [TestCase("people", null, true)]
    [TestCase("PEOPLE", null, true)]
    [TestCase("default.people", null, true)]
    [TestCase("spark_catalog.default.depts", null, true)]
    [TestCase("people", "default", true)]
    [TestCase("people", "sales", false)]
    [TestCase("sales.people", null, false)]
    [TestCase("nobody", null, false)]
    public void TableExists_resolves_Spark_names(string table, string? database, bool expected)
    {
        var call = new TableExists { TableName = table };
        if (database is not null)
            call.DbName = database;
        Assert.That(Lines(Call(c => c.TableExists = call)), Is.EqualTo(new[] { expected ? "true" : "false" }));
    }

    [Test]
    public void GetTable_returns_one_row_or_TABLE_OR_VIEW_NOT_FOUND()
    {
        Assert.That(Lines(Call(c => c.GetTable = new GetTable { TableName = "default.people" })),
            Is.EqualTo(new[] { "people|spark_catalog|[default]|∅|MANAGED|false" }));
        var error = PlanError(Call(c => c.GetTable = new GetTable { TableName = "nobody" }));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("TABLE_OR_VIEW_NOT_FOUND", "42P01")));
    }

    [Test]
    public void ListColumns_gives_Spark_type_names_and_nullability()
    {
        Exec("CREATE TABLE typed (id BIGINT NOT NULL, price DECIMAL(10,2), tags VARCHAR[], ts TIMESTAMPTZ, local TIMESTAMP, info STRUCT(a INTEGER, b VARCHAR), m MAP(VARCHAR, DOUBLE), flag BOOLEAN, day DATE, raw BLOB, small SMALLINT)");
        var columns = Call(c => c.ListColumns = new ListColumns { TableName = "typed" });

        Assert.That(Types(columns), Is.EqualTo(new[]
        {
            "name:VARCHAR", "description:VARCHAR", "dataType:VARCHAR", "nullable:BOOLEAN", "isPartition:BOOLEAN", "isBucket:BOOLEAN", "isCluster:BOOLEAN",
        }));
        Assert.That(Lines(columns), Is.EqualTo(new[]
        {
            "id|∅|bigint|false|false|false|false",
            "price|∅|decimal(10,2)|true|false|false|false",
            "tags|∅|array<string>|true|false|false|false",
            "ts|∅|timestamp|true|false|false|false",
            "local|∅|timestamp_ntz|true|false|false|false",
            "info|∅|struct<a:int,b:string>|true|false|false|false",
            "m|∅|map<string,double>|true|false|false|false",
            "flag|∅|boolean|true|false|false|false",
            "day|∅|date|true|false|false|false",
            "raw|∅|binary|true|false|false|false",
            "small|∅|smallint|true|false|false|false",
        }));
        Assert.That(PlanError(Call(c => c.ListColumns = new ListColumns { TableName = "nobody" })).ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public void Functions_come_from_the_local_function_catalog()
    {
        Assert.That(Lines(Call(c => c.FunctionExists = new FunctionExists { FunctionName = "UPPER" })), Is.EqualTo(new[] { "true" }));
        Assert.That(Lines(Call(c => c.FunctionExists = new FunctionExists { FunctionName = "no_such_fn" })), Is.EqualTo(new[] { "false" }));
        var listed = Call(c => c.ListFunctions = new ListFunctions { Pattern = "date_*" });
        Assert.That(Types(listed), Is.EqualTo(new[]
        {
            "name:VARCHAR", "catalog:VARCHAR", "namespace:VARCHAR[]", "description:VARCHAR", "className:VARCHAR", "isTemporary:BOOLEAN",
        }));
        var names = Rows(listed).Select(r => r[0]).ToList();
        Assert.That(names, Does.Contain("date_add").And.Contain("date_format"));
        Assert.That(names, Is.All.StartsWith("date_"));
        Assert.That(Rows(Call(c => c.ListFunctions = new ListFunctions())), Has.Count.EqualTo(Spark.Connect.Local.Planning.Functions.FunctionRegistry.Names.Count));
    }

    [Test]
    public void Cache_calls_are_remembered_for_is_cached_though_nothing_is_cached()
    {
        var isCached = () => Lines(Call(c => c.IsCached = new IsCached { TableName = "PEOPLE" }));
        Assert.That(isCached(), Is.EqualTo(new[] { "false" }));
        Assert.That(Rows(Call(c => c.CacheTable = new CacheTable { TableName = "people" })), Is.Empty);
        Assert.That(isCached(), Is.EqualTo(new[] { "true" }));
        Assert.That(Rows(Call(c => c.UncacheTable = new UncacheTable { TableName = "people" })), Is.Empty);
        Assert.That(isCached(), Is.EqualTo(new[] { "false" }));
        Rows(Call(c => c.CacheTable = new CacheTable { TableName = "people" }));
        Assert.That(Rows(Call(c => c.RefreshTable = new RefreshTable { TableName = "people" })), Is.Empty);
        Assert.That(Rows(Call(c => c.ClearCache = new ClearCache())), Is.Empty);
        Assert.That(isCached(), Is.EqualTo(new[] { "false" }));
        Assert.That(PlanError(Call(c => c.CacheTable = new CacheTable { TableName = "nobody" })).ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(PlanError(Call(c => c.IsCached = new IsCached { TableName = "nobody" })).ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
    }

    [Test]
    public void Other_catalog_calls_are_unsupported_by_name()
    {
        var error = PlanError(Call(c => c.RecoverPartitions = new RecoverPartitions { TableName = "people" }));
        Assert.That(error.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(error.Message, Does.Contain("RecoverPartitions"));
    }

    [Test]
    public void Names_stay_values()
    {
        var hostile = "x') OR true; DROP TABLE people; --";
        Assert.That(Lines(Call(c => c.TableExists = new TableExists { TableName = $"`{hostile}`" })), Is.EqualTo(new[] { "false" }));
        Assert.That(Rows(Call(c => c.ListTables = new ListTables { Pattern = "x' OR 'a' = 'a" })), Is.Empty);
        Assert.That(PlanError(Call(c => c.ListTables = new ListTables { Pattern = hostile })).ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE"), "not a valid pattern");
        Assert.That(Lines(Call(c => c.TableExists = new TableExists { TableName = "people" })), Is.EqualTo(new[] { "true" }));
    }
}
