using System.Globalization;
using System.Text.RegularExpressions;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning.Functions;
using Spark.Connect.Local.Results;
using Spark.Connect.Local.Service;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;
using Kind = Spark.Connect.Protocol.DataType.KindOneofCase;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// The Spark types the resolver learns: of stored data, of literals, of cast targets, and the type both sides of a
/// set operation become. The type builders and predicates themselves are <see cref="SparkTypes"/>, shared with the
/// function catalog.
/// </summary>
internal static partial class ResolvedTypes
{
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
        Literal.LiteralTypeOneofCase.Null => literal.Null ?? SparkTypes.Null,
        Literal.LiteralTypeOneofCase.Binary => new DataType { Binary = new() },
        Literal.LiteralTypeOneofCase.Boolean => SparkTypes.Boolean,
        Literal.LiteralTypeOneofCase.Byte => new DataType { Byte = new() },
        Literal.LiteralTypeOneofCase.Short => new DataType { Short = new() },
        Literal.LiteralTypeOneofCase.Integer => new DataType { Integer = new() },
        Literal.LiteralTypeOneofCase.Long => SparkTypes.Long,
        Literal.LiteralTypeOneofCase.Float => new DataType { Float = new() },
        Literal.LiteralTypeOneofCase.Double => new DataType { Double = new() },
        Literal.LiteralTypeOneofCase.Decimal => DecimalOf(literal.Decimal),
        Literal.LiteralTypeOneofCase.String => SparkTypes.String,
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
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Bools => SparkTypes.Boolean,
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Ints => new DataType { Integer = new() },
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Longs => SparkTypes.Long,
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Floats => new DataType { Float = new() },
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Doubles => new DataType { Double = new() },
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Strings => SparkTypes.String,
        _ => throw new LocalEngineException("INVALID_PLAN", "XX000", "A specialized array literal carries no values."),
    };

    private static DataType DecimalOf(Literal.Types.Decimal value)
    {
        var (_, precision, scale) = DecimalLiteral.Parse(value);
        return SparkTypes.Decimal(value.HasPrecision ? value.Precision : precision, value.HasScale ? value.Scale : scale);
    }

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
            return SparkTypes.Decimal(match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 10,
                match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0);
        return trimmed switch
        {
            "boolean" => SparkTypes.Boolean,
            "tinyint" or "byte" => new DataType { Byte = new() },
            "smallint" or "short" => new DataType { Short = new() },
            "int" or "integer" => new DataType { Integer = new() },
            "bigint" or "long" => SparkTypes.Long,
            "float" or "real" => new DataType { Float = new() },
            "double" => new DataType { Double = new() },
            "string" => SparkTypes.String,
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

    /// <summary>
    /// The type both sides of a set operation become (Spark's widening): equal types stay; null takes the
    /// other; numbers widen (integers by size, to decimal with enough digits, to double past decimals);
    /// anything else is Spark's INCOMPATIBLE_COLUMN_TYPE.
    /// </summary>
    internal static DataType Wider(DataType left, DataType right, Func<LocalEngineException> incompatible)
    {
        if (left.Equals(right) || SparkTypes.IsNull(right)) return left;
        if (SparkTypes.IsNull(left)) return right;
        if (SparkTypes.IsFractional(left) || SparkTypes.IsFractional(right))
            return SparkTypes.IsNumeric(left) && SparkTypes.IsNumeric(right)
                ? (left.KindCase == Kind.Float && right.KindCase == Kind.Float ? left : SparkTypes.Double)
                : throw incompatible();
        if (SparkTypes.AsDecimal(left) is not null && SparkTypes.AsDecimal(right) is not null)
            return SparkTypeCoercion.WiderNumber(left, right);
        if (left.KindCase is Kind.Date && right.KindCase is Kind.Timestamp or Kind.TimestampNtz) return right;
        if (right.KindCase is Kind.Date && left.KindCase is Kind.Timestamp or Kind.TimestampNtz) return left;
        throw incompatible();
    }
}
