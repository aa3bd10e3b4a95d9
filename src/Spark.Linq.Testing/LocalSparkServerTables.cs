using Spark.Connect.Local;

namespace Spark.Linq.Testing;

/// <summary>
/// Shared tables on a local engine made with Spark.Linq's column mapping. The engine's own
/// <see cref="LocalSparkServer.CreateTable{T}"/> names columns as the properties are written (it knows nothing of
/// Spark.Linq), so a session with another naming policy would not find them; these go through such a session.
/// </summary>
public static class LocalSparkServerTables
{
    /// <summary>
    /// Creates (or replaces) table <paramref name="name"/>, visible to every session, with the columns a session using
    /// <paramref name="naming"/> reads (<c>[Column]</c>, <c>[NotMapped]</c>, the types of <c>CreateDataFrame</c>).
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
