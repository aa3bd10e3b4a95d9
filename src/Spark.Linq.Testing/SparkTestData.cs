using Spark.Connect.Protocol;

namespace Spark.Linq.Testing;

/// <summary>
/// Loads rows into Spark through Spark.Linq's own mapping (<c>CreateDataFrame</c>: <c>[Column]</c>, the session's
/// naming policy, <c>[NotMapped]</c>, the same types), so the columns are exactly the ones the session's queries
/// name. Plain Spark Connect commands: they work on the local engine and on any Spark server.
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
        var view = new CreateDataFrameViewCommand { Input = spark.CreateDataFrame(rows).ToRelation(), Name = name, IsGlobal = false, Replace = true };
        await RunAsync(spark, new Command { CreateDataframeView = view }, cancellationToken).ConfigureAwait(false);
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
        var write = new WriteOperation
        {
            Input = spark.CreateDataFrame(rows).ToRelation(),
            Table = new WriteOperation.Types.SaveTable { TableName = name, SaveMethod = WriteOperation.Types.SaveTable.Types.TableSaveMethod.SaveAsTable },
            Mode = WriteOperation.Types.SaveMode.Overwrite,
        };
        await RunAsync(spark, new Command { WriteOperation = write }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The table name <c>spark.Table&lt;T&gt;()</c> reads: asked of Spark.Linq itself, so the two never disagree.</summary>
    internal static string TableNameOf<T>(SparkSession spark) => spark.Table<T>().ToRelation().Read.NamedTable.UnparsedIdentifier;

    private static async Task RunAsync(SparkSession spark, Command command, CancellationToken cancellationToken)
    {
        // A command answers with no rows; reading to the end is what waits for it to finish (and surfaces its error).
        await foreach (var _ in spark.Client.ExecutePlanAsync(new Plan { Command = command }, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
        }
    }
}
