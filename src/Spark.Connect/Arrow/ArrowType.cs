namespace Spark.Connect.Arrow;

/// <summary>The Arrow logical types this library reads and writes.</summary>
public enum ArrowTypeId
{
    /// <summary>All values null; no buffers.</summary>
    Null,
    /// <summary>Bit-packed booleans.</summary>
    Boolean,
    /// <summary>Signed 8-bit integer.</summary>
    Int8,
    /// <summary>Signed 16-bit integer.</summary>
    Int16,
    /// <summary>Signed 32-bit integer.</summary>
    Int32,
    /// <summary>Signed 64-bit integer.</summary>
    Int64,
    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8,
    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16,
    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32,
    /// <summary>Unsigned 64-bit integer.</summary>
    UInt64,
    /// <summary>IEEE 754 single precision.</summary>
    Float32,
    /// <summary>IEEE 754 double precision.</summary>
    Float64,
    /// <summary>128-bit two's complement unscaled integer with a precision and scale.</summary>
    Decimal128,
    /// <summary>UTF-8 strings with 32-bit offsets.</summary>
    Utf8,
    /// <summary>UTF-8 strings with 64-bit offsets.</summary>
    LargeUtf8,
    /// <summary>Byte strings with 32-bit offsets.</summary>
    Binary,
    /// <summary>Byte strings with 64-bit offsets.</summary>
    LargeBinary,
    /// <summary>Days since the Unix epoch, 32-bit.</summary>
    Date32,
    /// <summary>Milliseconds since the Unix epoch, 64-bit.</summary>
    Date64,
    /// <summary>64-bit count of <see cref="ArrowType.Unit"/> since the Unix epoch, optionally with a time zone.</summary>
    Timestamp,
    /// <summary>64-bit elapsed time in <see cref="ArrowType.Unit"/> (Spark's DayTimeInterval is microseconds).</summary>
    Duration,
    /// <summary>Calendar interval; layout depends on <see cref="ArrowType.IntervalUnit"/>.</summary>
    Interval,
    /// <summary>Variable-size list with 32-bit offsets; one child field.</summary>
    List,
    /// <summary>Variable-size list with 64-bit offsets; one child field.</summary>
    LargeList,
    /// <summary>Struct; one child field per member.</summary>
    Struct,
    /// <summary>Map; one child struct field of key and value.</summary>
    Map,
    /// <summary>32-bit time of day in <see cref="ArrowType.Unit"/> (seconds or milliseconds) since midnight.</summary>
    Time32,
    /// <summary>64-bit time of day in <see cref="ArrowType.Unit"/> (microseconds or nanoseconds) since midnight; Spark's TIME.</summary>
    Time64,
    /// <summary>
    /// Dictionary-encoded: integer indices (<see cref="ArrowType.IndexType"/>) into a dictionary of
    /// <see cref="ArrowType.ValueType"/> values sent in DictionaryBatch messages; the field's children describe the value type.
    /// </summary>
    Dictionary,
}

/// <summary>Resolution of timestamps and durations (numbering matches Arrow's TimeUnit).</summary>
public enum ArrowTimeUnit
{
    /// <summary>Seconds.</summary>
    Second,
    /// <summary>Milliseconds.</summary>
    Millisecond,
    /// <summary>Microseconds (Spark's resolution).</summary>
    Microsecond,
    /// <summary>Nanoseconds.</summary>
    Nanosecond,
}

/// <summary>Layout of an interval column (numbering matches Arrow's IntervalUnit).</summary>
public enum ArrowIntervalUnit
{
    /// <summary>32-bit months.</summary>
    YearMonth,
    /// <summary>32-bit days and 32-bit milliseconds.</summary>
    DayTime,
    /// <summary>32-bit months, 32-bit days and 64-bit nanoseconds.</summary>
    MonthDayNano,
}

/// <summary>
/// An Arrow data type and its parameters. Nested types (list, struct, map) carry their members as
/// <see cref="ArrowField.Children"/>, as Arrow's schema does.
/// </summary>
public sealed record ArrowType
{
    private ArrowType(ArrowTypeId id) => Id = id;

    /// <summary>Which type this is.</summary>
    public ArrowTypeId Id { get; }

    /// <summary>Decimal precision (total digits); 0 for other types.</summary>
    public int Precision { get; private init; }

    /// <summary>Decimal scale (digits after the point); 0 for other types.</summary>
    public int Scale { get; private init; }

    /// <summary>Unit of a timestamp or duration.</summary>
    public ArrowTimeUnit Unit { get; private init; }

    /// <summary>Time zone of a timestamp (e.g. <c>UTC</c>), or null for a zone-less timestamp.</summary>
    public string? TimeZone { get; private init; }

    /// <summary>Layout of an interval.</summary>
    public ArrowIntervalUnit IntervalUnit { get; private init; }

    /// <summary>Whether a map's keys are sorted within each entry.</summary>
    public bool KeysSorted { get; private init; }

    /// <summary>The integer type of a dictionary's indices, or null for other types.</summary>
    public ArrowType? IndexType { get; private init; }

