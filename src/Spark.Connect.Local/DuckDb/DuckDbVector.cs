using System.Text;

namespace Spark.Connect.Local.DuckDb;

/// <summary>
/// A column of a data chunk (or a list/struct child of one): validity, fixed-width values as a span,
/// strings/blobs, list entries and struct children. Reads check that the owning chunk is still alive.
/// </summary>
internal readonly unsafe struct DuckDbVector
{
    private readonly DuckDbDataChunk _chunk;
    private readonly nint _vector;

    internal DuckDbVector(DuckDbDataChunk chunk, nint vector, DuckDbLogicalType type, int count)
    {
        _chunk = chunk;
        _vector = vector;
        Type = type;
        Count = count;
    }

    public DuckDbLogicalType Type { get; }

    /// <summary>Entries in this vector: the chunk's row count, or a list child's total element count.</summary>
    public int Count { get; }

    /// <summary>
    /// The validity mask, fetched once: take it before a row loop rather than calling <see cref="IsValid"/>
    /// per row, which asks DuckDB for the mask each time.
    /// </summary>
    public DuckDbValidity Validity
    {
        get
        {
            _chunk.ThrowIfDisposed();
            var mask = NativeMethods.duckdb_vector_get_validity(_vector);
            // DuckDB allocates the mask for the vector's capacity, which is at least Count rows.
            return mask == null ? new DuckDbValidity([], Count) : new DuckDbValidity(new ReadOnlySpan<ulong>(mask, (Count + 63) >> 6), Count);
        }
    }

    public bool IsValid(int row) => Validity.IsValid(CheckRow(row));

    /// <summary>The fixed-width values (e.g. <c>int</c> for INTEGER, <c>long</c> for TIMESTAMP/BIGINT).</summary>
    public ReadOnlySpan<T> GetData<T>() where T : unmanaged
    {
        _chunk.ThrowIfDisposed();
        if (Type.Id is DuckDbTypeId.Varchar or DuckDbTypeId.Blob or DuckDbTypeId.List or DuckDbTypeId.Struct or DuckDbTypeId.Map)
            throw new InvalidOperationException($"A {Type} vector has no fixed-width data span.");
        var expected = FixedWidth(Type);
        if (expected != sizeof(T))
            throw new InvalidOperationException($"A {Type} vector holds {expected}-byte values, not {typeof(T).Name}.");
        return new ReadOnlySpan<T>(NativeMethods.duckdb_vector_get_data(_vector), Count);
    }

    /// <summary>Every row's bytes as spans over DuckDB's memory (VARCHAR or BLOB), for a row loop.</summary>
    public DuckDbStrings GetStrings()
    {
        _chunk.ThrowIfDisposed();
        if (Type.Id is not (DuckDbTypeId.Varchar or DuckDbTypeId.Blob))
            throw new InvalidOperationException($"A {Type} vector holds no strings.");
        return new DuckDbStrings((byte*)NativeMethods.duckdb_vector_get_data(_vector), Validity, Count);
    }

    /// <summary>Row <paramref name="row"/>'s bytes without copying; valid only until the chunk is disposed.</summary>
    public ReadOnlySpan<byte> GetUtf8(int row) => GetStrings()[CheckRow(row)];

    /// <summary>The raw bytes of a VARCHAR or BLOB value (copied, so it outlives the chunk).</summary>
    public byte[] GetBytes(int row) => GetUtf8(row).ToArray();

    public string GetString(int row) => Encoding.UTF8.GetString(GetUtf8(row));

    public bool GetBoolean(int row) => GetData<byte>()[CheckRow(row)] != 0;

    public DateOnly GetDate(int row) => DuckDbTime.FromDays(GetData<int>()[CheckRow(row)]);

    public DateTime GetTimestamp(int row) => DuckDbTime.FromMicros(GetData<long>()[CheckRow(row)]);

    public Int128 GetHugeInt(int row) => GetData<NativeHugeInt>()[CheckRow(row)].ToInt128();

    public DuckDbInterval GetInterval(int row) => GetData<DuckDbInterval>()[CheckRow(row)];

    /// <summary>A DECIMAL's unscaled value, whatever its storage width.</summary>
    public Int128 GetUnscaledDecimal(int row)
    {
        if (Type.Id != DuckDbTypeId.Decimal)
            throw new InvalidOperationException($"A {Type} vector is not DECIMAL.");
        CheckRow(row);
        return Type.DecimalStorage switch
        {
            DuckDbTypeId.SmallInt => GetData<short>()[row],
            DuckDbTypeId.Integer => GetData<int>()[row],
            DuckDbTypeId.BigInt => GetData<long>()[row],
            _ => GetData<NativeHugeInt>()[row].ToInt128(),
        };
    }

    public decimal GetDecimal(int row) => DuckDbDecimal.ToDecimal(GetUnscaledDecimal(row), Type.DecimalScale);

    /// <summary>LIST/MAP: where row <paramref name="row"/>'s elements sit in <see cref="GetListChild"/>.</summary>
    public (int Offset, int Length) GetListEntry(int row)
    {
        CheckRow(row);
        if (Type.Id is not (DuckDbTypeId.List or DuckDbTypeId.Map))
            throw new InvalidOperationException($"A {Type} vector is not a LIST or MAP.");
        var entry = ((DuckDbListEntry*)NativeMethods.duckdb_vector_get_data(_vector))[row];
        return (checked((int)entry.Offset), checked((int)entry.Length));
    }

    /// <summary>LIST: the element vector; MAP: a STRUCT(key, value) vector.</summary>
    public DuckDbVector GetListChild()
    {
        _chunk.ThrowIfDisposed();
        var childType = Type.Id switch
        {
            DuckDbTypeId.List => Type.ListChild!,
            DuckDbTypeId.Map => new DuckDbLogicalType
            {
                Id = DuckDbTypeId.Struct,
                StructFields = [new("key", Type.MapKey!), new("value", Type.MapValue!)],
            },
            _ => throw new InvalidOperationException($"A {Type} vector is not a LIST or MAP."),
        };
        var size = checked((int)NativeMethods.duckdb_list_vector_get_size(_vector));
        return new DuckDbVector(_chunk, NativeMethods.duckdb_list_vector_get_child(_vector), childType, size);
    }

    /// <summary>STRUCT: the vector of field <paramref name="field"/> (0-based), same row count.</summary>
    public DuckDbVector GetStructChild(int field)
    {
        _chunk.ThrowIfDisposed();
        if (Type.Id != DuckDbTypeId.Struct)
            throw new InvalidOperationException($"A {Type} vector is not a STRUCT.");
        ArgumentOutOfRangeException.ThrowIfNegative(field);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(field, Type.StructFields.Count);
        return new DuckDbVector(_chunk, NativeMethods.duckdb_struct_vector_get_child(_vector, (ulong)field),
            Type.StructFields[field].Type, Count);
    }

    private int CheckRow(int row)
    {
        _chunk.ThrowIfDisposed();
        if ((uint)row >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row must be in [0, {Count}).");
        return row;
    }

    private static int FixedWidth(DuckDbLogicalType type) => type.Id switch
    {
        DuckDbTypeId.Boolean or DuckDbTypeId.TinyInt or DuckDbTypeId.UTinyInt => 1,
        DuckDbTypeId.SmallInt or DuckDbTypeId.USmallInt => 2,
        DuckDbTypeId.Integer or DuckDbTypeId.UInteger or DuckDbTypeId.Float or DuckDbTypeId.Date => 4,
        DuckDbTypeId.Decimal => FixedWidth(new DuckDbLogicalType { Id = type.DecimalStorage }),
        DuckDbTypeId.HugeInt or DuckDbTypeId.UHugeInt or DuckDbTypeId.Interval or DuckDbTypeId.Uuid => 16,
        DuckDbTypeId.Enum => throw new InvalidOperationException("ENUM vectors are not supported by this binding."),
        _ => 8,
    };
}
