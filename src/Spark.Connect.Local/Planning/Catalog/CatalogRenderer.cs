using Spark.Connect.Local.Planning.Functions;
using Spark.Connect.Local.Planning.Sources;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;
using Kind = Spark.Connect.Protocol.Catalog.CatTypeOneofCase;

namespace Spark.Connect.Local.Planning.Catalog;

/// <summary>
/// Spark Connect's catalog relation (<c>spark.catalog.*</c>) as a query whose rows have the columns and types of
/// Spark's Catalog classes (Database, Table, Column, Function, CatalogMetadata; a single <c>value</c> column for
/// the scalar calls). Questions the planner must answer first (does the table exist) are looked up on the
/// session's connection; names reach SQL only as bound parameters. Cache and refresh calls are accepted no-ops:
/// DuckDB has no cache to manage.
/// </summary>
internal static class CatalogRenderer
{
    // The answer of the calls Spark answers with an empty relation (setters, cache management).
    private const string NoRows = "SELECT CAST(NULL AS BOOLEAN) AS \"value\" WHERE false";

    /// <summary>The catalog call as one query; its values are bound parameters of <paramref name="context"/>.</summary>
    internal static string Query(PlanningContext context, Spark.Connect.Protocol.Catalog catalog)
    {
        var query = catalog.CatTypeCase switch
        {
            Kind.CurrentDatabase => Value(context, new Literal { String = context.Session.CurrentDatabase ?? LocalCatalog.DatabaseName }, "VARCHAR"),
            Kind.SetCurrentDatabase => SetCurrentDatabase(context, catalog.SetCurrentDatabase.DbName),
            Kind.ListDatabases => ListDatabases(context, catalog.ListDatabases.Pattern),
            Kind.GetDatabase => LocalCatalog.IsDatabase(catalog.GetDatabase.DbName) ? DatabaseRow(context)
                : CreatedDatabases.Find(context.Session.Connection, catalog.GetDatabase.DbName) is { } created ? CreatedDatabaseRow(context, created)
                : throw LocalCatalog.SchemaNotFound(catalog.GetDatabase.DbName),
            Kind.DatabaseExists => Bool(context, LocalCatalog.IsDatabase(catalog.DatabaseExists.DbName) || CreatedDatabases.Find(context.Session.Connection, catalog.DatabaseExists.DbName) is not null),
            Kind.CurrentCatalog => Value(context, new Literal { String = LocalCatalog.CatalogName }, "VARCHAR"),
            Kind.SetCurrentCatalog => LocalCatalog.IsCatalog(catalog.SetCurrentCatalog.CatalogName) ? NoRows : throw CatalogNotFound(catalog.SetCurrentCatalog.CatalogName),
            Kind.ListCatalogs => CatalogRow(context) + (CatalogPattern.Matches(catalog.ListCatalogs.Pattern, LocalCatalog.CatalogName) ? "" : " WHERE false"),
            Kind.ListTables => CatalogTables.List(context, catalog.ListTables.HasDbName ? catalog.ListTables.DbName : null, catalog.ListTables.HasPattern ? catalog.ListTables.Pattern : null),
            Kind.GetTable => CatalogTables.Get(context, catalog.GetTable.TableName, catalog.GetTable.HasDbName ? catalog.GetTable.DbName : null),
            Kind.TableExists => Bool(context, CatalogTables.Exists(context, catalog.TableExists.TableName, catalog.TableExists.HasDbName ? catalog.TableExists.DbName : null)),
            Kind.ListColumns => CatalogTables.Columns(context, catalog.ListColumns.TableName, catalog.ListColumns.HasDbName ? catalog.ListColumns.DbName : null),
            Kind.FunctionExists => Bool(context, FunctionExists(catalog.FunctionExists.FunctionName, catalog.FunctionExists.HasDbName ? catalog.FunctionExists.DbName : null)),
            Kind.ListFunctions => ListFunctions(context, catalog.ListFunctions.HasDbName ? catalog.ListFunctions.DbName : null, catalog.ListFunctions.HasPattern ? catalog.ListFunctions.Pattern : null),
            // DuckDB keeps no cache: caching changes nothing but is remembered, so isCached answers as Spark would.
            Kind.IsCached => Bool(context, context.Session.CachedTables().ContainsKey(CatalogTables.Require(context, catalog.IsCached.TableName))),
            Kind.CacheTable => Cache(context, catalog.CacheTable.TableName, cached: true),
            Kind.UncacheTable => Cache(context, catalog.UncacheTable.TableName, cached: false),
            Kind.RefreshTable => Checked(context, catalog.RefreshTable.TableName, NoRows),
            Kind.ClearCache => ClearCache(context),
            Kind.RefreshByPath => NoRows,
            // Spark drops the view when the call is analyzed and answers whether there was one.
            Kind.DropTempView => Bool(context, context.Session.DropTemporaryView(catalog.DropTempView.ViewName, global: false)),
            Kind.DropGlobalTempView => Bool(context, context.Session.DropTemporaryView(catalog.DropGlobalTempView.ViewName, global: true)),
            _ => throw LocalEngineException.Unsupported($"the catalog call '{catalog.CatTypeCase}'",
                "Supported: databases, catalogs, tables, columns, functions and the cache calls; create tables with saveAsTable or SQL."),
        };
        return query;
    }

    /// <summary>One row, one column <c>value</c> holding a bound value.</summary>
    private static string Value(PlanningContext context, Literal value, string type) =>
        $"SELECT CAST({context.AddParameter(value)} AS {type}) AS \"value\"";