    /// <summary>The type of a dictionary's values, or null for other types.</summary>
    public ArrowType? ValueType { get; private init; }

    /// <summary>The id naming a dictionary in the stream's DictionaryBatch messages.</summary>
    public long DictionaryId { get; private init; }

    /// <summary>Whether a dictionary's order is meaningful (its values are sorted).</summary>
    public bool Ordered { get; private init; }

    /// <summary>The null type.</summary>
    public static ArrowType Null { get; } = new(ArrowTypeId.Null);
    /// <summary>Boolean.</summary>
    public static ArrowType Boolean { get; } = new(ArrowTypeId.Boolean);
    /// <summary>Signed 8-bit integer.</summary>
    public static ArrowType Int8 { get; } = new(ArrowTypeId.Int8);
    /// <summary>Signed 16-bit integer.</summary>
    public static ArrowType Int16 { get; } = new(ArrowTypeId.Int16);
    /// <summary>Signed 32-bit integer.</summary>
    public static ArrowType Int32 { get; } = new(ArrowTypeId.Int32);
    /// <summary>Signed 64-bit integer.</summary>
    public static ArrowType Int64 { get; } = new(ArrowTypeId.Int64);
    /// <summary>Unsigned 8-bit integer.</summary>
    public static ArrowType UInt8 { get; } = new(ArrowTypeId.UInt8);
    /// <summary>Unsigned 16-bit integer.</summary>
    public static ArrowType UInt16 { get; } = new(ArrowTypeId.UInt16);
    /// <summary>Unsigned 32-bit integer.</summary>
    public static ArrowType UInt32 { get; } = new(ArrowTypeId.UInt32);
    /// <summary>Unsigned 64-bit integer.</summary>
    public static ArrowType UInt64 { get; } = new(ArrowTypeId.UInt64);
    /// <summary>Single precision float.</summary>
    public static ArrowType Float32 { get; } = new(ArrowTypeId.Float32);
    /// <summary>Double precision float.</summary>
    public static ArrowType Float64 { get; } = new(ArrowTypeId.Float64);
    /// <summary>UTF-8 string (32-bit offsets).</summary>
    public static ArrowType Utf8 { get; } = new(ArrowTypeId.Utf8);
    /// <summary>UTF-8 string (64-bit offsets).</summary>
    public static ArrowType LargeUtf8 { get; } = new(ArrowTypeId.LargeUtf8);
    /// <summary>Binary (32-bit offsets).</summary>
    public static ArrowType Binary { get; } = new(ArrowTypeId.Binary);
    /// <summary>Binary (64-bit offsets).</summary>
    public static ArrowType LargeBinary { get; } = new(ArrowTypeId.LargeBinary);
    /// <summary>Days since the epoch.</summary>
    public static ArrowType Date32 { get; } = new(ArrowTypeId.Date32);
    /// <summary>Milliseconds since the epoch.</summary>
    public static ArrowType Date64 { get; } = new(ArrowTypeId.Date64);
    /// <summary>List with 32-bit offsets (the item is the field's only child).</summary>
    public static ArrowType List { get; } = new(ArrowTypeId.List);
    /// <summary>List with 64-bit offsets (the item is the field's only child).</summary>
    public static ArrowType LargeList { get; } = new(ArrowTypeId.LargeList);
    /// <summary>Struct (members are the field's children).</summary>
    public static ArrowType Struct { get; } = new(ArrowTypeId.Struct);

    /// <summary>The largest decimal128 precision: 38 digits fit a 128-bit integer.</summary>
    public const int MaxDecimal128Precision = 38;

    /// <summary>
    /// The smallest decimal128 scale accepted: -38. Spark writes scales 0..precision, and negative ones only under
    /// its legacy flag <c>spark.sql.legacy.allowNegativeScaleOfDecimal</c>; a bound keeps every conversion that
    /// scales by powers of ten short, whatever a stream declares.
    /// </summary>
    public const int MinDecimal128Scale = -MaxDecimal128Precision;

    /// <summary>A decimal128 with the given precision (1..38) and scale (-38..precision).</summary>
    public static ArrowType Decimal128(int precision, int scale)
    {
        if (precision is < 1 or > MaxDecimal128Precision)
            throw new ArgumentOutOfRangeException(nameof(precision), precision, "Decimal128 precision must be between 1 and 38.");
        if (scale < MinDecimal128Scale || scale > precision)
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Decimal128 scale must be between -38 and the precision.");
        return new ArrowType(ArrowTypeId.Decimal128) { Precision = precision, Scale = scale };
    }

    /// <summary>A timestamp in <paramref name="unit"/>, with a time zone name or null for zone-less.</summary>
    public static ArrowType Timestamp(ArrowTimeUnit unit, string? timeZone) =>
        new(ArrowTypeId.Timestamp) { Unit = CheckUnit(unit), TimeZone = timeZone };

    /// <summary>A duration in <paramref name="unit"/>.</summary>
    public static ArrowType Duration(ArrowTimeUnit unit) => new(ArrowTypeId.Duration) { Unit = CheckUnit(unit) };

