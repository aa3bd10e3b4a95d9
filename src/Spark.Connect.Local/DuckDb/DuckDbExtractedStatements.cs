using System.Runtime.InteropServices;

namespace Spark.Connect.Local.DuckDb;

/// <summary>
/// A SQL text split into its statements by DuckDB's parser (<c>duckdb_extract_statements</c>); nothing is bound
/// or run. Each statement can then be prepared on its own, which tells its kind without running it.
/// </summary>
internal sealed class DuckDbExtractedStatements : IDisposable
{
    private readonly DuckDbConnection _connection;
    private readonly ExtractedStatementsHandle _handle;

    private DuckDbExtractedStatements(DuckDbConnection connection, ExtractedStatementsHandle handle, int count)
    {
        _connection = connection;
        _handle = handle;
        Count = count;
    }

    /// <summary>How many statements the text holds (0 for a text of only whitespace and comments).</summary>
    public int Count { get; }

    /// <summary>Splits <paramref name="sql"/>; a text DuckDB can't parse raises a <see cref="DuckDbException"/> with the parser's message.</summary>
    internal static DuckDbExtractedStatements Extract(DuckDbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ObjectDisposedException.ThrowIf(connection.Handle.IsClosed, connection);
        var handle = new ExtractedStatementsHandle();
        var count = NativeMethods.duckdb_extract_statements(connection.Handle, sql, out var extracted);
        // The extracted object must be destroyed even when nothing was extracted.
        if (extracted != 0)
            handle.Adopt(extracted, connection.Handle);
        if (count > 0)
            return new DuckDbExtractedStatements(connection, handle, checked((int)count));
        var error = handle.IsInvalid ? null : Marshal.PtrToStringUTF8(NativeMethods.duckdb_extract_statements_error(handle));
        if (error is null)
            return new DuckDbExtractedStatements(connection, handle, 0);
        handle.Dispose();
        throw new DuckDbException($"DuckDB could not parse the statement: {error}");
    }

    /// <summary>Prepares statement <paramref name="index"/> (binds it, never runs it); binder errors raise a <see cref="DuckDbException"/>.</summary>
    public DuckDbPreparedStatement Prepare(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return DuckDbPreparedStatement.PrepareExtracted(_connection, _handle, index);
    }

    public void Dispose() => _handle.Dispose();
}
