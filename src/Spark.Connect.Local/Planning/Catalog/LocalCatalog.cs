using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Planning.Catalog;

/// <summary>
/// How Spark's catalog maps onto DuckDB: one catalog (<c>spark_catalog</c>) with one database, Spark's
/// <c>default</c>, which is DuckDB's <c>main</c> schema of the current database. Tables and views there are
/// shared by every session (the session's own temporary tables live in DuckDB's <c>temp</c> database and are
/// never listed). Used by the catalog relations and by the write commands, so both agree on names and errors.
/// </summary>
internal static class LocalCatalog
{
    internal const string CatalogName = "spark_catalog";
    internal const string DatabaseName = "default";

    /// <summary>
    /// The main schema's tables and views as rows (<c>name</c>, <c>table_type</c>): Spark calls a managed table
    /// <c>MANAGED</c> and a persistent view <c>VIEW</c>. Fixed SQL text, no values.
    /// </summary>
    internal const string SharedRelationsSql =
        "SELECT table_name AS name, 'MANAGED' AS table_type FROM duckdb_tables() " +
        "WHERE database_name = current_database() AND schema_name = 'main' " +
        "UNION ALL SELECT view_name, 'VIEW' FROM duckdb_views() " +
        "WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal";

    /// <summary>True for Spark's <c>default</c> database or DuckDB's <c>main</c> (case-insensitive).</summary>
    internal static bool IsDatabase(string name) =>
        string.Equals(name, DatabaseName, StringComparison.OrdinalIgnoreCase) || string.Equals(name, "main", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the one catalog, <c>spark_catalog</c>.</summary>
    internal static bool IsCatalog(string name) => string.Equals(name, CatalogName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The bare table name a Spark identifier (<c>t</c>, <c>db.t</c>, <c>spark_catalog.db.t</c>, or <c>t</c> with
    /// <paramref name="database"/>) names, or null when it names another database or catalog (which has no tables).
    /// </summary>
    internal static string? TableName(string identifier, string? database = null)
    {
        var parts = MultipartIdentifier.Parse(identifier);
        if (!string.IsNullOrEmpty(database))
            return parts.Count == 1 && IsDatabase(database) ? parts[0] : null;
        return parts.Count switch
        {
            1 => parts[0],
            2 when IsDatabase(parts[0]) => parts[1],
            3 when IsCatalog(parts[0]) && IsDatabase(parts[1]) => parts[2],
            _ => null,
        };
    }

    /// <summary>
    /// A table identifier's parts as DuckDB names them: Spark's <c>default</c> database is DuckDB's <c>main</c>
    /// schema, and <c>spark_catalog.default.t</c> is <c>main.t</c>. Other names pass through unchanged.
    /// </summary>
    internal static IReadOnlyList<string> ToDuckDbParts(IReadOnlyList<string> parts) => parts.Count switch
    {
        2 when IsDatabase(parts[0]) => ["main", parts[1]],
        3 when IsCatalog(parts[0]) && IsDatabase(parts[1]) => ["main", parts[2]],
        _ => parts,
    };

    /// <summary>
    /// The quoted DuckDB name of a shared table, qualified by database and schema: DuckDB's <c>temp</c> database
    /// also has a <c>main</c> schema, so <c>main.t</c> alone would find a session's temporary table first.
    /// </summary>
    internal static string QuotedTable(DuckDb.DuckDbConnection connection, string table) =>
        SqlIdentifiers.Quote(CatalogLookup.CurrentDatabase(connection)) + ".\"main\"." + SqlIdentifiers.Quote(table);

    /// <summary>Spark's display form of a table name: <c>`spark_catalog`.`default`.`t`</c>.</summary>
    internal static string DisplayName(string table) => $"`{CatalogName}`.`{DatabaseName}`.`{table.Replace("`", "``", StringComparison.Ordinal)}`";

    internal static LocalEngineException SchemaNotFound(string name) => new("SCHEMA_NOT_FOUND", "42704",
        $"The schema `{name}` cannot be found. The local engine has one database, `{DatabaseName}` (DuckDB's main schema).",
        new Dictionary<string, string> { ["schemaName"] = $"`{name}`" });

    internal static LocalEngineException TableNotFound(string name) => new("TABLE_OR_VIEW_NOT_FOUND", "42P01",
        $"The table or view `{name}` cannot be found. Verify the spelling, or create it first (saveAsTable, CreateTable).",
        new Dictionary<string, string> { ["relationName"] = $"`{name}`" });

    /// <summary>A table write's target exists; <paramref name="displayName"/> is Spark's display form (<c>`spark_catalog`.`db`.`t`</c>).</summary>
    internal static LocalEngineException TableAlreadyExists(string displayName) => new("TABLE_OR_VIEW_ALREADY_EXISTS", "42P07",
        $"Cannot create table or view {displayName} because it already exists. Choose a different name, drop the existing one, or write with mode overwrite or append.",
        new Dictionary<string, string> { ["relationName"] = displayName });
}
