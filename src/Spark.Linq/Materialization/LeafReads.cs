using System.Linq.Expressions;
using System.Reflection;
using Spark.Connect.Arrow;

namespace Spark.Linq.Materialization;

/// <summary>
/// The conversion table from an Arrow type to a whole-value CLR type: which column class to cast
/// to once per batch, and the expression reading one present value of it.
/// </summary>
internal static class LeafReads
{
    /// <summary>The typed column class the reader produces for <paramref name="type"/>, or null for types the materializer can't read.</summary>
    internal static Type? ColumnClass(ArrowType type) => type.Id switch
    {
        ArrowTypeId.Null => typeof(NullColumn),
        ArrowTypeId.Boolean => typeof(BooleanColumn),
        ArrowTypeId.Int8 => typeof(PrimitiveColumn<sbyte>),
        ArrowTypeId.Int16 => typeof(PrimitiveColumn<short>),
        ArrowTypeId.Int32 => typeof(PrimitiveColumn<int>),
        ArrowTypeId.Int64 or ArrowTypeId.Date64 => typeof(PrimitiveColumn<long>),
        ArrowTypeId.UInt8 => typeof(PrimitiveColumn<byte>),
        ArrowTypeId.UInt16 => typeof(PrimitiveColumn<ushort>),
        ArrowTypeId.UInt32 => typeof(PrimitiveColumn<uint>),
        ArrowTypeId.UInt64 => typeof(PrimitiveColumn<ulong>),
        ArrowTypeId.Float32 => typeof(PrimitiveColumn<float>),
        ArrowTypeId.Float64 => typeof(PrimitiveColumn<double>),
        ArrowTypeId.Decimal128 => typeof(Decimal128Column),
        ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 => typeof(StringColumn),
        ArrowTypeId.Binary or ArrowTypeId.LargeBinary => typeof(BinaryColumn),
        ArrowTypeId.Date32 => typeof(Date32Column),
        ArrowTypeId.Timestamp => typeof(TimestampColumn),
        ArrowTypeId.Duration => typeof(DurationColumn),
        // Spark's year-month interval: a count of months (Spark Connect's int32 year_month_interval).
        ArrowTypeId.Interval when type.IntervalUnit == ArrowIntervalUnit.YearMonth => typeof(PrimitiveColumn<int>),
        ArrowTypeId.Time32 => typeof(Time32Column),
        ArrowTypeId.Time64 => typeof(Time64Column),
        ArrowTypeId.Dictionary => typeof(DictionaryColumn),
        ArrowTypeId.List or ArrowTypeId.LargeList => typeof(ListColumn),
        ArrowTypeId.Struct => typeof(StructColumn),
        ArrowTypeId.Map => typeof(MapColumn),
        _ => null,
    };

