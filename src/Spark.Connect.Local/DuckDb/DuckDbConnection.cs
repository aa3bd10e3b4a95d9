using System.Runtime.InteropServices;

namespace Spark.Connect.Local.DuckDb;

/// <summary>
/// One DuckDB connection. A connection runs one statement at a time; <see cref="Interrupt"/> may be
/// called from any thread to stop the running one.
/// </summary>
internal sealed unsafe class DuckDbConnection : IDisposable
{
    private DuckDbConnection(ConnectionHandle handle, DuckDbDatabase database)
    {
        Handle = handle;
        Database = database;
    }

    internal ConnectionHandle Handle { get; }

    /// <summary>The database this connection belongs to.</summary>
    public DuckDbDatabase Database { get; }

    internal static DuckDbConnection Open(DuckDbDatabase database)
    {
        ObjectDisposedException.ThrowIf(database.Handle.IsClosed, database);
        var handle = new ConnectionHandle();
        if (NativeMethods.duckdb_connect(database.Handle, out var connection) != DuckDbState.Success || connection == 0)
        {
            handle.Dispose();
            throw new DuckDbException("Could not connect to the DuckDB database.");
        }
        handle.Adopt(connection, database.Handle);
        return new DuckDbConnection(handle, database);
    }

    /// <summary>Runs SQL that returns no rows of interest (DDL, SET, INSERT literal rows); returns rows changed.</summary>
    public long ExecuteNonQuery(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        using var result = ResultHandle.Allocate(Handle);
        if (NativeMethods.duckdb_query(Handle, sql, result.Pointer) != DuckDbState.Success)
            throw new DuckDbException($"DuckDB could not execute the statement: {ResultError(result.Pointer)}");
        return (long)NativeMethods.duckdb_rows_changed(result.Pointer);
    }

    /// <summary>Prepares one statement; <c>?</c> or <c>$1</c> placeholders are bound by 1-based index.</summary>
    public DuckDbPreparedStatement Prepare(string sql) => DuckDbPreparedStatement.Prepare(this, sql);

    /// <summary>Splits <paramref name="sql"/> into its statements with DuckDB's parser, running nothing.</summary>
    public DuckDbExtractedStatements ExtractStatements(string sql) => DuckDbExtractedStatements.Extract(this, sql);

    /// <summary>Prepares, executes without parameters and returns the streaming result.</summary>
    public DuckDbResult Query(string sql)
    {
        using var statement = Prepare(sql);
        return statement.Execute();
    }

    /// <summary>Creates an appender for bulk loading rows into <paramref name="table"/>.</summary>
    public DuckDbAppender CreateAppender(string table, string? schema = null) => DuckDbAppender.Create(this, schema, table);

    /// <summary>Asks DuckDB to stop the statement currently running on this connection (thread-safe).</summary>
    public void Interrupt()
    {
        if (!Handle.IsClosed)
            NativeMethods.duckdb_interrupt(Handle);
    }

    public void Dispose() => Handle.Dispose();

    internal static string ResultError(NativeResult* result) =>
        Marshal.PtrToStringUTF8(NativeMethods.duckdb_result_error(result)) ?? "unknown error";
}
