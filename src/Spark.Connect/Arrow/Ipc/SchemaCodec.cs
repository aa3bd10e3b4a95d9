using Spark.Connect.Arrow.FlatBuffers;

namespace Spark.Connect.Arrow.Ipc;

/// <summary>
/// Translates between <see cref="ArrowSchema"/> and Arrow's Schema/Field FlatBuffer tables
/// (field slots and union type ids as in Arrow's Schema.fbs).
/// </summary>
internal static class SchemaCodec
{
    internal const int MaxNestingDepth = 64;
    private const int MaxTotalFields = 100_000;

    // Field table slots.
    private const int FieldName = 0, FieldNullable = 1, FieldTypeType = 2, FieldType = 3, FieldDictionary = 4, FieldChildren = 5;

    // Type union ids.
    private const byte TypeNull = 1, TypeInt = 2, TypeFloatingPoint = 3, TypeBinary = 4, TypeUtf8 = 5, TypeBool = 6,
        TypeDecimal = 7, TypeDate = 8, TypeTime = 9, TypeTimestamp = 10, TypeInterval = 11, TypeList = 12,
        TypeStruct = 13, TypeUnion = 14, TypeFixedSizeBinary = 15, TypeFixedSizeList = 16, TypeMap = 17,
        TypeDuration = 18, TypeLargeBinary = 19, TypeLargeUtf8 = 20, TypeLargeList = 21;

    private static readonly string[] TypeNames =
    [
        "NONE", "Null", "Int", "FloatingPoint", "Binary", "Utf8", "Bool", "Decimal", "Date", "Time", "Timestamp",
        "Interval", "List", "Struct", "Union", "FixedSizeBinary", "FixedSizeList", "Map", "Duration", "LargeBinary",
        "LargeUtf8", "LargeList", "RunEndEncoded", "BinaryView", "Utf8View", "ListView", "LargeListView",
    ];

    internal static ArrowSchema Decode(FlatBufferTable schema)
    {
        if (schema.GetShort(0) != 0)
            throw new ArrowFormatException("Big-endian Arrow streams are not supported.");
        // FlatBuffers may share tables and strings, so limits apply to what is decoded, not to bytes.
        var budget = new Budget { Fields = MaxTotalFields, StringBytes = schema.BufferLength + (1L << 20) };
        return new ArrowSchema(DecodeFields(schema, 1, 0, budget));
    }

    private sealed class Budget
    {
        public int Fields;
        public long StringBytes;
    }

    private static ArrowField[] DecodeFields(FlatBufferTable parent, int slot, int depth, Budget budget)
    {
        var count = parent.GetTableVectorLength(slot);
        budget.Fields -= count;
        if (budget.Fields < 0)
            throw new ArrowFormatException($"Arrow schema has more than {MaxTotalFields} fields in total.");
        var fields = new ArrowField[count];
        for (var i = 0; i < count; i++)
            fields[i] = DecodeField(parent.GetTableVectorElement(slot, i, "Field"), depth, budget);
        return fields;
    }

    private static ArrowField DecodeField(FlatBufferTable field, int depth, Budget budget)
    {
        if (depth >= MaxNestingDepth)
            throw new ArrowFormatException($"Arrow schema nests deeper than {MaxNestingDepth} levels.");
        var name = field.GetString(FieldName, ref budget.StringBytes) ?? "";
        var typeId = field.GetByte(FieldTypeType);
        var typeTable = field.GetTable(FieldType, TypeName(typeId));
        var type = DecodeType(name, typeId, typeTable, budget);
        if (field.GetTable(FieldDictionary, "DictionaryEncoding") is { } encoding)
            type = DecodeDictionary(name, encoding, type);
        var children = DecodeFields(field, FieldChildren, depth + 1, budget);
        var problem = ArrowField.DescribeChildProblem(type, children);
        if (problem is not null)
            throw new ArrowFormatException($"Arrow field '{name}' of type {type}: {problem}.");
        return new ArrowField(name, type, field.GetBool(FieldNullable), children);
    }

