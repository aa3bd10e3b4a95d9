using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Planning.Catalog;

/// <summary>
/// Questions about the shared tables that must be answered before a statement is written (does the table exist,
/// is it a view, which columns may hold nulls). Each runs one small query on the caller's connection with the
/// table name bound as a parameter.
/// </summary>
internal static class CatalogLookup
{
    /// <summary><c>MANAGED</c> or <c>VIEW</c> for a table or view of the main schema (names compare case-insensitively, as DuckDB resolves them), or null.</summary>
    internal static string? SharedRelationType(DuckDbConnection connection, string table)
    {
        using var statement = connection.Prepare(
            $"SELECT table_type FROM ({LocalCatalog.SharedRelationsSql}) AS shared WHERE lower(name) = lower($1) LIMIT 1");
        statement.Bind(1, table);
        using var result = statement.Execute();
        using var chunk = result.FetchChunk();
        return chunk is { RowCount: > 0 } ? chunk.GetVector(0).GetString(0) : null;
    }

    /// <summary>The name of the database the connection works in (<c>memory</c>, or the file's name).</summary>
    internal static string CurrentDatabase(DuckDbConnection connection)
    {
        using var result = connection.Query("SELECT current_database()");
        using var chunk = result.FetchChunk();
        return chunk!.GetVector(0).GetString(0);
    }

    /// <summary>Whether each column of a main-schema table or view may hold nulls, in column order.</summary>
    internal static IReadOnlyList<bool> Nullability(DuckDbConnection connection, string table)
    {
        using var statement = connection.Prepare(
            "SELECT is_nullable FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' " +
            "AND lower(table_name) = lower($1) ORDER BY column_index");
        statement.Bind(1, table);
        using var result = statement.Execute();
        var nullable = new List<bool>();
        while (result.FetchChunk() is { } chunk)
        {
            using (chunk)
            {
                for (var row = 0; row < chunk.RowCount; row++)
                    nullable.Add(!chunk.GetVector(0).IsValid(row) || chunk.GetVector(0).GetBoolean(row));
            }
        }
        return nullable;
    }

    /// <summary>The columns of a query or table as DuckDB binds them (prepared, never run).</summary>
    internal static IReadOnlyList<(string Name, DuckDbLogicalType Type)> Describe(DuckDbConnection connection, string query)
    {
        using var statement = connection.Prepare(query);
        return [.. statement.DescribeColumns().Select(c => (SqlIdentifiers.FromDuckDb(c.Name), c.Type))];
    }
}