    /// <summary>An interval with the given layout.</summary>
    public static ArrowType Interval(ArrowIntervalUnit unit) =>
        Enum.IsDefined(unit) ? new(ArrowTypeId.Interval) { IntervalUnit = unit }
            : throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown interval unit.");

    /// <summary>A time of day in seconds or milliseconds (32-bit values).</summary>
    public static ArrowType Time32(ArrowTimeUnit unit) => unit is ArrowTimeUnit.Second or ArrowTimeUnit.Millisecond
        ? new(ArrowTypeId.Time32) { Unit = unit }
        : throw new ArgumentOutOfRangeException(nameof(unit), unit, "Time32 holds seconds or milliseconds; use Time64 for finer units.");

    /// <summary>A time of day in microseconds or nanoseconds (64-bit values), as Spark's TIME type arrives.</summary>
    public static ArrowType Time64(ArrowTimeUnit unit) => unit is ArrowTimeUnit.Microsecond or ArrowTimeUnit.Nanosecond
        ? new(ArrowTypeId.Time64) { Unit = unit }
        : throw new ArgumentOutOfRangeException(nameof(unit), unit, "Time64 holds microseconds or nanoseconds; use Time32 for coarser units.");

    /// <summary>A dictionary-encoded type: <paramref name="indexType"/> (an integer type) indices into <paramref name="valueType"/> values.</summary>
    public static ArrowType Dictionary(ArrowType indexType, ArrowType valueType, long id = 0, bool ordered = false)
    {
        ArgumentNullException.ThrowIfNull(indexType);
        ArgumentNullException.ThrowIfNull(valueType);
        if (indexType.Id is < ArrowTypeId.Int8 or > ArrowTypeId.UInt64)
            throw new ArgumentOutOfRangeException(nameof(indexType), indexType, "Dictionary indices must be an integer type.");
        if (valueType.Id == ArrowTypeId.Dictionary)
            throw new ArgumentOutOfRangeException(nameof(valueType), valueType, "A dictionary's values can't themselves be dictionary-encoded directly.");
        return new(ArrowTypeId.Dictionary) { IndexType = indexType, ValueType = valueType, DictionaryId = id, Ordered = ordered };
    }

    /// <summary>A map type (its entries struct is the field's only child).</summary>
    public static ArrowType Map(bool keysSorted = false) => new(ArrowTypeId.Map) { KeysSorted = keysSorted };

    /// <summary>Bytes per value for fixed-width types, 0 for others (boolean is bit-packed and reports 0).</summary>
    internal int FixedWidth => Id switch
    {
        ArrowTypeId.Int8 or ArrowTypeId.UInt8 => 1,
        ArrowTypeId.Int16 or ArrowTypeId.UInt16 => 2,
        ArrowTypeId.Int32 or ArrowTypeId.UInt32 or ArrowTypeId.Float32 or ArrowTypeId.Date32 => 4,
        ArrowTypeId.Int64 or ArrowTypeId.UInt64 or ArrowTypeId.Float64 or ArrowTypeId.Date64
            or ArrowTypeId.Timestamp or ArrowTypeId.Duration or ArrowTypeId.Time64 => 8,
        ArrowTypeId.Time32 => 4,
        ArrowTypeId.Dictionary => IndexType!.FixedWidth,
        ArrowTypeId.Decimal128 => 16,
        ArrowTypeId.Interval => IntervalUnit switch
        {
            ArrowIntervalUnit.YearMonth => 4,
            ArrowIntervalUnit.DayTime => 8,
            _ => 16,
        },
        _ => 0,
    };

    /// <summary>A short human-readable name, e.g. <c>timestamp[us, UTC]</c>.</summary>
    public override string ToString() => Id switch
    {
        ArrowTypeId.Decimal128 => $"decimal128({Precision}, {Scale})",
        ArrowTypeId.Timestamp => TimeZone is null ? $"timestamp[{UnitName(Unit)}]" : $"timestamp[{UnitName(Unit)}, {TimeZone}]",
        ArrowTypeId.Duration => $"duration[{UnitName(Unit)}]",
        ArrowTypeId.Interval => $"interval[{IntervalUnit}]",
        ArrowTypeId.Map => KeysSorted ? "map(sorted)" : "map",
        ArrowTypeId.Time32 or ArrowTypeId.Time64 => $"{Id.ToString().ToLowerInvariant()}[{UnitName(Unit)}]",
        ArrowTypeId.Dictionary => $"dictionary<{ValueType}, indices {IndexType}, id {DictionaryId}{(Ordered ? ", ordered" : "")}>",
        _ => Id.ToString().ToLowerInvariant(),
    };

    private static string UnitName(ArrowTimeUnit unit) => unit switch
    {
        ArrowTimeUnit.Second => "s",
        ArrowTimeUnit.Millisecond => "ms",
        ArrowTimeUnit.Microsecond => "us",
        _ => "ns",
    };

    private static ArrowTimeUnit CheckUnit(ArrowTimeUnit unit) =>
        Enum.IsDefined(unit) ? unit : throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time unit.");
}
