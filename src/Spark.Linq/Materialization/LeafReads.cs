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
        ArrowTypeId.List or ArrowTypeId.LargeList => typeof(ListColumn),
        ArrowTypeId.Struct => typeof(StructColumn),
        ArrowTypeId.Map => typeof(MapColumn),
        _ => null,
    };

    /// <summary>
    /// The expression reading a present value of <paramref name="column"/> at <paramref name="row"/> as
    /// <paramref name="target"/> (not nullable), or null when the table has no such conversion.
    /// </summary>
    internal static Expression? Read(Type target, ArrowType type, ParameterExpression column, Expression row, string path)
    {
        var pathConstant = Expression.Constant(path);
        switch (type.Id)
        {
            case ArrowTypeId.Boolean:
                return target == typeof(bool) ? Expression.Call(column, nameof(BooleanColumn.GetValue), null, row) : null;
            case >= ArrowTypeId.Int8 and <= ArrowTypeId.UInt64:
            {
                var source = column.Type.GetGenericArguments()[0];
                var value = Expression.Call(column, nameof(PrimitiveColumn<int>.GetValue), null, row);
                if (target.IsEnum)
                    return Widens(source, Enum.GetUnderlyingType(target)) ? Expression.Convert(Expression.Convert(value, Enum.GetUnderlyingType(target)), target) : null;
                return Widens(source, target) ? Convert(value, target) : null;
            }
            case ArrowTypeId.Float32:
                return target == typeof(float) || target == typeof(double)
                    ? Convert(Expression.Call(column, nameof(PrimitiveColumn<float>.GetValue), null, row), target)
                    : null;
            case ArrowTypeId.Float64:
                return target == typeof(double) ? Expression.Call(column, nameof(PrimitiveColumn<double>.GetValue), null, row) : null;
            case ArrowTypeId.Decimal128:
                return target == typeof(decimal) ? Helper(nameof(ColumnReads.Decimal), column, row, Expression.Constant(type.Scale), pathConstant) : null;
            case ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8:
                if (target == typeof(string)) return Helper(nameof(ColumnReads.Utf8), column, row);
                if (target == typeof(char)) return Helper(nameof(ColumnReads.Char), column, row, pathConstant);
                if (target == typeof(Guid)) return Helper(nameof(ColumnReads.Guid), column, row, pathConstant);
                if (target.IsEnum)
                    return Expression.Call(Method(nameof(ColumnReads.EnumName)).MakeGenericMethod(target), column, row, pathConstant);
                return null;
            case ArrowTypeId.Binary or ArrowTypeId.LargeBinary:
                return target == typeof(byte[]) ? Helper(nameof(ColumnReads.Bytes), column, row) : null;
            case ArrowTypeId.Date32:
                if (target == typeof(DateOnly)) return Helper(nameof(ColumnReads.Date32), column, row, pathConstant);
                if (target == typeof(DateTime)) return Helper(nameof(ColumnReads.Date32AsDateTime), column, row, pathConstant);
                return null;
            case ArrowTypeId.Date64:
                if (target == typeof(DateTime)) return Helper(nameof(ColumnReads.Date64), column, row, pathConstant);
                if (target == typeof(DateOnly)) return Helper(nameof(ColumnReads.Date64AsDateOnly), column, row, pathConstant);
                return null;
            case ArrowTypeId.Timestamp:
            {
                var unit = Expression.Constant(type.Unit);
                if (target == typeof(DateTime))
                {
                    // Zone-less timestamps (Spark's timestamp_ntz) are wall-clock values, not instants.
                    var kind = Expression.Constant(type.TimeZone is null ? DateTimeKind.Unspecified : DateTimeKind.Utc);
                    return Helper(nameof(ColumnReads.Timestamp), column, row, unit, kind, pathConstant);
                }
                return target == typeof(DateTimeOffset) && type.TimeZone is not null
                    ? Helper(nameof(ColumnReads.TimestampOffset), column, row, unit, pathConstant)
                    : null;
            }
            case ArrowTypeId.Duration:
                return target == typeof(TimeSpan) ? Helper(nameof(ColumnReads.Duration), column, row, Expression.Constant(type.Unit), pathConstant) : null;
            default:
                return null;
        }
    }

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
