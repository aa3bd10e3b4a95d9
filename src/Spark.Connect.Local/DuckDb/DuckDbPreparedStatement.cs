using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace Spark.Connect.Local.DuckDb;

/// <summary>
/// A prepared statement. Parameters are bound by 1-based index and are always data: DuckDB never parses
/// a bound value as SQL. Decimals bind through <c>duckdb_bind_decimal</c> (exact width and scale, no
/// VARCHAR round trip).
/// </summary>
internal sealed unsafe class DuckDbPreparedStatement : IDisposable
{
    private DuckDbPreparedStatement(PreparedStatementHandle handle) => Handle = handle;

    internal PreparedStatementHandle Handle { get; }

    /// <summary>How many parameters the statement takes.</summary>
    public int ParameterCount => (int)NativeMethods.duckdb_nparams(Handle);

    internal static DuckDbPreparedStatement Prepare(DuckDbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ObjectDisposedException.ThrowIf(connection.Handle.IsClosed, connection);
        var state = NativeMethods.duckdb_prepare(connection.Handle, sql, out var statement);
        return Adopt(state, statement, connection.Handle);
    }

    /// <summary>Prepares statement <paramref name="index"/> of <paramref name="extracted"/> (see <see cref="DuckDbExtractedStatements"/>).</summary>
    internal static DuckDbPreparedStatement PrepareExtracted(DuckDbConnection connection, ExtractedStatementsHandle extracted, int index)
    {
        ObjectDisposedException.ThrowIf(connection.Handle.IsClosed, connection);
        var state = NativeMethods.duckdb_prepare_extracted_statement(connection.Handle, extracted, (ulong)index, out var statement);
        return Adopt(state, statement, connection.Handle);
    }

    private static DuckDbPreparedStatement Adopt(DuckDbState state, nint statement, ConnectionHandle connection)
    {
        var handle = new PreparedStatementHandle();
        // DuckDB allocates the statement even on failure (it carries the error), so it is always adopted.
        if (statement != 0)
            handle.Adopt(statement, connection);
        if (state == DuckDbState.Success)
            return new DuckDbPreparedStatement(handle);
        var error = handle.IsInvalid ? null : Marshal.PtrToStringUTF8(NativeMethods.duckdb_prepare_error(handle));
        handle.Dispose();
        throw new DuckDbException($"DuckDB could not prepare the statement: {error ?? "unknown error"}");
    }

    /// <summary>What kind of statement this is, as DuckDB's parser and binder decided (SELECT, CREATE, ATTACH, …).</summary>
    // Only successfully prepared statements exist as instances, which is what the C function requires.
    public DuckDbStatementType StatementType
    {
        get
        {
            ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
            return NativeMethods.duckdb_prepared_statement_type(Handle);
        }
    }

