using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace Spark.Connect.Local.DuckDb;

/// <summary>Owns one <c>duckdb_value</c>.</summary>
internal sealed class ValueHandle : DuckDbHandle
{
    protected override void Destroy(ref nint native) => NativeMethods.duckdb_destroy_value(ref native);

    internal static ValueHandle Own(nint native, string what)
    {
        if (native == 0)
            throw new DuckDbException($"DuckDB could not create a {what} value.");
        var handle = new ValueHandle();
        handle.Adopt(native, parent: null);
        return handle;
    }
}

/// <summary>
/// Creates DuckDB values for appending nested data. Each call returns a new value the caller disposes;
/// composite values copy their children, so children can be disposed as soon as the composite exists.
/// </summary>
internal static unsafe class DuckDbValues
{
    public static ValueHandle Null() => ValueHandle.Own(NativeMethods.duckdb_create_null_value(), "NULL");
    public static ValueHandle Bool(bool value) => ValueHandle.Own(NativeMethods.duckdb_create_bool(value), "BOOLEAN");
    public static ValueHandle Int8(sbyte value) => ValueHandle.Own(NativeMethods.duckdb_create_int8(value), "TINYINT");
    public static ValueHandle Int16(short value) => ValueHandle.Own(NativeMethods.duckdb_create_int16(value), "SMALLINT");
    public static ValueHandle Int32(int value) => ValueHandle.Own(NativeMethods.duckdb_create_int32(value), "INTEGER");
    public static ValueHandle Int64(long value) => ValueHandle.Own(NativeMethods.duckdb_create_int64(value), "BIGINT");
    public static ValueHandle Float(float value) => ValueHandle.Own(NativeMethods.duckdb_create_float(value), "FLOAT");
    public static ValueHandle Double(double value) => ValueHandle.Own(NativeMethods.duckdb_create_double(value), "DOUBLE");
    public static ValueHandle Date(int daysSinceEpoch) => ValueHandle.Own(NativeMethods.duckdb_create_date(daysSinceEpoch), "DATE");
    public static ValueHandle Timestamp(long micros) => ValueHandle.Own(NativeMethods.duckdb_create_timestamp(micros), "TIMESTAMP");
    public static ValueHandle TimestampTz(long micros) => ValueHandle.Own(NativeMethods.duckdb_create_timestamp_tz(micros), "TIMESTAMPTZ");
    public static ValueHandle Interval(DuckDbInterval value) => ValueHandle.Own(NativeMethods.duckdb_create_interval(value), "INTERVAL");

    /// <summary>A DECIMAL(width, scale) from its unscaled value, which must have at most <paramref name="width"/> digits.</summary>
    public static ValueHandle Decimal(byte width, byte scale, Int128 unscaled) => ValueHandle.Own(
        NativeMethods.duckdb_create_decimal(new NativeDecimal { Width = width, Scale = scale, Value = NativeHugeInt.From(unscaled) }), "DECIMAL");

    public static ValueHandle Varchar(string value)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(Encoding.UTF8.GetMaxByteCount(value.Length), 1));
        try
        {
            var written = Encoding.UTF8.GetBytes(value, buffer);
            fixed (byte* utf8 = buffer)
                return ValueHandle.Own(NativeMethods.duckdb_create_varchar_length(utf8, (ulong)written), "VARCHAR");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static ValueHandle Blob(ReadOnlySpan<byte> value)
    {
        byte dummy = 0;
        fixed (byte* data = value)
            return ValueHandle.Own(NativeMethods.duckdb_create_blob(data == null ? &dummy : data, (ulong)value.Length), "BLOB");
    }

    /// <summary>A LIST of <paramref name="elementType"/> holding <paramref name="elements"/> (none may be disposed yet).</summary>
    public static ValueHandle List(LogicalTypeHandle elementType, IReadOnlyList<ValueHandle> elements)
    {
        var pointers = Pointers(elements);
        fixed (nint* values = pointers)
            return Keep(ValueHandle.Own(NativeMethods.duckdb_create_list_value(elementType, values, (ulong)elements.Count), "LIST"), elements);
    }

    /// <summary>A STRUCT of <paramref name="structType"/>; <paramref name="fields"/> must match its field count.</summary>
    public static ValueHandle Struct(LogicalTypeHandle structType, IReadOnlyList<ValueHandle> fields)
    {
        if ((ulong)fields.Count != NativeMethods.duckdb_struct_type_child_count(structType))
            throw new DuckDbException($"A STRUCT value needs one value per field; got {fields.Count}.");
        var pointers = Pointers(fields);
        fixed (nint* values = pointers)
            return Keep(ValueHandle.Own(NativeMethods.duckdb_create_struct_value(structType, values), "STRUCT"), fields);
    }

    /// <summary>A MAP of <paramref name="mapType"/> from parallel key and value lists.</summary>
    public static ValueHandle Map(LogicalTypeHandle mapType, IReadOnlyList<ValueHandle> keys, IReadOnlyList<ValueHandle> values)
    {
        if (keys.Count != values.Count)
            throw new DuckDbException($"A MAP value needs as many values as keys; got {keys.Count} keys and {values.Count} values.");
        var keyPointers = Pointers(keys);
        var valuePointers = Pointers(values);
        fixed (nint* k = keyPointers)
        fixed (nint* v = valuePointers)
            return Keep(Keep(ValueHandle.Own(NativeMethods.duckdb_create_map_value(mapType, k, v, (ulong)keys.Count), "MAP (keys must be distinct and non-null)"), keys), values);
    }

    // The C API rejects a NULL array even for zero entries, so there is always at least one slot.
    private static nint[] Pointers(IReadOnlyList<ValueHandle> values)
    {
        var pointers = new nint[Math.Max(values.Count, 1)];
        for (var i = 0; i < values.Count; i++)
        {
            ObjectDisposedException.ThrowIf(values[i].IsClosed, values[i]);
            pointers[i] = values[i].DangerousGetHandle();
        }
        return pointers;
    }

    // The raw pointers above are only valid while the children are alive; this keeps them reachable until the copy is made.
    private static ValueHandle Keep(ValueHandle created, IReadOnlyList<ValueHandle> children)
    {
        GC.KeepAlive(children);
        return created;
    }
}