    /// <summary>
    /// The expression converting <paramref name="raw"/>, the stored value of a present row (the
    /// integer, float, bool, <see cref="Int128"/> unscaled decimal, decoded string or bytes), to
    /// <paramref name="target"/> (not nullable), or null when the table has no such conversion.
    /// </summary>
    internal static Expression? Read(Type target, ArrowType type, Expression raw, Expression row, string path)
    {
        var pathConstant = Expression.Constant(path);
        switch (type.Id)
        {
            case ArrowTypeId.Boolean:
                return target == typeof(bool) ? raw : null;
            case >= ArrowTypeId.Int8 and <= ArrowTypeId.UInt64:
                if (target.IsEnum)
                {
                    var underlying = Enum.GetUnderlyingType(target);
                    var value = Widens(raw.Type, underlying) ? Convert(raw, underlying) : Narrow(raw, underlying, pathConstant, row);
                    return value is null ? null : Expression.Convert(value, target);
                }
                return Widens(raw.Type, target) ? Convert(raw, target) : Narrow(raw, target, pathConstant, row);
            case ArrowTypeId.Float32:
                return target == typeof(float) || target == typeof(double) ? Convert(raw, target) : null;
            case ArrowTypeId.Float64:
                return target == typeof(double) ? raw : null;
            case ArrowTypeId.Decimal128:
                if (target == typeof(decimal)) return Helper(nameof(ColumnReads.Decimal), raw, Expression.Constant(type.Scale), pathConstant, row);
                return target == typeof(ulong) || target == typeof(long)
                    ? Expression.Call(Method(nameof(ColumnReads.DecimalToInteger)).MakeGenericMethod(target), raw, Expression.Constant(type.Scale), pathConstant, row)
                    : null;
            case ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8:
                if (target == typeof(string)) return raw;
                if (target == typeof(char)) return Helper(nameof(ColumnReads.Char), raw, pathConstant, row);
                if (target == typeof(Guid)) return Helper(nameof(ColumnReads.Guid), raw, pathConstant, row);
                if (target.IsEnum)
                    return Expression.Call(Method(nameof(ColumnReads.EnumName)).MakeGenericMethod(target), raw, pathConstant, row);
                return null;
            case ArrowTypeId.Binary or ArrowTypeId.LargeBinary:
                return target == typeof(byte[]) ? raw : null;
            case ArrowTypeId.Date32:
                if (target == typeof(DateOnly)) return Helper(nameof(ColumnReads.Date32), raw, pathConstant, row);
                if (target == typeof(DateTime)) return Helper(nameof(ColumnReads.Date32AsDateTime), raw, pathConstant, row);
                return null;
            case ArrowTypeId.Date64:
                if (target == typeof(DateTime)) return Helper(nameof(ColumnReads.Date64), raw, pathConstant, row);
                if (target == typeof(DateOnly)) return Helper(nameof(ColumnReads.Date64AsDateOnly), raw, pathConstant, row);
                return null;
            case ArrowTypeId.Timestamp:
            {
                var unit = Expression.Constant(type.Unit);
                if (target == typeof(DateTime))
                {
                    // Zone-less timestamps (Spark's timestamp_ntz) are wall-clock values, not instants.
                    var kind = Expression.Constant(type.TimeZone is null ? DateTimeKind.Unspecified : DateTimeKind.Utc);
                    return Helper(nameof(ColumnReads.Timestamp), raw, unit, kind, pathConstant, row);
                }
                return target == typeof(DateTimeOffset) && type.TimeZone is not null
                    ? Helper(nameof(ColumnReads.TimestampOffset), raw, unit, pathConstant, row)
                    : null;
            }
            case ArrowTypeId.Duration:
                return target == typeof(TimeSpan) ? Helper(nameof(ColumnReads.Duration), raw, Expression.Constant(type.Unit), pathConstant, row) : null;
            case ArrowTypeId.Interval when type.IntervalUnit == ArrowIntervalUnit.YearMonth:
                // .NET has no months-long span (TimeSpan is fixed-length), so the value is its total months, as Spark stores it.
                return target == typeof(int) || target == typeof(long) ? Convert(raw, target) : null;
            case ArrowTypeId.Time32 or ArrowTypeId.Time64:
            {
                // Spark's TIME is a time of day: TimeOnly; TimeSpan (time since midnight) is accepted too. The reader
                // checked every value lies within one day, so neither conversion can fail.
                var ticks = Helper(nameof(ColumnReads.TimeTicks), Convert(raw, typeof(long)), Expression.Constant(type.Unit));
                if (target == typeof(TimeOnly)) return Expression.New(typeof(TimeOnly).GetConstructor([typeof(long)])!, ticks);
                return target == typeof(TimeSpan) ? Expression.New(typeof(TimeSpan).GetConstructor([typeof(long)])!, ticks) : null;
            }
            default:
                return null;
        }
    }

    /// <summary>
    /// A checked conversion from a signed integer column to an integer member it does not always fit
    /// (byte from Spark's smallint, ushort from int, uint from bigint, or any narrower type), or null
    /// for non-integer targets.
    /// </summary>
    private static Expression? Narrow(Expression raw, Type target, Expression path, Expression row) =>
        // A uint64 column beyond long's range can't pass through long; such columns only widen.
        IntegerShape(target).Bits == 0 || IntegerShape(raw.Type).Bits == 0 || raw.Type == typeof(ulong)
            ? null
            : Expression.Call(Method(nameof(ColumnReads.NarrowInteger)).MakeGenericMethod(target), Convert(raw, typeof(long)), path, row);

    /// <summary>Whether every value of integer type <paramref name="source"/> converts exactly to <paramref name="target"/>.</summary>
    private static bool Widens(Type source, Type target)
    {
        if (source == target)
            return true;
        // double is exact up to 2^53 only; accepted because the user asked for a double.
        if (target == typeof(decimal) || target == typeof(double))
            return true;
        var (sourceSigned, sourceBits) = IntegerShape(source);
        var (targetSigned, targetBits) = IntegerShape(target);
        if (targetBits == 0)
            return false;
        return sourceSigned ? targetSigned && targetBits >= sourceBits : targetSigned ? targetBits > sourceBits : targetBits >= sourceBits;
    }

    private static (bool Signed, int Bits) IntegerShape(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.SByte => (true, 8),
        TypeCode.Int16 => (true, 16),
        TypeCode.Int32 => (true, 32),
        TypeCode.Int64 => (true, 64),
        TypeCode.Byte => (false, 8),
        TypeCode.UInt16 => (false, 16),
        TypeCode.UInt32 => (false, 32),
        TypeCode.UInt64 => (false, 64),
        _ => (false, 0),
    };

    private static Expression Convert(Expression value, Type target) => value.Type == target ? value : Expression.Convert(value, target);

    private static MethodCallExpression Helper(string name, params Expression[] arguments) => Expression.Call(Method(name), arguments);

    private static MethodInfo Method(string name) =>
        typeof(ColumnReads).GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException($"ColumnReads.{name} is missing.");
}