    /// <summary>
    /// The statement's output columns (name and DuckDB type) as DuckDB bound them at prepare time, without
    /// running it: the planner uses this to learn an input's columns and an expression's type.
    /// </summary>
    public IReadOnlyList<(string Name, DuckDbLogicalType Type)> DescribeColumns()
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        var count = (int)NativeMethods.duckdb_prepared_statement_column_count(Handle);
        var columns = new (string, DuckDbLogicalType)[count];
        for (var i = 0; i < count; i++)
        {
            var namePointer = NativeMethods.duckdb_prepared_statement_column_name(Handle, (ulong)i);
            string name;
            try
            {
                name = Marshal.PtrToStringUTF8(namePointer) ?? "";
            }
            finally
            {
                NativeMethods.duckdb_free(namePointer);
            }
            columns[i] = (name, DuckDbLogicalType.FromNative(NativeMethods.duckdb_prepared_statement_column_logical_type(Handle, (ulong)i)));
        }
        return columns;
    }

    public void BindNull(int index) => Check(NativeMethods.duckdb_bind_null(Handle, Index(index)), index, "NULL");
    public void Bind(int index, bool value) => Check(NativeMethods.duckdb_bind_boolean(Handle, Index(index), value), index, "BOOLEAN");
    public void Bind(int index, sbyte value) => Check(NativeMethods.duckdb_bind_int8(Handle, Index(index), value), index, "TINYINT");
    public void Bind(int index, short value) => Check(NativeMethods.duckdb_bind_int16(Handle, Index(index), value), index, "SMALLINT");
    public void Bind(int index, int value) => Check(NativeMethods.duckdb_bind_int32(Handle, Index(index), value), index, "INTEGER");
    public void Bind(int index, long value) => Check(NativeMethods.duckdb_bind_int64(Handle, Index(index), value), index, "BIGINT");
    public void Bind(int index, Int128 value) => Check(NativeMethods.duckdb_bind_hugeint(Handle, Index(index), NativeHugeInt.From(value)), index, "HUGEINT");
    public void Bind(int index, byte value) => Check(NativeMethods.duckdb_bind_uint8(Handle, Index(index), value), index, "UTINYINT");
    public void Bind(int index, ushort value) => Check(NativeMethods.duckdb_bind_uint16(Handle, Index(index), value), index, "USMALLINT");
    public void Bind(int index, uint value) => Check(NativeMethods.duckdb_bind_uint32(Handle, Index(index), value), index, "UINTEGER");
    public void Bind(int index, ulong value) => Check(NativeMethods.duckdb_bind_uint64(Handle, Index(index), value), index, "UBIGINT");
    public void Bind(int index, float value) => Check(NativeMethods.duckdb_bind_float(Handle, Index(index), value), index, "FLOAT");
    public void Bind(int index, double value) => Check(NativeMethods.duckdb_bind_double(Handle, Index(index), value), index, "DOUBLE");
    public void Bind(int index, DuckDbInterval value) => Check(NativeMethods.duckdb_bind_interval(Handle, Index(index), value), index, "INTERVAL");

    /// <summary>Binds a DATE as days since 1970-01-01.</summary>
    public void BindDate(int index, int daysSinceEpoch) => Check(NativeMethods.duckdb_bind_date(Handle, Index(index), daysSinceEpoch), index, "DATE");

    /// <summary>Binds a DATE.</summary>
    public void Bind(int index, DateOnly value) => BindDate(index, value.DayNumber - DuckDbTime.EpochDayNumber);

    /// <summary>Binds a TIMESTAMP as microseconds since 1970-01-01 00:00:00.</summary>
    public void BindTimestamp(int index, long microsSinceEpoch) => Check(NativeMethods.duckdb_bind_timestamp(Handle, Index(index), microsSinceEpoch), index, "TIMESTAMP");

    /// <summary>Binds a TIMESTAMP (sub-microsecond ticks are truncated).</summary>
    public void Bind(int index, DateTime value) => BindTimestamp(index, DuckDbTime.ToMicros(value));

    /// <summary>Binds DECIMAL(width, scale) from its unscaled integer value.</summary>
    public void BindDecimal(int index, Int128 unscaled, byte width, byte scale)
    {
        if (width is < 1 or > 38 || scale > width)
            throw new ArgumentOutOfRangeException(nameof(width), $"DECIMAL({width},{scale}) is not valid: width must be 1..38 and scale at most width.");
        var value = new NativeDecimal { Width = width, Scale = scale, Value = NativeHugeInt.From(unscaled) };
        Check(NativeMethods.duckdb_bind_decimal(Handle, Index(index), value), index, $"DECIMAL({width},{scale})");
    }

    /// <summary>Binds a .NET decimal as DECIMAL with the value's own scale and the smallest width that holds it.</summary>
    public void Bind(int index, decimal value)
    {
        var (unscaled, scale) = DuckDbDecimal.Decompose(value);
        BindDecimal(index, unscaled, DuckDbDecimal.WidthFor(unscaled, scale), scale);
    }

    /// <summary>Binds a VARCHAR (UTF-8, any characters including NUL).</summary>
    public void Bind(int index, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = Encoding.UTF8.GetByteCount(value);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            var written = Encoding.UTF8.GetBytes(value, buffer);
            fixed (byte* utf8 = buffer)
                Check(NativeMethods.duckdb_bind_varchar_length(Handle, Index(index), utf8, (ulong)written), index, "VARCHAR");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Binds a BLOB.</summary>
    public void Bind(int index, ReadOnlySpan<byte> value)
    {
        fixed (byte* data = value)
            Check(NativeMethods.duckdb_bind_blob(Handle, Index(index), data, (ulong)value.Length), index, "BLOB");
    }

    /// <summary>Forgets every bound value.</summary>
    public void ClearBindings() => NativeMethods.duckdb_clear_bindings(Handle);

    /// <summary>Runs the statement and returns its result, streamed chunk by chunk.</summary>
    public DuckDbResult Execute()
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        using var pending = new PendingResultHandle();
        var state = NativeMethods.duckdb_pending_prepared_streaming(Handle, out var native);
        if (native != 0)
            pending.Adopt(native, Handle);
        if (state != DuckDbState.Success)
        {
            var error = pending.IsInvalid ? null : Marshal.PtrToStringUTF8(NativeMethods.duckdb_pending_error(pending));
            throw new DuckDbException($"DuckDB could not execute the statement: {error ?? "unknown error"}");
        }

        // The result keeps the statement (and through it the connection) alive until it is disposed.
        var result = ResultHandle.Allocate(Handle);
        if (NativeMethods.duckdb_execute_pending(pending, result.Pointer) != DuckDbState.Success)
        {
            var error = DuckDbConnection.ResultError(result.Pointer);
            result.Dispose();
            throw new DuckDbException($"DuckDB could not execute the statement: {error}");
        }
        try
        {
            return new DuckDbResult(result);
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    public void Dispose() => Handle.Dispose();

    private ulong Index(int index)
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        return (ulong)index;
    }

    private void Check(DuckDbState state, int index, string type)
    {
        if (state != DuckDbState.Success)
            throw new DuckDbException(
                $"DuckDB could not bind {type} to parameter {index}: the statement has {ParameterCount} parameter(s) " +
                "(indexes are 1-based) or the value does not fit the parameter's type.");
    }
}
