namespace Spark.Connect.Local.DuckDb;

/// <summary>A named child of a STRUCT type.</summary>
internal sealed record DuckDbStructField(string Name, DuckDbLogicalType Type);

/// <summary>
/// A managed copy of a <c>duckdb_logical_type</c>: read once from the native type (which is destroyed
/// straight away) so callers never hold native type handles.
/// </summary>
internal sealed record DuckDbLogicalType
{
    public required DuckDbTypeId Id { get; init; }

    /// <summary>DECIMAL only: total digits (1..38).</summary>
    public byte DecimalWidth { get; init; }

    /// <summary>DECIMAL only: digits after the point.</summary>
    public byte DecimalScale { get; init; }

    /// <summary>DECIMAL only: the physical storage (SMALLINT, INTEGER, BIGINT or HUGEINT).</summary>
    public DuckDbTypeId DecimalStorage { get; init; }

    /// <summary>LIST only: the element type.</summary>
    public DuckDbLogicalType? ListChild { get; init; }

    /// <summary>STRUCT only: the fields in order.</summary>
    public IReadOnlyList<DuckDbStructField> StructFields { get; init; } = [];

    /// <summary>MAP only: the key type.</summary>
    public DuckDbLogicalType? MapKey { get; init; }

    /// <summary>MAP only: the value type.</summary>
    public DuckDbLogicalType? MapValue { get; init; }

    public override string ToString() => Id switch
    {
        DuckDbTypeId.Decimal => $"DECIMAL({DecimalWidth},{DecimalScale})",
        DuckDbTypeId.List => $"{ListChild}[]",
        DuckDbTypeId.Struct => $"STRUCT({string.Join(", ", StructFields.Select(f => $"{f.Name} {f.Type}"))})",
        DuckDbTypeId.Map => $"MAP({MapKey}, {MapValue})",
        _ => Id.ToString().ToUpperInvariant(),
    };

    /// <summary>Reads and then destroys a native logical type handle returned by DuckDB.</summary>
    internal static DuckDbLogicalType FromNative(nint native)
    {
        if (native == 0)
            throw new DuckDbException("DuckDB returned no logical type.");
        using var type = new LogicalTypeHandle();
        type.Adopt(native, parent: null);
        var id = NativeMethods.duckdb_get_type_id(type);
        return id switch
        {
            DuckDbTypeId.Decimal => new DuckDbLogicalType
            {
                Id = id,
                DecimalWidth = NativeMethods.duckdb_decimal_width(type),
                DecimalScale = NativeMethods.duckdb_decimal_scale(type),
                DecimalStorage = NativeMethods.duckdb_decimal_internal_type(type),
            },
            DuckDbTypeId.List => new DuckDbLogicalType
            {
                Id = id, ListChild = FromNative(NativeMethods.duckdb_list_type_child_type(type)),
            },
            DuckDbTypeId.Map => new DuckDbLogicalType
            {
                Id = id,
                MapKey = FromNative(NativeMethods.duckdb_map_type_key_type(type)),
                MapValue = FromNative(NativeMethods.duckdb_map_type_value_type(type)),
            },
            DuckDbTypeId.Struct => new DuckDbLogicalType { Id = id, StructFields = ReadStructFields(type) },
            _ => new DuckDbLogicalType { Id = id },
        };
    }

    private static DuckDbStructField[] ReadStructFields(LogicalTypeHandle type)
    {
        var count = NativeMethods.duckdb_struct_type_child_count(type);
        var fields = new DuckDbStructField[count];
        for (ulong i = 0; i < count; i++)
        {
            var namePointer = NativeMethods.duckdb_struct_type_child_name(type, i);
            string name;
            try
            {
                name = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(namePointer) ?? "";
            }
            finally
            {
                NativeMethods.duckdb_free(namePointer);
            }
            fields[i] = new DuckDbStructField(name, FromNative(NativeMethods.duckdb_struct_type_child_type(type, i)));
        }
        return fields;
    }
}