    private static ArrowType DecodeType(string name, byte typeId, FlatBufferTable? table, Budget budget)
    {
        if (table is not { } t)
        {
            if (typeId is TypeNull or TypeBinary or TypeUtf8 or TypeBool or TypeList or TypeStruct
                or TypeLargeBinary or TypeLargeUtf8 or TypeLargeList)
                t = default;
            else
                throw new ArrowFormatException($"Arrow field '{name}' has type {TypeName(typeId)} without its parameters.");
        }
        return typeId switch
        {
            TypeNull => ArrowType.Null,
            TypeBool => ArrowType.Boolean,
            TypeUtf8 => ArrowType.Utf8,
            TypeLargeUtf8 => ArrowType.LargeUtf8,
            TypeBinary => ArrowType.Binary,
            TypeLargeBinary => ArrowType.LargeBinary,
            TypeList => ArrowType.List,
            TypeLargeList => ArrowType.LargeList,
            TypeStruct => ArrowType.Struct,
            TypeInt => DecodeInt(name, t.GetInt(0), t.GetBool(1)),
            TypeFloatingPoint => t.GetShort(0) switch
            {
                1 => ArrowType.Float32,
                2 => ArrowType.Float64,
                var p => throw Unsupported(name, p == 0 ? "half-precision float" : $"floating point precision {p}"),
            },
            TypeDecimal => DecodeDecimal(name, t.GetInt(0), t.GetInt(1), t.GetInt(2, 128)),
            TypeDate => t.GetShort(0, 1) switch
            {
                0 => ArrowType.Date32,
                1 => ArrowType.Date64,
                var u => throw Unsupported(name, $"date unit {u}"),
            },
            TypeTimestamp => ArrowType.Timestamp(DecodeUnit(name, t.GetShort(0)), t.GetString(1, ref budget.StringBytes)),
            TypeDuration => ArrowType.Duration(DecodeUnit(name, t.GetShort(0, 1))),
            TypeInterval => t.GetShort(0) is var u and >= 0 and <= 2
                ? ArrowType.Interval((ArrowIntervalUnit)u)
                : throw Unsupported(name, $"interval unit {t.GetShort(0)}"),
            TypeMap => ArrowType.Map(t.GetBool(0)),
            TypeTime => DecodeTime(name, t.GetShort(0, 1), t.GetInt(1, 32)),
            _ => throw Unsupported(name, $"type {TypeName(typeId)}"),
        };
    }

    private static ArrowType DecodeInt(string name, int bitWidth, bool signed) => (bitWidth, signed) switch
    {
        (8, true) => ArrowType.Int8,
        (16, true) => ArrowType.Int16,
        (32, true) => ArrowType.Int32,
        (64, true) => ArrowType.Int64,
        (8, false) => ArrowType.UInt8,
        (16, false) => ArrowType.UInt16,
        (32, false) => ArrowType.UInt32,
        (64, false) => ArrowType.UInt64,
        _ => throw Unsupported(name, $"integer bit width {bitWidth}"),
    };

    /// <summary>
    /// A decimal's parameters are checked here, before any value is read: conversions of its values scale by
    /// powers of ten, so an absurd scale (a stream may declare -1.9e9) must never reach them.
    /// </summary>
    private static ArrowType DecodeDecimal(string name, int precision, int scale, int bitWidth)
    {
        if (bitWidth != 128)
            throw Unsupported(name, $"decimal bit width {bitWidth} (only decimal128 is)");
        if (precision is < 1 or > ArrowType.MaxDecimal128Precision)
            throw new ArrowFormatException(
                $"Arrow field '{name}' declares decimal precision {precision}; decimal128 precision must be 1..{ArrowType.MaxDecimal128Precision}.");
        if (scale < ArrowType.MinDecimal128Scale || scale > precision)
            throw new ArrowFormatException(
                $"Arrow field '{name}' declares decimal({precision}, {scale}); the scale must be between {ArrowType.MinDecimal128Scale} and the precision.");
        return ArrowType.Decimal128(precision, scale);
    }

    /// <summary>Time: seconds and milliseconds in 32 bits, microseconds and nanoseconds in 64 (Schema.fbs allows no other pairing).</summary>
    private static ArrowType DecodeTime(string name, short unit, int bitWidth) => (DecodeUnit(name, unit), bitWidth) switch
    {
        (ArrowTimeUnit.Second or ArrowTimeUnit.Millisecond, 32) and var (u, _) => ArrowType.Time32(u),
        (ArrowTimeUnit.Microsecond or ArrowTimeUnit.Nanosecond, 64) and var (u, _) => ArrowType.Time64(u),
        var (u, _) => throw new ArrowFormatException($"Arrow field '{name}' declares a {bitWidth}-bit time in {u}s; Time is 32-bit for seconds and milliseconds, 64-bit for micro- and nanoseconds."),
    };

