using Spark.Connect.Local.Planning.Sources;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Catalog;

/// <summary>
/// The table calls of the catalog relation: listTables, getTable, tableExists, listColumns. Rows have the
/// columns of Spark's Table (name, catalog, namespace, description, tableType, isTemporary) and Column (name,
/// description, dataType, nullable, isPartition, isBucket, isCluster).
/// </summary>
internal static class CatalogTables
{
    private const string TableColumns = "\"name\", \"catalog\", \"namespace\", \"description\", \"tableType\", \"isTemporary\"";

    /// <summary>Shared tables and views of <c>default</c>, sorted by name, then the session's temporary views.</summary>
    internal static string List(PlanningContext context, string? database, string? pattern)
    {
        if (database is not null && !LocalCatalog.IsDatabase(database))
            throw LocalCatalog.SchemaNotFound(database);
        CatalogPattern.Matches(pattern, ""); // rejects a malformed pattern with Spark's class before DuckDB sees it
        var alternatives = CatalogPattern.Alternatives(pattern);
        var filter = alternatives.Count == 0 ? "" : " WHERE " + string.Join(" OR ",
            alternatives.Select(a => $"regexp_full_match(name, CAST({context.AddParameter(new Literal { String = a })} AS VARCHAR), 'i')"));
        var shared = SharedRows(context) + filter + string.Concat(CatalogObjects.Of(context.Session.Connection).In("main")
            .Where(o => CatalogPattern.Matches(pattern, o.Name)).Select(o => " UNION ALL " + ObjectRow(context, o)));
        var temporary = TemporaryViewRows(context, pattern);
        return $"SELECT {TableColumns} FROM ({shared}{temporary}) AS tables ORDER BY \"isTemporary\", \"name\"";
    }

    /// <summary>
    /// The session's temporary views whose names match the pattern, one <c>UNION ALL</c> row each (Spark: catalog
    /// and description null, namespace empty, tableType TEMPORARY, isTemporary true); names are bound parameters.
    /// </summary>
    private static string TemporaryViewRows(PlanningContext context, string? pattern)
    {
        var rows = context.Session.TemporaryViewNames().Where(name => CatalogPattern.Matches(pattern, name)).Select(name =>
            $" UNION ALL SELECT CAST({context.AddParameter(new Literal { String = name })} AS VARCHAR), CAST(NULL AS VARCHAR), " +
            "CAST([] AS VARCHAR[]), CAST(NULL AS VARCHAR), 'TEMPORARY', true");
        return string.Concat(rows);
    }

    /// <summary>Spark's Table for one shared table or view; TABLE_OR_VIEW_NOT_FOUND when there is none.</summary>
    internal static string Get(PlanningContext context, string identifier, string? database)
    {
        if (Entry(context, identifier, database) is { } entry)
            return ObjectRow(context, entry);
        var table = Require(context, identifier, database);
        return $"{SharedRows(context)} WHERE lower(name) = lower(CAST({context.AddParameter(new Literal { String = table })} AS VARCHAR))";
    }

    internal static bool Exists(PlanningContext context, string identifier, string? database) =>
        Entry(context, identifier, database) is not null
        || (LocalCatalog.TableName(identifier, database) is { } table && CatalogLookup.SharedRelationType(context.Session.Connection, table) is not null);

    /// <summary>The persistent view or external table of <c>default</c> the identifier names, or null.</summary>
    private static CatalogObject? Entry(PlanningContext context, string identifier, string? database) =>
        LocalCatalog.TableName(identifier, database) is { } table ? CatalogObjects.Of(context.Session.Connection).Find("main", table) : null;

    /// <summary>Spark's Table row of a persistent view (VIEW) or external table (EXTERNAL), its values bound.</summary>
    private static string ObjectRow(PlanningContext context, CatalogObject entry) =>
        $"SELECT CAST({context.AddParameter(new Literal { String = entry.Name })} AS VARCHAR) AS \"name\", " +
        $"CAST({context.AddParameter(new Literal { String = LocalCatalog.CatalogName })} AS VARCHAR) AS \"catalog\", " +
        $"[CAST({context.AddParameter(new Literal { String = LocalCatalog.DatabaseName })} AS VARCHAR)] AS \"namespace\", " +
        $"CAST(NULL AS VARCHAR) AS \"description\", CAST({context.AddParameter(new Literal { String = entry.Kind })} AS VARCHAR) AS \"tableType\", false AS \"isTemporary\"";

    /// <summary>The bare name of an existing shared table or view; TABLE_OR_VIEW_NOT_FOUND otherwise.</summary>
    internal static string Require(PlanningContext context, string identifier, string? database = null)
    {
        var table = LocalCatalog.TableName(identifier, database);
        return table is not null && CatalogLookup.SharedRelationType(context.Session.Connection, table) is not null
            ? table
            : throw LocalCatalog.TableNotFound(database is null ? identifier : database + "." + identifier);
    }

    /// <summary>
    /// Spark's Column rows: the type as Spark names it, nullability from DuckDB's catalog; local tables have no
    /// partition, bucket or clustering columns.
    /// </summary>
    internal static string Columns(PlanningContext context, string identifier, string? database)
    {
        if (Entry(context, identifier, database) is { } entry)
            return ColumnRows(context, CatalogObjectColumns.Of(context, entry));
        var table = Require(context, identifier, database);
        var connection = context.Session.Connection;
        var columns = CatalogLookup.Describe(connection, "SELECT * FROM " + LocalCatalog.QuotedTable(connection, table));
        var nullable = CatalogLookup.Nullability(connection, table);
        return ColumnRows(context, columns.Select((c, i) => (c.Name, SparkTypeStrings.Of(c.Type), i >= nullable.Count || nullable[i])));
    }

    /// <summary>Spark's Column rows for columns given by name, Spark type name and nullability, every value bound.</summary>
    private static string ColumnRows(PlanningContext context, IEnumerable<(string Name, string Type, bool Nullable)> columns)
    {
        var rows = columns.Select(c =>
            $"(CAST({context.AddParameter(new Literal { String = c.Name })} AS VARCHAR), CAST(NULL AS VARCHAR), " +
            $"CAST({context.AddParameter(new Literal { String = c.Type })} AS VARCHAR), " +
            $"{(c.Nullable ? "true" : "false")}, false, false, false)");
        return "SELECT * FROM (VALUES " + string.Join(", ", rows) +
            ") AS columns(\"name\", \"description\", \"dataType\", \"nullable\", \"isPartition\", \"isBucket\", \"isCluster\")";
    }

    /// <summary>The main schema's tables and views as Spark Table rows (catalog spark_catalog, namespace [default]).</summary>
    private static string SharedRows(PlanningContext context) =>
        $"SELECT name AS \"name\", CAST({context.AddParameter(new Literal { String = LocalCatalog.CatalogName })} AS VARCHAR) AS \"catalog\", " +
        $"[CAST({context.AddParameter(new Literal { String = LocalCatalog.DatabaseName })} AS VARCHAR)] AS \"namespace\", " +
        "CAST(NULL AS VARCHAR) AS \"description\", table_type AS \"tableType\", false AS \"isTemporary\" " +
        $"FROM ({LocalCatalog.SharedRelationsSql}) AS shared";
}