    /// <summary><paramref name="answer"/> once the table is known to exist (Spark fails these calls for a missing table).</summary>
    private static string Checked(PlanningContext context, string table, string answer)
    {
        CatalogTables.Require(context, table);
        return answer;
    }

    private static string Cache(PlanningContext context, string identifier, bool cached)
    {
        var table = CatalogTables.Require(context, identifier);
        if (cached)
            context.Session.CachedTables()[table] = true;
        else
            context.Session.CachedTables().TryRemove(table, out _);
        return NoRows;
    }

    private static string ClearCache(PlanningContext context)
    {
        context.Session.CachedTables().Clear();
        return NoRows;
    }

    private static string Bool(PlanningContext context, bool value) => Value(context, new Literal { Boolean = value }, "BOOLEAN");

    /// <summary>Spark's Database(name, catalog, description, locationUri) for <c>default</c>; the location is the DuckDB file (null in memory).</summary>
    private static string DatabaseRow(PlanningContext context) =>
        $"SELECT CAST({context.AddParameter(new Literal { String = LocalCatalog.DatabaseName })} AS VARCHAR) AS \"name\", " +
        $"CAST({context.AddParameter(new Literal { String = LocalCatalog.CatalogName })} AS VARCHAR) AS \"catalog\", " +
        $"CAST({context.AddParameter(new Literal { String = "default database" })} AS VARCHAR) AS \"description\", " +
        "(SELECT CAST(path AS VARCHAR) FROM duckdb_databases() WHERE database_name = current_database()) AS \"locationUri\"";

    /// <summary><c>default</c> and the databases created with SQL (CREATE DATABASE), by name, filtered by the pattern.</summary>
    private static string ListDatabases(PlanningContext context, string? pattern)
    {
        var rows = new List<string> { DatabaseRow(context) + (CatalogPattern.Matches(pattern, LocalCatalog.DatabaseName) ? "" : " WHERE false") };
        rows.AddRange(CreatedDatabases.Created(context.Session.Connection).Where(name => CatalogPattern.Matches(pattern, name)).Select(name => CreatedDatabaseRow(context, name)));
        return $"SELECT * FROM ({string.Join(" UNION ALL ", rows)}) AS databases ORDER BY \"name\"";
    }

    /// <summary>Spark's Database for a created database: no description, kept inside the DuckDB database (no location of its own).</summary>
    private static string CreatedDatabaseRow(PlanningContext context, string name) =>
        $"SELECT CAST({context.AddParameter(new Literal { String = name })} AS VARCHAR) AS \"name\", " +
        $"CAST({context.AddParameter(new Literal { String = LocalCatalog.CatalogName })} AS VARCHAR) AS \"catalog\", CAST(NULL AS VARCHAR) AS \"description\", CAST(NULL AS VARCHAR) AS \"locationUri\"";

    /// <summary>
    /// <c>setCurrentDatabase</c>, carried out when the relation is planned as Spark's planner does: <c>default</c> or a created
    /// database becomes the session's current one (as SQL's USE); another name is <c>SCHEMA_NOT_FOUND</c>.
    /// </summary>
    private static string SetCurrentDatabase(PlanningContext context, string name)
    {
        if (LocalCatalog.IsDatabase(name))
        {
            if (context.Session.CurrentDatabase is not null)
                context.Session.UseDatabase(null);
        }
        else
            context.Session.UseDatabase(CreatedDatabases.Find(context.Session.Connection, name) ?? throw LocalCatalog.SchemaNotFound(name));
        return NoRows;
    }

    /// <summary>Spark's CatalogMetadata(name, description).</summary>
    private static string CatalogRow(PlanningContext context) =>
        $"SELECT CAST({context.AddParameter(new Literal { String = LocalCatalog.CatalogName })} AS VARCHAR) AS \"name\", CAST(NULL AS VARCHAR) AS \"description\"";

    private static bool FunctionExists(string name, string? database) =>
        (database is null || LocalCatalog.IsDatabase(database)) && FunctionRegistry.Names.Contains(name);

    /// <summary>
    /// Spark's Function(name, catalog, namespace, description, className, isTemporary) for each built-in function
    /// the local engine runs: built-ins have no catalog or namespace and count as temporary, as in Spark; the
    /// engine has no description or JVM class to report, so those are null.
    /// </summary>
    private static string ListFunctions(PlanningContext context, string? database, string? pattern)
    {
        if (database is not null && !LocalCatalog.IsDatabase(database))
            throw LocalCatalog.SchemaNotFound(database);
        var names = FunctionRegistry.Names.Where(n => CatalogPattern.Matches(pattern, n)).Order(StringComparer.Ordinal).ToList();
        const string Columns = "AS functions(\"name\", \"catalog\", \"namespace\", \"description\", \"className\", \"isTemporary\")";
        if (names.Count == 0)
            return "SELECT * FROM (VALUES (CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR[]), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), true)) " + Columns + " WHERE false";
        var rows = names.Select(n =>
            $"(CAST({context.AddParameter(new Literal { String = n })} AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR[]), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), true)");
        return "SELECT * FROM (VALUES " + string.Join(", ", rows) + ") " + Columns;
    }

    private static LocalEngineException CatalogNotFound(string name) => new("CATALOG_NOT_FOUND", "42P08",
        $"The catalog `{name}` not found. The local engine has one catalog, `{LocalCatalog.CatalogName}`.",
        new Dictionary<string, string> { ["catalogName"] = $"`{name}`" });
}
