using System.Runtime.InteropServices;

namespace Spark.Connect.Local.DuckDb;

/// <summary>
/// A streaming query result: the schema up front, then data chunks (up to 2048 rows each) one at a time
/// through <c>duckdb_fetch_chunk</c>. A connection streams one result at a time: running another
/// statement on the same connection closes this one.
/// </summary>
internal sealed unsafe class DuckDbResult : IDisposable
{
    private readonly ResultHandle _handle;
    private bool _finished;

    internal DuckDbResult(ResultHandle handle)
    {
        _handle = handle;
        var count = (int)NativeMethods.duckdb_column_count(handle.Pointer);
        var names = new string[count];
        var types = new DuckDbLogicalType[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = Marshal.PtrToStringUTF8(NativeMethods.duckdb_column_name(handle.Pointer, (ulong)i)) ?? "";
            types[i] = DuckDbLogicalType.FromNative(NativeMethods.duckdb_column_logical_type(handle.Pointer, (ulong)i));
        }
        ColumnNames = names;
        ColumnTypes = types;
    }

    public int ColumnCount => ColumnNames.Count;

    public IReadOnlyList<string> ColumnNames { get; }

    public IReadOnlyList<DuckDbLogicalType> ColumnTypes { get; }

    /// <summary>
    /// The next chunk, or null once the result is exhausted. Each chunk must be disposed by the caller.
    /// A failure while producing rows (including an interrupt) throws <see cref="DuckDbException"/>.
    /// </summary>
    public DuckDbDataChunk? FetchChunk()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (_finished)
            return null;
        var added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            var chunk = NativeMethods.duckdb_fetch_chunk(*_handle.Pointer);
            if (chunk == 0)
            {
                _finished = true;
                var error = NativeMethods.duckdb_result_error(_handle.Pointer);
                if (error != 0)
                    throw new DuckDbException($"DuckDB failed while producing rows: {Marshal.PtrToStringUTF8(error)}");
                return null;
            }
            var owned = new DataChunkHandle();
            owned.Adopt(chunk, parent: null);
            DuckDbDataChunk wrapped;
            try
            {
                wrapped = new DuckDbDataChunk(owned, ColumnTypes);
            }
            catch
            {
                owned.Dispose();
                throw;
            }
            if (wrapped.RowCount > 0)
                return wrapped;
            // An empty chunk marks the end of the stream.
            wrapped.Dispose();
            _finished = true;
            return null;
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    public void Dispose() => _handle.Dispose();
}
