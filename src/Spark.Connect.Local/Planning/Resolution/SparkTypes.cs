using System.Globalization;
using System.Text.RegularExpressions;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Results;
using Spark.Connect.Local.Service;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;
using Kind = Spark.Connect.Protocol.DataType.KindOneofCase;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>Spark data types for the resolver: of stored data, of literals, of type names, and the wider of two types.</summary>
internal static partial class SparkTypes
{
    internal static DataType Boolean { get; } = new() { Boolean = new() };
    internal static DataType Long { get; } = new() { Long = new() };
    internal static DataType String { get; } = new() { String = new() };
    internal static DataType Null { get; } = new() { Null = new() };

    /// <summary>
    /// The Spark type of a DuckDB column, exactly as the Arrow results report it (unsigned integers widen,
    /// HUGEINT is decimal(38,0), TIMESTAMP is timestamp_ntz, INTERVAL a day-time interval).
    /// </summary>
    internal static DataType FromDuckDb(string column, DuckDbLogicalType type)
    {
        try
        {
            return SparkSchema.ToDataType(DuckDbArrowTypes.FieldFor(column, type, column));
        }
        catch (NotSupportedException error)
        {
            throw LocalEngineException.Unsupported($"the column '{column}' of DuckDB type {type}", error.Message);
        }
    }

    /// <summary>The Spark type of a literal.</summary>
    internal static DataType OfLiteral(Literal literal) => literal.LiteralTypeCase switch
    {
        Literal.LiteralTypeOneofCase.Null => literal.Null ?? Null,
        Literal.LiteralTypeOneofCase.Binary => new DataType { Binary = new() },
        Literal.LiteralTypeOneofCase.Boolean => Boolean,
        Literal.LiteralTypeOneofCase.Byte => new DataType { Byte = new() },
        Literal.LiteralTypeOneofCase.Short => new DataType { Short = new() },
        Literal.LiteralTypeOneofCase.Integer => new DataType { Integer = new() },
        Literal.LiteralTypeOneofCase.Long => Long,
        Literal.LiteralTypeOneofCase.Float => new DataType { Float = new() },
        Literal.LiteralTypeOneofCase.Double => new DataType { Double = new() },
        Literal.LiteralTypeOneofCase.Decimal => DecimalOf(literal.Decimal),
        Literal.LiteralTypeOneofCase.String => String,
        Literal.LiteralTypeOneofCase.Date => new DataType { Date = new() },
        Literal.LiteralTypeOneofCase.Timestamp => new DataType { Timestamp = new() },
        Literal.LiteralTypeOneofCase.TimestampNtz => new DataType { TimestampNtz = new() },
        Literal.LiteralTypeOneofCase.DayTimeInterval => new DataType { DayTimeInterval = new() { StartField = 0, EndField = 3 } },
        Literal.LiteralTypeOneofCase.YearMonthInterval => new DataType { YearMonthInterval = new() { StartField = 0, EndField = 1 } },
        Literal.LiteralTypeOneofCase.CalendarInterval => new DataType { CalendarInterval = new() },
        Literal.LiteralTypeOneofCase.Array => new DataType { Array = new() { ElementType = literal.Array.ElementType, ContainsNull = true } },
        Literal.LiteralTypeOneofCase.Map => new DataType
        {
            Map = new() { KeyType = literal.Map.KeyType, ValueType = literal.Map.ValueType, ValueContainsNull = true },
        },
        Literal.LiteralTypeOneofCase.Struct => literal.Struct.StructType,
        Literal.LiteralTypeOneofCase.SpecializedArray => new DataType { Array = new() { ElementType = SpecializedElement(literal.SpecializedArray), ContainsNull = false } },
        _ => throw LocalEngineException.Unsupported($"a literal of kind {literal.LiteralTypeCase}", "Use a literal of a boolean, numeric, string, binary, date, timestamp, interval, array, map or struct type."),
    };

    private static DataType SpecializedElement(Literal.Types.SpecializedArray array) => array.ValueTypeCase switch
    {
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Bools => Boolean,
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Ints => new DataType { Integer = new() },
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Longs => Long,
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Floats => new DataType { Float = new() },
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Doubles => new DataType { Double = new() },
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Strings => String,
        _ => throw new LocalEngineException("INVALID_PLAN", "XX000", "A specialized array literal carries no values."),
    };

    private static DataType DecimalOf(Literal.Types.Decimal value)
    {
        var (_, precision, scale) = DecimalLiteral.Parse(value);
        return Decimal(value.HasPrecision ? value.Precision : precision, value.HasScale ? value.Scale : scale);
    }

    internal static DataType Decimal(int precision, int scale) =>
        new() { Decimal = new DataType.Types.Decimal { Precision = precision, Scale = scale } };

    /// <summary>The type a cast's target names: a DataType, or a simple Spark type name as text.</summary>
    internal static DataType OfCastTarget(Expression.Types.Cast cast) => cast.CastToTypeCase switch
    {
        Expression.Types.Cast.CastToTypeOneofCase.Type => cast.Type,
        Expression.Types.Cast.CastToTypeOneofCase.TypeStr => Parse(cast.TypeStr),
        _ => throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", "A cast carries no target type."),
    };

