using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace Spark.Connect.Local.DuckDb;

/// <summary>
/// Bulk loads rows into a table: append one value per column in order, then <see cref="EndRow"/>.
/// <see cref="Flush"/> (or disposing) writes buffered rows; a constraint failure surfaces there.
/// </summary>
internal sealed unsafe class DuckDbAppender : IDisposable
{
    private readonly AppenderHandle _handle;

    private DuckDbAppender(AppenderHandle handle) => _handle = handle;

    internal static DuckDbAppender Create(DuckDbConnection connection, string? schema, string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        ObjectDisposedException.ThrowIf(connection.Handle.IsClosed, connection);
        var handle = new AppenderHandle();
        var state = NativeMethods.duckdb_appender_create(connection.Handle, schema, table, out var native);
        if (native != 0)
            handle.Adopt(native, connection.Handle);
        if (state == DuckDbState.Success)
            return new DuckDbAppender(handle);
        var error = handle.IsInvalid ? null : Marshal.PtrToStringUTF8(NativeMethods.duckdb_appender_error(handle));
        handle.Dispose();
        throw new DuckDbException($"DuckDB could not create an appender for table '{table}': {error ?? "unknown error"}");
    }

    public void AppendNull() => Check(NativeMethods.duckdb_append_null(Live()), "append NULL");
    public void Append(bool value) => Check(NativeMethods.duckdb_append_bool(Live(), value), "append BOOLEAN");
    public void Append(sbyte value) => Check(NativeMethods.duckdb_append_int8(Live(), value), "append TINYINT");
    public void Append(short value) => Check(NativeMethods.duckdb_append_int16(Live(), value), "append SMALLINT");
    public void Append(float value) => Check(NativeMethods.duckdb_append_float(Live(), value), "append FLOAT");
    public void Append(DuckDbInterval value) => Check(NativeMethods.duckdb_append_interval(Live(), value), "append INTERVAL");
    /// <summary>Appends epoch microseconds to a TIMESTAMP or TIMESTAMPTZ column (both store UTC microseconds).</summary>
    public void AppendTimestampMicros(long micros) => Check(NativeMethods.duckdb_append_timestamp(Live(), micros), "append TIMESTAMP");
    public void Append(int value) => Check(NativeMethods.duckdb_append_int32(Live(), value), "append INTEGER");
    public void Append(long value) => Check(NativeMethods.duckdb_append_int64(Live(), value), "append BIGINT");
    public void Append(double value) => Check(NativeMethods.duckdb_append_double(Live(), value), "append DOUBLE");
    public void Append(DateOnly value) => Check(NativeMethods.duckdb_append_date(Live(), value.DayNumber - DuckDbTime.EpochDayNumber), "append DATE");
    public void Append(DateTime value) => Check(NativeMethods.duckdb_append_timestamp(Live(), DuckDbTime.ToMicros(value)), "append TIMESTAMP");

    public void Append(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(Encoding.UTF8.GetMaxByteCount(value.Length), 1));
        try
        {
            var written = Encoding.UTF8.GetBytes(value, buffer);
            fixed (byte* utf8 = buffer)
                Check(NativeMethods.duckdb_append_varchar_length(Live(), utf8, (ulong)written), "append VARCHAR");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Append(ReadOnlySpan<byte> value)
    {
        fixed (byte* data = value)
            Check(NativeMethods.duckdb_append_blob(Live(), data, (ulong)value.Length), "append BLOB");
    }

    /// <summary>Appends a value created with <see cref="DuckDbValues"/> (nested values); DuckDB casts it to the column type.</summary>
    public void AppendValue(ValueHandle value) => Check(NativeMethods.duckdb_append_value(Live(), value), "append a value");

    /// <summary>Finishes the current row; every column must have received a value.</summary>
    public void EndRow() => Check(NativeMethods.duckdb_appender_end_row(Live()), "end the row");

    /// <summary>Writes the buffered rows to the table.</summary>
    public void Flush() => Check(NativeMethods.duckdb_appender_flush(Live()), "flush");

    /// <summary>Flushes and closes; errors of that final flush are raised here rather than lost in Dispose.</summary>
    public void Close() => Check(NativeMethods.duckdb_appender_close(Live()), "close");

    public void Dispose() => _handle.Dispose();

    private AppenderHandle Live()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        return _handle;
    }

    private void Check(DuckDbState state, string action)
    {
        if (state != DuckDbState.Success)
            throw new DuckDbException(
                $"DuckDB appender could not {action}: {Marshal.PtrToStringUTF8(NativeMethods.duckdb_appender_error(_handle)) ?? "unknown error"}");
    }
}
