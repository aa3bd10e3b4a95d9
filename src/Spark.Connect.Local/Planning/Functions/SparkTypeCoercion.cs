using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's (ANSI) common-type rules: the type <c>coalesce</c>, <c>when</c>, <c>greatest</c>, <c>array</c>
/// and comparisons convert their arguments to. Numbers widen (byte &lt; short &lt; int &lt; long &lt; float &lt;
/// double, decimals to the decimal that holds both), a string meeting an integer becomes a bigint, a
/// fraction a double and another atomic type that type; a date meeting a timestamp becomes the timestamp.
/// </summary>
internal static class SparkTypeCoercion
{
    private static readonly DataType.KindOneofCase[] NumericPrecedence =
    [
        DataType.KindOneofCase.Byte, DataType.KindOneofCase.Short, DataType.KindOneofCase.Integer,
        DataType.KindOneofCase.Long, DataType.KindOneofCase.Float, DataType.KindOneofCase.Double,
    ];

    /// <summary>The common type of all <paramref name="types"/>, or null when Spark has none.</summary>
    public static DataType? Wider(IEnumerable<DataType> types)
    {
        DataType? result = null;
        foreach (var type in types)
        {
            result = result is null ? type : Wider(result, type);
            if (result is null) return null;
        }
        return result;
    }

    /// <summary>The common type of <paramref name="a"/> and <paramref name="b"/>, or null when Spark has none.</summary>
    public static DataType? Wider(DataType a, DataType b)
    {
        if (SameType(a, b)) return a;
        if (SparkTypes.IsNull(a)) return b;
        if (SparkTypes.IsNull(b)) return a;
        if (SparkTypes.IsNumeric(a) && SparkTypes.IsNumeric(b)) return WiderNumber(a, b);
        if (SparkTypes.IsString(a) && SparkTypes.IsString(b)) return SparkTypes.String;
        if (SparkTypes.IsString(a)) return StringMeets(b);
        if (SparkTypes.IsString(b)) return StringMeets(a);
        if (SparkTypes.IsDatetime(a) && SparkTypes.IsDatetime(b))
            return a.KindCase == DataType.KindOneofCase.Timestamp || b.KindCase == DataType.KindOneofCase.Timestamp
                ? SparkTypes.Timestamp : SparkTypes.TimestampNtz;
        if (a.KindCase == b.KindCase)
        {
            switch (a.KindCase)
            {
                case DataType.KindOneofCase.Array:
                    return Wider(a.Array.ElementType, b.Array.ElementType) is { } element
                        ? SparkTypes.ArrayOf(element, a.Array.ContainsNull || b.Array.ContainsNull) : null;
                case DataType.KindOneofCase.DayTimeInterval:
                    return SparkTypes.DayTimeInterval(Math.Min(a.DayTimeInterval.StartField, b.DayTimeInterval.StartField),
                        Math.Max(a.DayTimeInterval.EndField, b.DayTimeInterval.EndField));
                case DataType.KindOneofCase.YearMonthInterval:
                    return SparkTypes.YearMonthInterval;
            }
        }
        return null;
    }

    /// <summary>True when the types are equal ignoring nullability flags inside arrays, maps and structs.</summary>
    public static bool SameType(DataType a, DataType b) => Canonical(a).Equals(Canonical(b));

    /// <summary>The wider of two numbers: decimals against integers stay decimal, against fractions become double.</summary>
    public static DataType WiderNumber(DataType a, DataType b)
    {
        if (SparkTypes.IsDecimal(a) || SparkTypes.IsDecimal(b))
        {
            if (SparkTypes.IsFractional(a) || SparkTypes.IsFractional(b)) return SparkTypes.Double;
            var (x, y) = (SparkTypes.AsDecimal(a)!.Value, SparkTypes.AsDecimal(b)!.Value);
            var scale = Math.Max(x.S, y.S);
            var integral = Math.Max(x.P - x.S, y.P - y.S);
            return SparkTypes.Decimal(Math.Min(integral + scale, DecimalMath.MaxPrecision), scale);
        }
        return Array.IndexOf(NumericPrecedence, a.KindCase) >= Array.IndexOf(NumericPrecedence, b.KindCase) ? a : b;
    }

    private static DataType? StringMeets(DataType other) => other switch
    {
        _ when SparkTypes.IsIntegral(other) => SparkTypes.Long,
        _ when SparkTypes.IsFractional(other) => SparkTypes.Double,
        _ when SparkTypes.IsAnsiInterval(other) => null,
        _ when SparkTypes.CastsToString(other) => other,
        _ => null,
    };

    private static DataType Canonical(DataType type)
    {
        var copy = type.Clone();
        Strip(copy);
        return copy;
    }

    private static void Strip(DataType type)
    {
        switch (type.KindCase)
        {
            case DataType.KindOneofCase.Array:
                type.Array.ContainsNull = true;
                Strip(type.Array.ElementType);
                break;
            case DataType.KindOneofCase.Map:
                type.Map.ValueContainsNull = true;
                Strip(type.Map.KeyType);
                Strip(type.Map.ValueType);
                break;
            case DataType.KindOneofCase.Struct:
                foreach (var field in type.Struct.Fields)
                {
                    field.Nullable = true;
                    Strip(field.DataType);
                }
                break;
            case DataType.KindOneofCase.Char or DataType.KindOneofCase.VarChar:
                type.String = new DataType.Types.String();
                break;
        }
    }
}