    /// <summary>A simple Spark type name (<c>int</c>, <c>bigint</c>, <c>string</c>, <c>decimal(10,2)</c>, …).</summary>
    internal static DataType Parse(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        var match = DecimalPattern().Match(trimmed);
        if (match.Success)
            return Decimal(match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 10,
                match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0);
        return trimmed switch
        {
            "boolean" => Boolean,
            "tinyint" or "byte" => new DataType { Byte = new() },
            "smallint" or "short" => new DataType { Short = new() },
            "int" or "integer" => new DataType { Integer = new() },
            "bigint" or "long" => Long,
            "float" or "real" => new DataType { Float = new() },
            "double" => new DataType { Double = new() },
            "string" => String,
            "binary" => new DataType { Binary = new() },
            "date" => new DataType { Date = new() },
            "timestamp" or "timestamp_ltz" => new DataType { Timestamp = new() },
            "timestamp_ntz" => new DataType { TimestampNtz = new() },
            _ => throw LocalEngineException.Unsupported($"casting to the type '{text}'",
                "Send the target as a DataType, or use a simple type name (int, bigint, double, string, date, timestamp, decimal(p,s), ...)."),
        };
    }

    [GeneratedRegex(@"^(?:decimal|dec|numeric)(?:\s*\(\s*(\d{1,2})\s*(?:,\s*(\d{1,2})\s*)?\))?$")]
    private static partial Regex DecimalPattern();

    /// <summary>True for byte, short, int and long.</summary>
    internal static bool IsIntegral(DataType type) => type.KindCase is Kind.Byte or Kind.Short or Kind.Integer or Kind.Long;

    /// <summary>True for float and double.</summary>
    internal static bool IsFractional(DataType type) => type.KindCase is Kind.Float or Kind.Double;

    /// <summary>
    /// The type both sides of a set operation become (Spark's widening): equal types stay; null takes the
    /// other; numbers widen (integers by size, to decimal with enough digits, to double past decimals);
    /// anything else is Spark's INCOMPATIBLE_COLUMN_TYPE.
    /// </summary>
    internal static DataType Wider(DataType left, DataType right, Func<LocalEngineException> incompatible)
    {
        if (left.Equals(right) || right.KindCase == Kind.Null) return left;
        if (left.KindCase == Kind.Null) return right;
        if (IsIntegral(left) && IsIntegral(right))
            return IntegralRank(left) >= IntegralRank(right) ? left : right;
        if (IsFractional(left) || IsFractional(right))
            return IsNumeric(left) && IsNumeric(right)
                ? (left.KindCase == Kind.Float && right.KindCase == Kind.Float ? left : new DataType { Double = new() })
                : throw incompatible();
        if (AsDecimal(left) is { } a && AsDecimal(right) is { } b)
        {
            var scale = Math.Max(a.Scale, b.Scale);
            var integral = Math.Max(a.Precision - a.Scale, b.Precision - b.Scale);
            return Decimal(Math.Min(38, integral + scale), Math.Min(38, scale));
        }
        if (left.KindCase is Kind.Date && right.KindCase is Kind.Timestamp or Kind.TimestampNtz) return right;
        if (right.KindCase is Kind.Date && left.KindCase is Kind.Timestamp or Kind.TimestampNtz) return left;
        throw incompatible();
    }

    private static bool IsNumeric(DataType type) => IsIntegral(type) || IsFractional(type) || type.KindCase == Kind.Decimal;

    private static int IntegralRank(DataType type) => type.KindCase switch { Kind.Byte => 1, Kind.Short => 2, Kind.Integer => 3, _ => 4 };

    /// <summary>A decimal's precision and scale, with integers as the decimals Spark widens them to.</summary>
    private static (int Precision, int Scale)? AsDecimal(DataType type) => type.KindCase switch
    {
        Kind.Decimal => (type.Decimal.HasPrecision ? type.Decimal.Precision : 10, type.Decimal.HasScale ? type.Decimal.Scale : 0),
        Kind.Byte => (3, 0),
        Kind.Short => (5, 0),
        Kind.Integer => (10, 0),
        Kind.Long => (20, 0),
        _ => null,
    };

    /// <summary>Spark's simple string for a type in messages (<c>int</c>, <c>decimal(10,2)</c>, <c>array&lt;string&gt;</c>).</summary>
    internal static string SimpleString(DataType type) => type.KindCase switch
    {
        Kind.Integer => "int",
        Kind.Long => "bigint",
        Kind.Short => "smallint",
        Kind.Byte => "tinyint",
        Kind.Decimal => string.Create(CultureInfo.InvariantCulture, $"decimal({type.Decimal.Precision},{type.Decimal.Scale})"),
        Kind.Array => $"array<{SimpleString(type.Array.ElementType)}>",
        Kind.Map => $"map<{SimpleString(type.Map.KeyType)},{SimpleString(type.Map.ValueType)}>",
        Kind.Struct => "struct<" + string.Join(",", type.Struct.Fields.Select(f => f.Name + ":" + SimpleString(f.DataType))) + ">",
        Kind.TimestampNtz => "timestamp_ntz",
        _ => type.KindCase.ToString().ToLowerInvariant(),
    };
}
