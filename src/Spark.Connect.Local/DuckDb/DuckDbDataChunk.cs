namespace Spark.Connect.Local.DuckDb;

/// <summary>
/// One chunk of a result. The vectors it hands out read the chunk's native memory and are valid only
/// until the chunk is disposed; any read after that throws <see cref="ObjectDisposedException"/>.
/// </summary>
internal sealed class DuckDbDataChunk : IDisposable
{
    private readonly IReadOnlyList<DuckDbLogicalType> _types;

    internal DuckDbDataChunk(DataChunkHandle handle, IReadOnlyList<DuckDbLogicalType> types)
    {
        Handle = handle;
        _types = types;
        RowCount = checked((int)NativeMethods.duckdb_data_chunk_get_size(handle));
        var columns = (int)NativeMethods.duckdb_data_chunk_get_column_count(handle);
        if (columns != types.Count)
            throw new DuckDbException($"DuckDB returned a chunk with {columns} columns for a result with {types.Count}.");
    }

    internal DataChunkHandle Handle { get; }

    public int RowCount { get; }

    public int ColumnCount => _types.Count;

    /// <summary>The vector of column <paramref name="column"/> (0-based).</summary>
    public DuckDbVector GetVector(int column)
    {
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, ColumnCount);
        var vector = NativeMethods.duckdb_data_chunk_get_vector(Handle, (ulong)column);
        return new DuckDbVector(this, vector, _types[column], RowCount);
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Handle.IsClosed, this);

    public void Dispose() => Handle.Dispose();
}
