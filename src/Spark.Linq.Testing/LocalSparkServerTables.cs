using Spark.Connect.Local;

namespace Spark.Linq.Testing;

/// <summary>
/// Shared tables on a local engine, made from objects with Spark.Linq's column mapping: the rows are written as
/// <c>CreateDataFrame</c> writes them and handed to the engine as Arrow data
/// (<see cref="LocalSparkServer.CreateTableFromArrow"/>), so a session using the same naming policy finds every column.
/// </summary>
public static class LocalSparkServerTables
{
    /// <summary>
    /// Creates (or replaces) table <paramref name="name"/>, visible to every session, with the columns a session using
    /// <paramref name="naming"/> (default <see cref="ColumnNamingPolicy.AsIs"/>) reads: <c>[Column]</c> names and type
    /// names, <c>[NotMapped]</c>, and the types of <c>CreateDataFrame</c>. A failure leaves the previous table.
    /// </summary>
    /// <exception cref="NotSupportedException">A member's type has no Spark column type (the message names it).</exception>
    /// <exception cref="ArgumentException">A row is null, or a value can't be stored exactly (the message says which).</exception>
    public static void CreateTable<T>(this LocalSparkServer server, string name, IEnumerable<T> rows, ColumnNamingPolicy? naming = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(rows);
        server.CreateTableFromArrow(name, ArrowRows.Write(rows, naming ?? ColumnNamingPolicy.AsIs));
    }

    /// <summary>
    /// Creates (or replaces) table <paramref name="name"/>, visible to every session, through a Spark session using
    /// <paramref name="naming"/> (<c>saveAsTable</c> of <c>CreateDataFrame</c>): the same columns as
    /// <see cref="CreateTable{T}"/>, with the engine's Spark errors.
    /// </summary>
    /// <exception cref="Spark.Connect.SparkException">The engine refused the table (e.g. a database other than <c>default</c>).</exception>
    public static async Task CreateTableAsync<T>(this LocalSparkServer server, string name, IEnumerable<T> rows, ColumnNamingPolicy naming,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(naming);
        await using var session = SparkSession.Connect(new SparkSessionOptions { ConnectionString = server.ConnectionString, NamingPolicy = naming });
        await session.SaveAsTableAsync(name, rows, cancellationToken).ConfigureAwait(false);
    }
}
