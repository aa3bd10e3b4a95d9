using Apache.Arrow;
using Apache.Arrow.Types;
using Spark.Connect.Arrow;
using OurTimeUnit = Spark.Connect.Arrow.ArrowTimeUnit;
using OurTypeId = Spark.Connect.Arrow.ArrowTypeId;

namespace Spark.Connect.ApacheArrow;

/// <summary>Our schema vocabulary in Apache.Arrow's: one Apache.Arrow type per <see cref="OurTypeId"/>, parameters kept.</summary>
internal static class ApacheArrowTypes
{
    internal static Schema ToSchema(ArrowSchema schema) => new(schema.Fields.Select(ToField), metadata: null);

    internal static Field ToField(ArrowField field) => new(field.Name, ToType(field), field.Nullable);

    internal static IArrowType ToType(ArrowField field)
    {
        var type = field.Type;
        return type.Id switch
        {
            OurTypeId.Null => NullType.Default,
            OurTypeId.Boolean => BooleanType.Default,
            OurTypeId.Int8 => Int8Type.Default,
            OurTypeId.Int16 => Int16Type.Default,
            OurTypeId.Int32 => Int32Type.Default,
            OurTypeId.Int64 => Int64Type.Default,
            OurTypeId.UInt8 => UInt8Type.Default,
            OurTypeId.UInt16 => UInt16Type.Default,
            OurTypeId.UInt32 => UInt32Type.Default,
            OurTypeId.UInt64 => UInt64Type.Default,
            OurTypeId.Float32 => FloatType.Default,
            OurTypeId.Float64 => DoubleType.Default,
            OurTypeId.Decimal128 => new Decimal128Type(type.Precision, type.Scale),
            OurTypeId.Utf8 => StringType.Default,
            OurTypeId.LargeUtf8 => LargeStringType.Default,
            OurTypeId.Binary => BinaryType.Default,
            OurTypeId.LargeBinary => LargeBinaryType.Default,
            OurTypeId.Date32 => Date32Type.Default,
            OurTypeId.Date64 => Date64Type.Default,
            OurTypeId.Timestamp => new TimestampType(Unit(type.Unit), type.TimeZone),
            OurTypeId.Duration => DurationType.FromTimeUnit(Unit(type.Unit)),
            OurTypeId.Interval => IntervalType.FromIntervalUnit(type.IntervalUnit switch
            {
                ArrowIntervalUnit.YearMonth => IntervalUnit.YearMonth,
                ArrowIntervalUnit.DayTime => IntervalUnit.DayTime,
                _ => IntervalUnit.MonthDayNanosecond,
            }),
            OurTypeId.List => new ListType(ToField(field.Children[0])),
            OurTypeId.LargeList => new LargeListType(ToField(field.Children[0])),
            OurTypeId.Struct => new StructType(field.Children.Select(ToField).ToList()),
            OurTypeId.Map => new MapType(ToField(field.Children[0]), type.KeysSorted),
            OurTypeId.Time32 => new Time32Type(Unit(type.Unit)),
            OurTypeId.Time64 => new Time64Type(Unit(type.Unit)),
            OurTypeId.Dictionary => new DictionaryType(ToType(new ArrowField(field.Name, type.IndexType!)), ToType(field.DictionaryValueField()), type.Ordered),
            _ => throw new NotSupportedException($"Arrow type {type} of field '{field.Name}' has no Apache.Arrow counterpart here."),
        };
    }

    private static TimeUnit Unit(OurTimeUnit unit) => unit switch
    {
        OurTimeUnit.Second => TimeUnit.Second,
        OurTimeUnit.Millisecond => TimeUnit.Millisecond,
        OurTimeUnit.Microsecond => TimeUnit.Microsecond,
        _ => TimeUnit.Nanosecond,
    };
}
