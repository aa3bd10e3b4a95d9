namespace Spark.Linq.Testing;

/// <summary>
/// Rows as the Arrow IPC stream <c>CreateDataFrame</c> sends: Spark.Linq's own column mapping (<c>[Column]</c> names and
/// type names, <c>[NotMapped]</c>, the naming policy, enums, decimals, nested members), so a table the engine makes from
/// it has exactly the columns a session with that policy reads. There is no second mapping to drift from the first.
/// </summary>
internal static class ArrowRows
{
    /// <exception cref="NotSupportedException">A member's type has no Spark column type.</exception>
    /// <exception cref="ArgumentException">A row is null or a value can't be stored exactly.</exception>
    internal static ReadOnlyMemory<byte> Write<T>(IEnumerable<T> rows, ColumnNamingPolicy naming)
    {
        // Building a DataFrame contacts no server: the session only lends its options to the translation, and
        // disposing a session that never spoke to its server does no I/O either.
        var session = SparkSession.Connect(new SparkSessionOptions { ConnectionString = "sc://localhost", NamingPolicy = naming });
        try
        {
            return session.CreateDataFrame(rows).ToRelation().LocalRelation.Data.Memory;
        }
        finally
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
