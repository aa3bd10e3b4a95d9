using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Catalog;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// A table a statement names, placed in the local catalog: Spark's <c>default</c> database is DuckDB's <c>main</c>
/// schema and every database made with CREATE DATABASE is a DuckDB schema of the same (lower-case) name, all in the
/// server's shared database. Names reach SQL only through <see cref="SqlIdentifiers.Quote"/>; lookups bind them as values.
/// </summary>
internal sealed record StatementTable(string Database, string Schema, string Name)
{
    /// <summary>The quoted name, qualified by DuckDB database and schema (a session's <c>temp</c> database has a <c>main</c> schema too).</summary>
    internal string Quoted(DuckDbConnection connection) =>
        SqlIdentifiers.Quote(CatalogLookup.CurrentDatabase(connection)) + "." + SqlIdentifiers.Quote(Schema) + "." + SqlIdentifiers.Quote(Name);

    /// <summary>Spark's display form, <c>`spark_catalog`.`db`.`t`</c>.</summary>
    internal string Display => $"`{LocalCatalog.CatalogName}`.{CreatedDatabases.Display(Database)}.`{Name.Replace("`", "``", StringComparison.Ordinal)}`";

    /// <summary>The name as the planner reads it (<c>Read.NamedTable</c>'s unparsed identifier).</summary>
    internal string Unparsed => $"`{Schema.Replace("`", "``", StringComparison.Ordinal)}`.`{Name.Replace("`", "``", StringComparison.Ordinal)}`";

    /// <summary>
    /// Places <paramref name="parts"/> (<c>t</c>, <c>db.t</c>, <c>spark_catalog.db.t</c>); a database that does not exist is
    /// <c>SCHEMA_NOT_FOUND</c>, another catalog <c>CATALOG_NOT_FOUND</c>. <paramref name="lowerCase"/> names a table being created, which
    /// Spark's catalog stores in lower case.
    /// </summary>
    internal static StatementTable Resolve(IPlanningSession session, IReadOnlyList<string> parts, bool lowerCase = false)
    {
        var connection = session.Connection;
        if (parts.Count == 3 && !LocalCatalog.IsCatalog(parts[0]))
            throw StatementCatalogErrors.CatalogNotFound(parts[0]);
        if (parts.Count > 3)
            throw LocalCatalog.SchemaNotFound(string.Join(".", parts.Take(parts.Count - 1)));
        var name = lowerCase ? parts[^1].ToLowerInvariant() : parts[^1];
        if (parts.Count == 1)
            // An unqualified name is in the session's current database (USE db), default unless changed.
            return session.CurrentDatabase is { } current ? new StatementTable(current, current, name) : new StatementTable(LocalCatalog.DatabaseName, "main", name);
        var database = parts[^2];
        if (LocalCatalog.IsDatabase(database))
            return new StatementTable(LocalCatalog.DatabaseName, "main", name);
        var schema = CreatedDatabases.Find(connection, database) ?? throw LocalCatalog.SchemaNotFound(database);
        return new StatementTable(schema, schema, name);
    }

    /// <summary>
    /// <c>MANAGED</c>, <c>EXTERNAL</c> or <c>VIEW</c> for the table or view of this name (case-insensitive, as DuckDB resolves
    /// names): a persistent view or external table of the catalog (<see cref="CatalogObjects"/>), or a DuckDB table or view; null when none.
    /// </summary>
    internal string? Kind(DuckDbConnection connection)
    {
        if (CatalogObjects.Of(connection).Find(Schema, Name) is { } entry)
            return entry.Kind;
        using var statement = connection.Prepare(
            "SELECT 'MANAGED' FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = $1 AND lower(table_name) = lower($2) " +
            "UNION ALL SELECT 'VIEW' FROM duckdb_views() WHERE database_name = current_database() AND schema_name = $1 AND NOT internal AND lower(view_name) = lower($2)");
        statement.Bind(1, Schema);
        statement.Bind(2, Name);
        using var result = statement.Execute();
        using var chunk = result.FetchChunk();
        return chunk is { RowCount: > 0 } ? chunk.GetVector(0).GetString(0) : null;
    }

    /// <summary>The catalog object (persistent view, external table) of this name, or null.</summary>
    internal CatalogObject? Entry(DuckDbConnection connection) => CatalogObjects.Of(connection).Find(Schema, Name);

    /// <summary>The tables and views of a schema, by name: (name, kind), DuckDB's and the catalog objects.</summary>
    internal static IReadOnlyList<(string Name, string Kind)> List(DuckDbConnection connection, string schema) =>
        DuckDbList(connection, schema).Concat(CatalogObjects.Of(connection).In(schema).Select(o => (o.Name, o.Kind)))
            .OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();

    private static List<(string Name, string Kind)> DuckDbList(DuckDbConnection connection, string schema)
    {
        using var statement = connection.Prepare(
            "SELECT table_name, 'MANAGED' FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = $1 " +
            "UNION ALL SELECT view_name, 'VIEW' FROM duckdb_views() WHERE database_name = current_database() AND schema_name = $1 AND NOT internal ORDER BY 1");
        statement.Bind(1, schema);
        using var result = statement.Execute();
        var rows = new List<(string, string)>();
        while (result.FetchChunk() is { } chunk)
        {
            using (chunk)
            {
                for (var row = 0; row < chunk.RowCount; row++)
                    rows.Add((chunk.GetVector(0).GetString(row), chunk.GetVector(1).GetString(row)));
            }
        }
        return rows;
    }
}
