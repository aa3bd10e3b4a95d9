namespace Spark.Linq.Testing;

/// <summary>
/// Loads rows into Spark through Spark.Linq's own mapping (<c>CreateDataFrame</c>: <c>[Column]</c>, the session's
/// naming policy, <c>[NotMapped]</c>, the same types), so the columns are exactly the ones the session's queries
/// name. They are Spark.Linq's own writes (<c>CreateOrReplaceTempViewAsync</c>, <c>WriteToTableAsync</c>):
/// plain Spark Connect commands that work on the local engine and on any Spark server.
/// </summary>
public static class SparkTestData
{
    /// <summary>
    /// Creates (or replaces) temporary view <paramref name="name"/> of this session over <paramref name="rows"/>
    /// (Spark's <c>createOrReplaceTempView</c>). No other session sees it; it ends with the session.
    /// </summary>
    /// <exception cref="ArgumentException">The name has more than one part: Spark's temporary views have one-part names.</exception>
    /// <exception cref="Spark.Connect.SparkException">The server refused the view.</exception>
    public static async Task CreateTempViewAsync<T>(this SparkSession spark, string name, IEnumerable<T> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spark);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(rows);
        if (name.Contains('.', StringComparison.Ordinal) && !name.StartsWith('`'))
            throw new ArgumentException(
                $"'{name}' names a database; a session's temporary tables have one-part names. Load the rows as e.g. '{name[(name.LastIndexOf('.') + 1)..]}' " +
                "and read them with spark.Table<T>(\"that name\"), or save a shared table with SaveAsTableAsync.", nameof(name));
        await spark.CreateDataFrame(rows).CreateOrReplaceTempViewAsync(name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates (or replaces) table <paramref name="name"/> from <paramref name="rows"/> (Spark's <c>saveAsTable</c> with mode
    /// overwrite). A table is shared: every session of the server sees and may change it, so tests running in parallel
    /// must not write the same table; prefer <see cref="CreateTempViewAsync"/>.
    /// </summary>
    /// <exception cref="Spark.Connect.SparkException">The server refused the write (e.g. an unknown database).</exception>
    public static async Task SaveAsTableAsync<T>(this SparkSession spark, string name, IEnumerable<T> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spark);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(rows);
        await spark.CreateDataFrame(rows).WriteToTableAsync(name, SparkWriteMode.Overwrite, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The table name <c>spark.Table&lt;T&gt;()</c> reads: asked of Spark.Linq itself, so the two never disagree.</summary>
    internal static string TableNameOf<T>(SparkSession spark) => spark.Table<T>().ToRelation().Read.NamedTable.UnparsedIdentifier;
}
