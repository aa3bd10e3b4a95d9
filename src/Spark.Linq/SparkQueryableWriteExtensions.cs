using Spark.Connect;
using Spark.Linq.Writes;

namespace Spark.Linq;

/// <summary>
/// Writes a query's rows on the server, as PySpark's <c>df.write</c> does: into a table (<c>saveAsTable</c>,
/// <c>insertInto</c>), into files (<c>parquet</c>, <c>csv</c>, <c>json</c>), or as a temporary view. The query runs on
/// Spark and nothing comes back to the client; the returned task completes when the write has finished.
/// </summary>
/// <remarks>
/// The query is translated as for reading (the same naming policy and plan cache); a query whose final Select runs
/// partly on the client is refused with an <see cref="ArgumentException"/>, as are empty names and partition members
/// that are not columns of the query. A write the server refuses (the target exists with
/// <see cref="SparkWriteMode.ErrorIfExists"/>, an unknown table, a path it may not write) throws a
/// <see cref="SparkException"/> whose <see cref="SparkException.ErrorClass"/> is Spark's, e.g.
/// <c>TABLE_OR_VIEW_ALREADY_EXISTS</c>, <c>PATH_ALREADY_EXISTS</c>, <c>TABLE_OR_VIEW_NOT_FOUND</c>. Cancelling interrupts the
/// operation on the server.
/// </remarks>
public static class SparkQueryableWriteExtensions
{
    /// <summary>
    /// Saves the rows as the table <paramref name="tableName"/> (a possibly qualified name, e.g. <c>sales.orders</c>):
    /// <c>df.write.mode(mode).saveAsTable(name)</c>. Append matches the query's columns to the table's by name.
    /// </summary>
    public static Task WriteToTableAsync<T>(this ISparkQueryable<T> source, string tableName, SparkWriteMode mode = SparkWriteMode.ErrorIfExists,
        CancellationToken cancellationToken = default) =>
        WriteToTableAsync(source, tableName, new SparkWriteOptions<T> { Mode = mode }, cancellationToken);

    /// <summary>Saves the rows as the table <paramref name="tableName"/> with a mode, partition columns and data source options.</summary>
    public static Task WriteToTableAsync<T>(this ISparkQueryable<T> source, string tableName, SparkWriteOptions<T> options,
        CancellationToken cancellationToken = default) =>
        RunAsync(WriteRequests.ToTable(source, tableName, options), cancellationToken);

    /// <summary>
    /// Inserts the rows into the existing table <paramref name="tableName"/>, matching columns by position:
    /// <c>df.write.insertInto(name, overwrite)</c>. With <paramref name="overwrite"/> the table's rows are replaced.
    /// </summary>
    public static Task InsertIntoAsync<T>(this ISparkQueryable<T> source, string tableName, bool overwrite = false,
        CancellationToken cancellationToken = default) =>
        RunAsync(WriteRequests.InsertInto(source, tableName, overwrite), cancellationToken);

    /// <summary>Writes the rows as parquet files into the directory <paramref name="path"/>: <c>df.write.mode(mode).parquet(path)</c>.</summary>
    public static Task WriteParquetAsync<T>(this ISparkQueryable<T> source, string path, SparkWriteMode mode = SparkWriteMode.ErrorIfExists,
        CancellationToken cancellationToken = default) =>
        WriteParquetAsync(source, path, new SparkWriteOptions<T> { Mode = mode }, cancellationToken);

    /// <summary>Writes the rows as parquet files, with partition directories and options (e.g. <c>compression</c>).</summary>
    public static Task WriteParquetAsync<T>(this ISparkQueryable<T> source, string path, SparkWriteOptions<T> options,
        CancellationToken cancellationToken = default) =>
        RunAsync(WriteRequests.ToFiles(source, "parquet", path, options), cancellationToken);

    /// <summary>Writes the rows as csv files into the directory <paramref name="path"/>: <c>df.write.mode(mode).csv(path)</c> (no header unless the option <c>header</c> is <c>true</c>).</summary>
    public static Task WriteCsvAsync<T>(this ISparkQueryable<T> source, string path, SparkWriteMode mode = SparkWriteMode.ErrorIfExists,
        CancellationToken cancellationToken = default) =>
        WriteCsvAsync(source, path, new SparkWriteOptions<T> { Mode = mode }, cancellationToken);

    /// <summary>Writes the rows as csv files, with partition directories and options (e.g. <c>header</c>, <c>sep</c>).</summary>
    public static Task WriteCsvAsync<T>(this ISparkQueryable<T> source, string path, SparkWriteOptions<T> options,
        CancellationToken cancellationToken = default) =>
        RunAsync(WriteRequests.ToFiles(source, "csv", path, options), cancellationToken);

    /// <summary>Writes the rows as JSON lines files into the directory <paramref name="path"/>: <c>df.write.mode(mode).json(path)</c>.</summary>
    public static Task WriteJsonAsync<T>(this ISparkQueryable<T> source, string path, SparkWriteMode mode = SparkWriteMode.ErrorIfExists,
        CancellationToken cancellationToken = default) =>
        WriteJsonAsync(source, path, new SparkWriteOptions<T> { Mode = mode }, cancellationToken);

    /// <summary>Writes the rows as JSON lines files, with partition directories and options.</summary>
    public static Task WriteJsonAsync<T>(this ISparkQueryable<T> source, string path, SparkWriteOptions<T> options,
        CancellationToken cancellationToken = default) =>
        RunAsync(WriteRequests.ToFiles(source, "json", path, options), cancellationToken);

    /// <summary>
    /// Names the query as the session's temporary view <paramref name="viewName"/>, replacing a view of that name:
    /// <c>df.createOrReplaceTempView(name)</c>. The view is the query itself (evaluated when read), visible to this
    /// session only; read it with <c>spark.Table&lt;T&gt;(name)</c> or from SQL.
    /// </summary>
    public static Task CreateOrReplaceTempViewAsync<T>(this ISparkQueryable<T> source, string viewName, CancellationToken cancellationToken = default) =>
        RunAsync(WriteRequests.TempView(source, viewName, replace: true), cancellationToken);

    /// <summary>
    /// As <see cref="CreateOrReplaceTempViewAsync{T}"/>, but fails when the view exists
    /// (<see cref="SparkException"/> with <c>TEMP_TABLE_OR_VIEW_ALREADY_EXISTS</c>): <c>df.createTempView(name)</c>.
    /// </summary>
    public static Task CreateTempViewAsync<T>(this ISparkQueryable<T> source, string viewName, CancellationToken cancellationToken = default) =>
        RunAsync(WriteRequests.TempView(source, viewName, replace: false), cancellationToken);

    private static Task RunAsync((WriteInput Input, Spark.Connect.Protocol.Command Command) request, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(request.Input.Session, request.Command, request.Input.Relation, cancellationToken);
}