    /// <summary>
    /// DictionaryEncoding: id (slot 0), index type (an Int table, slot 1; signed int32 when absent), ordered (slot 2),
    /// kind (slot 3; only DenseArray, 0, exists).
    /// </summary>
    private static ArrowType DecodeDictionary(string name, FlatBufferTable encoding, ArrowType valueType)
    {
        if (encoding.GetShort(3) != 0)
            throw Unsupported(name, $"dictionary kind {encoding.GetShort(3)}");
        var index = encoding.GetTable(1, "Int") is { } indexTable
            ? DecodeInt(name, indexTable.GetInt(0), indexTable.GetBool(1))
            : ArrowType.Int32;
        if (valueType.Id == ArrowTypeId.Null)
            throw Unsupported(name, "a dictionary of the null type");
        return ArrowType.Dictionary(index, valueType, encoding.GetLong(0), encoding.GetBool(2));
    }

    private static ArrowTimeUnit DecodeUnit(string name, short unit) =>
        unit is >= 0 and <= 3 ? (ArrowTimeUnit)unit : throw Unsupported(name, $"time unit {unit}");

    private static string TypeName(byte id) => id < TypeNames.Length ? TypeNames[id] : $"#{id}";

    private static ArrowFormatException Unsupported(string field, string what) =>
        new($"Arrow field '{field}' uses {what}, which is not supported.");

    internal static FlatBufferObject Encode(ArrowSchema schema) => new FlatBufferObject()
        .Add(0, (short)0)
        .Add(1, schema.Fields.Select(EncodeField).ToArray());

    private static FlatBufferObject EncodeField(ArrowField field)
    {
        if (field.Type.Id == ArrowTypeId.Dictionary)
            throw new NotSupportedException($"Field '{field.Name}' is dictionary-encoded; this writer writes plain columns only.");
        var (typeId, typeTable) = EncodeType(field.Type);
        return new FlatBufferObject()
            .Add(FieldName, field.Name)
            .Add(FieldNullable, field.Nullable)
            .Add(FieldTypeType, typeId)
            .Add(FieldType, typeTable)
            .Add(FieldChildren, field.Children.Select(EncodeField).ToArray());
    }

    private static (byte Id, FlatBufferObject Table) EncodeType(ArrowType type)
    {
        var table = new FlatBufferObject();
        switch (type.Id)
        {
            case ArrowTypeId.Null: return (TypeNull, table);
            case ArrowTypeId.Boolean: return (TypeBool, table);
            case ArrowTypeId.Utf8: return (TypeUtf8, table);
            case ArrowTypeId.LargeUtf8: return (TypeLargeUtf8, table);
            case ArrowTypeId.Binary: return (TypeBinary, table);
            case ArrowTypeId.LargeBinary: return (TypeLargeBinary, table);
            case ArrowTypeId.List: return (TypeList, table);
            case ArrowTypeId.LargeList: return (TypeLargeList, table);
            case ArrowTypeId.Struct: return (TypeStruct, table);
            case ArrowTypeId.Float32: return (TypeFloatingPoint, table.Add(0, (short)1));
            case ArrowTypeId.Float64: return (TypeFloatingPoint, table.Add(0, (short)2));
            case ArrowTypeId.Decimal128: return (TypeDecimal, table.Add(0, type.Precision).Add(1, type.Scale).Add(2, 128));
            case ArrowTypeId.Date32: return (TypeDate, table.Add(0, (short)0));
            case ArrowTypeId.Date64: return (TypeDate, table.Add(0, (short)1));
            case ArrowTypeId.Timestamp:
                table.Add(0, (short)type.Unit);
                if (type.TimeZone is not null)
                    table.Add(1, type.TimeZone);
                return (TypeTimestamp, table);
            case ArrowTypeId.Duration: return (TypeDuration, table.Add(0, (short)type.Unit));
            case ArrowTypeId.Interval: return (TypeInterval, table.Add(0, (short)type.IntervalUnit));
            case ArrowTypeId.Map: return (TypeMap, table.Add(0, type.KeysSorted));
            case ArrowTypeId.Time32: return (TypeTime, table.Add(0, (short)type.Unit).Add(1, 32));
            case ArrowTypeId.Time64: return (TypeTime, table.Add(0, (short)type.Unit).Add(1, 64));
        }
        var (bits, signed) = type.Id switch
        {
            ArrowTypeId.Int8 => (8, true),
            ArrowTypeId.Int16 => (16, true),
            ArrowTypeId.Int32 => (32, true),
            ArrowTypeId.Int64 => (64, true),
            ArrowTypeId.UInt8 => (8, false),
            ArrowTypeId.UInt16 => (16, false),
            ArrowTypeId.UInt32 => (32, false),
            _ => (64, false),
        };
        return (TypeInt, table.Add(0, bits).Add(1, signed));
    }
}
