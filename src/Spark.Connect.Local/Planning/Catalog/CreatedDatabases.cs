using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Planning.Catalog;

/// <summary>
/// The local catalog's databases: <c>default</c> (DuckDB's <c>main</c> schema) and every database a client created, each a
/// DuckDB schema of the server's shared database (so, like Spark's catalog databases, every session sees them).
/// </summary>
internal static class CreatedDatabases
{
    // Names DuckDB or Spark already give a meaning: a schema with one of these names would shadow or confuse that meaning.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "main", "temp", "system", "memory", "information_schema", "pg_catalog", "global_temp", LocalCatalog.CatalogName,
    };

    /// <summary>Whether a client may create a database of this name (not a DuckDB or Spark system name, not the DuckDB database's own).</summary>
    internal static bool IsReserved(DuckDbConnection connection, string name) =>
        Reserved.Contains(name) || string.Equals(name, CatalogLookup.CurrentDatabase(connection), StringComparison.OrdinalIgnoreCase);

    /// <summary>The schema a created database is kept in (its stored spelling), or null when there is no such database.</summary>
    internal static string? Find(DuckDbConnection connection, string name)
    {
        if (Reserved.Contains(name))
            return null;
        return Created(connection).FirstOrDefault(d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The databases clients created, sorted (not <c>default</c>).</summary>
    internal static IReadOnlyList<string> Created(DuckDbConnection connection)
    {
        using var result = connection.Query(
            "SELECT schema_name FROM duckdb_schemas() WHERE database_name = current_database() AND NOT internal " +
            "AND schema_name NOT IN ('main', 'information_schema', 'pg_catalog') ORDER BY schema_name");
        var names = new List<string>();
        while (result.FetchChunk() is { } chunk)
        {
            using (chunk)
            {
                for (var row = 0; row < chunk.RowCount; row++)
                    names.Add(chunk.GetVector(0).GetString(row));
            }
        }
        return names.Where(n => !Reserved.Contains(n)).ToList();
    }

    /// <summary>Spark's display form of a database, <c>`db`</c>.</summary>
    internal static string Display(string database) => $"`{database.Replace("`", "``", StringComparison.Ordinal)}`";
}
