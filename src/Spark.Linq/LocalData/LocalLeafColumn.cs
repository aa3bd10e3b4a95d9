using Spark.Connect.Arrow;

namespace Spark.Linq.LocalData;

/// <summary>How a CLR scalar is stored in a local-data column (the Arrow type Spark reads it as).</summary>
internal enum LeafKind
{
    Boolean, Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64, Float32, Float64, Decimal, String, Char, Guid,
    DateTime, DateTimeOffset, DateOnly, TimeSpan, Binary,

    /// <summary>An enum member marked <c>[Column(TypeName = "string")]</c>: its name, as queries compare it.</summary>
    EnumName,
}

/// <summary>
/// A scalar column of local data. Unsigned integers widen to the next signed type (Spark has no
/// unsigned types; ulong becomes decimal(20,0)); enums are written as their underlying integer.
/// Decimals and DateTimes look at the data first: the decimal scale is the largest scale present
/// (precision 38) unless the member declares <c>[Column(TypeName = "decimal(p,s)")]</c>, and DateTimes are zone-less
/// timestamps only when every value is Unspecified.
/// </summary>
internal sealed class LocalLeafColumn(LeafKind kind, Type clrType, string path, (int Precision, int Scale)? declaredDecimal = null)
    : LocalColumn(clrType, path)
{
    private const int MaxPrecision = 38;
    private int _decimalScale = -1;
    private int _decimalIntegerDigits;
    private bool _sawZoned;
    private bool _sawUnspecified;

    public static LeafKind? KindOf(Type type)
    {
        if (type.IsEnum) type = Enum.GetUnderlyingType(type);
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => LeafKind.Boolean,
            TypeCode.SByte => LeafKind.Int8,
            TypeCode.Int16 => LeafKind.Int16,
            TypeCode.Int32 => LeafKind.Int32,
            TypeCode.Int64 => LeafKind.Int64,
            TypeCode.Byte => LeafKind.UInt8,
            TypeCode.UInt16 => LeafKind.UInt16,
            TypeCode.UInt32 => LeafKind.UInt32,
            TypeCode.UInt64 => LeafKind.UInt64,
            TypeCode.Single => LeafKind.Float32,
            TypeCode.Double => LeafKind.Float64,
            TypeCode.Decimal => LeafKind.Decimal,
            TypeCode.String => LeafKind.String,
            TypeCode.Char => LeafKind.Char,
            TypeCode.DateTime => LeafKind.DateTime,
            _ when type == typeof(Guid) => LeafKind.Guid,
            _ when type == typeof(DateTimeOffset) => LeafKind.DateTimeOffset,
            _ when type == typeof(DateOnly) => LeafKind.DateOnly,
            _ when type == typeof(TimeSpan) => LeafKind.TimeSpan,
            _ when type == typeof(byte[]) => LeafKind.Binary,
            _ => null,
        };
    }

    public override void Observe(object? value)
    {
        switch (value)
        {
            case decimal d when declaredDecimal is { } declared:
                CheckFits(d, declared.Precision, declared.Scale);
                break;
            case decimal d:
                _decimalScale = Math.Max(_decimalScale, d.Scale);
                _decimalIntegerDigits = Math.Max(_decimalIntegerDigits, IntegerDigits(d));
                if (_decimalIntegerDigits + Math.Max(_decimalScale, 0) > MaxPrecision)
                    throw new ArgumentException(
                        $"CreateDataFrame: the decimals of '{Path}' need {_decimalIntegerDigits} integer and {_decimalScale} fractional digits, " +
                        $"more than Spark's {MaxPrecision}. Round the values (decimal.Round) to fewer fractional digits.");
                break;
            case DateTime t when t.Kind == DateTimeKind.Unspecified:
                _sawUnspecified = true;
                break;
            case DateTime:
                _sawZoned = true;
                break;
        }
        if (_sawZoned && _sawUnspecified)
            throw new ArgumentException(
                $"CreateDataFrame: '{Path}' mixes DateTimes of kind Unspecified with Utc/Local ones, so it is neither a timestamp nor a " +
                "timestamp_ntz column. Give every value the same kind (DateTime.SpecifyKind).");
    }

    public override ArrowField Field(string name) => new(name, ArrowTypeOf(), Nullable);

    private ArrowType ArrowTypeOf() => kind switch
    {
        LeafKind.Boolean => ArrowType.Boolean,
        LeafKind.Int8 => ArrowType.Int8,
        LeafKind.Int16 or LeafKind.UInt8 => ArrowType.Int16,
        LeafKind.Int32 or LeafKind.UInt16 => ArrowType.Int32,
        LeafKind.Int64 or LeafKind.UInt32 => ArrowType.Int64,
        LeafKind.UInt64 => ArrowType.Decimal128(20, 0),
        LeafKind.Float32 => ArrowType.Float32,
        LeafKind.Float64 => ArrowType.Float64,
        LeafKind.Decimal when declaredDecimal is { } declared => ArrowType.Decimal128(declared.Precision, declared.Scale),
        // No value seen: Spark's default decimal(38,18).
        LeafKind.Decimal => ArrowType.Decimal128(MaxPrecision, _decimalScale < 0 ? 18 : _decimalScale),
        LeafKind.String or LeafKind.Char or LeafKind.Guid or LeafKind.EnumName => ArrowType.Utf8,
        LeafKind.DateTime => ArrowType.Timestamp(ArrowTimeUnit.Microsecond, _sawUnspecified ? null : "UTC"),
        LeafKind.DateTimeOffset => ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC"),
        LeafKind.DateOnly => ArrowType.Date32,
        LeafKind.TimeSpan => ArrowType.Duration(ArrowTimeUnit.Microsecond),
        _ => ArrowType.Binary,
    };

    public override void Append(ArrowColumnBuilder builder, object? value)
    {
        if (value is null)
        {
            builder.AppendNull();
            return;
        }
        if (kind == LeafKind.EnumName)
        {
            ((Utf8Builder)builder).Append(value.ToString()!);
            return;
        }
        if (value is Enum) value = Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture);
        switch (kind)
        {
            case LeafKind.Boolean: ((BooleanBuilder)builder).Append((bool)value); break;
            case LeafKind.Int8: ((PrimitiveBuilder<sbyte>)builder).Append((sbyte)value); break;
            case LeafKind.Int16: ((PrimitiveBuilder<short>)builder).Append((short)value); break;
            case LeafKind.UInt8: ((PrimitiveBuilder<short>)builder).Append((byte)value); break;
            case LeafKind.Int32: ((PrimitiveBuilder<int>)builder).Append((int)value); break;
            case LeafKind.UInt16: ((PrimitiveBuilder<int>)builder).Append((ushort)value); break;
            case LeafKind.Int64: ((PrimitiveBuilder<long>)builder).Append((long)value); break;
            case LeafKind.UInt32: ((PrimitiveBuilder<long>)builder).Append((uint)value); break;
            case LeafKind.UInt64: ((Decimal128Builder)builder).AppendUnscaled((ulong)value); break;
            case LeafKind.Float32: ((PrimitiveBuilder<float>)builder).Append((float)value); break;
            case LeafKind.Float64: ((PrimitiveBuilder<double>)builder).Append((double)value); break;
            case LeafKind.Decimal: ((Decimal128Builder)builder).Append((decimal)value); break;
            case LeafKind.String: ((Utf8Builder)builder).Append((string)value); break;
            case LeafKind.Char: ((Utf8Builder)builder).Append(((char)value).ToString()); break;
            case LeafKind.Guid: ((Utf8Builder)builder).Append(((Guid)value).ToString("D")); break;
            case LeafKind.DateTime: ((TimestampBuilder)builder).Append(Timestamp((DateTime)value)); break;
            case LeafKind.DateTimeOffset: ((TimestampBuilder)builder).Append((DateTimeOffset)value); break;
            case LeafKind.DateOnly: ((Date32Builder)builder).Append((DateOnly)value); break;
            case LeafKind.TimeSpan: ((DurationBuilder)builder).Append((TimeSpan)value); break;
            default: ((BinaryBuilder)builder).Append((byte[])value); break;
        }
    }

    // Zone-less values keep their wall clock; Utc and Local ones are instants.
    private static DateTimeOffset Timestamp(DateTime value) => value.Kind switch
    {
        DateTimeKind.Unspecified => new DateTimeOffset(value.Ticks, TimeSpan.Zero),
        _ => new DateTimeOffset(value.ToUniversalTime()),
    };

    private static int IntegerDigits(decimal value)
    {
        var integer = decimal.Truncate(decimal.Abs(value));
        var digits = 0;
        while (integer >= 1)
        {
            integer = decimal.Truncate(integer / 10);
            digits++;
        }
        return digits;
    }

    /// <summary>A value of a member declared decimal(p,s) must be exact in it: Spark would not round it for us.</summary>
    private void CheckFits(decimal value, int precision, int scale)
    {
        if (decimal.Round(value, scale) != value)
            throw new ArgumentException(
                $"CreateDataFrame: {value} in '{Path}' has more than the {scale} decimal places its [Column(TypeName = \"decimal({precision},{scale})\")] " +
                "allows. Round it (decimal.Round) or widen the declared scale.");
        if (IntegerDigits(value) > precision - scale)
            throw new ArgumentException(
                $"CreateDataFrame: {value} in '{Path}' has more integer digits than decimal({precision},{scale}) holds ({precision - scale}). " +
                "Widen the declared precision.");
    }
}
