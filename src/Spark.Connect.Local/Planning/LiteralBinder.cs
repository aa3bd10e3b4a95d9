using System.Globalization;
using System.Numerics;
using Spark.Connect.Local.DuckDb;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning;

/// <summary>
/// The one place a Spark literal meets DuckDB. <see cref="Render"/> writes SQL that only holds placeholders,
/// type names and fixed keywords: each scalar becomes <c>CAST($n AS type)</c> (so its type is known when the
/// statement is prepared) and nested values are built from bound scalars. <see cref="Bind"/> later binds
/// each scalar through the prepared statement's typed bind calls, so no value is ever parsed as SQL.
/// </summary>
internal static class LiteralBinder
{
    /// <summary>DuckDB SQL for <paramref name="literal"/>, registering its scalars as parameters of <paramref name="context"/>.</summary>
    internal static string Render(Literal literal, PlanningContext context) => literal.LiteralTypeCase switch
    {
        // Spark's untyped null (NullType) stays a bare NULL so DuckDB types it from its context, as Spark does.
        Literal.LiteralTypeOneofCase.Null when literal.Null.KindCase is DataType.KindOneofCase.Null or DataType.KindOneofCase.None => "NULL",
        Literal.LiteralTypeOneofCase.Null => $"CAST(NULL AS {DuckDbTypeNames.FromSpark(literal.Null)})",
        Literal.LiteralTypeOneofCase.Array => RenderArray(literal, context),
        Literal.LiteralTypeOneofCase.SpecializedArray => RenderArray(literal, context),
        Literal.LiteralTypeOneofCase.Map => RenderMap(literal.Map, context),
        Literal.LiteralTypeOneofCase.Struct => RenderStruct(literal, context),
        Literal.LiteralTypeOneofCase.Timestamp =>
            // A Spark TIMESTAMP is an instant: bind the UTC wall time and mark it as UTC.
            $"timezone('UTC', CAST({context.AddParameter(literal)} AS TIMESTAMP))",
        _ => $"CAST({context.AddParameter(CheckRange(literal))} AS {ScalarType(literal)})",
    };

    /// <summary>Byte and short literals travel as int32 on the wire; a value outside their range is refused while planning, not at bind time.</summary>
    private static Literal CheckRange(Literal literal)
    {
        var (value, min, max, kind) = literal.LiteralTypeCase switch
        {
            Literal.LiteralTypeOneofCase.Byte => (literal.Byte, (int)sbyte.MinValue, (int)sbyte.MaxValue, "byte"),
            Literal.LiteralTypeOneofCase.Short => (literal.Short, (int)short.MinValue, (int)short.MaxValue, "short"),
            _ => (0, 0, 0, ""),
        };
        if (value < min || value > max)
            throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023",
                $"The {kind} literal {value} is outside the {kind} range {min}..{max}.");
        return literal;
    }

    /// <summary>The DuckDB type of a literal (scalar or nested), for CASTs and empty collections.</summary>
    internal static string TypeOf(Literal literal) => literal.LiteralTypeCase switch
    {
        Literal.LiteralTypeOneofCase.Null => DuckDbTypeNames.FromSpark(literal.Null),
        Literal.LiteralTypeOneofCase.Array or Literal.LiteralTypeOneofCase.SpecializedArray => ElementType(literal) + "[]",
        Literal.LiteralTypeOneofCase.Map => $"MAP({MapType(literal.Map.KeyType, literal.Map.Keys)}, {MapType(literal.Map.ValueType, literal.Map.Values)})",
        Literal.LiteralTypeOneofCase.Struct => StructType(literal),
        Literal.LiteralTypeOneofCase.Timestamp => "TIMESTAMPTZ",
        _ => ScalarType(literal),
    };

    /// <summary>Binds one scalar parameter (as registered by <see cref="Render"/>) at 1-based <paramref name="index"/>.</summary>
    internal static void Bind(DuckDbPreparedStatement statement, int index, Literal literal)
    {
        switch (literal.LiteralTypeCase)
        {
            case Literal.LiteralTypeOneofCase.Binary: statement.Bind(index, literal.Binary.Span); break;
            case Literal.LiteralTypeOneofCase.Boolean: statement.Bind(index, literal.Boolean); break;
            case Literal.LiteralTypeOneofCase.Byte: statement.Bind(index, checked((sbyte)literal.Byte)); break;
            case Literal.LiteralTypeOneofCase.Short: statement.Bind(index, checked((short)literal.Short)); break;
            case Literal.LiteralTypeOneofCase.Integer: statement.Bind(index, literal.Integer); break;
            case Literal.LiteralTypeOneofCase.Long: statement.Bind(index, literal.Long); break;
            case Literal.LiteralTypeOneofCase.Float: statement.Bind(index, literal.Float); break;
            case Literal.LiteralTypeOneofCase.Double: statement.Bind(index, literal.Double); break;
            case Literal.LiteralTypeOneofCase.Decimal:
                var (unscaled, precision, scale) = DecimalLiteral.Parse(literal.Decimal);
                statement.BindDecimal(index, unscaled, (byte)precision, (byte)scale);
                break;
            case Literal.LiteralTypeOneofCase.String: statement.Bind(index, literal.String); break;
            case Literal.LiteralTypeOneofCase.Date: statement.BindDate(index, literal.Date); break;
            case Literal.LiteralTypeOneofCase.Timestamp: statement.BindTimestamp(index, literal.Timestamp); break;
            case Literal.LiteralTypeOneofCase.TimestampNtz: statement.BindTimestamp(index, literal.TimestampNtz); break;
            case Literal.LiteralTypeOneofCase.YearMonthInterval: statement.Bind(index, new DuckDbInterval(literal.YearMonthInterval, 0, 0)); break;
            case Literal.LiteralTypeOneofCase.DayTimeInterval: statement.Bind(index, new DuckDbInterval(0, 0, literal.DayTimeInterval)); break;
            case Literal.LiteralTypeOneofCase.CalendarInterval:
                var interval = literal.CalendarInterval;
                statement.Bind(index, new DuckDbInterval(interval.Months, interval.Days, interval.Microseconds));
                break;
            default:
                throw new InvalidOperationException($"Literal kind {literal.LiteralTypeCase} is not a scalar parameter.");
        }
    }

    private static string ScalarType(Literal literal) => literal.LiteralTypeCase switch
    {
        Literal.LiteralTypeOneofCase.Binary => "BLOB",
        Literal.LiteralTypeOneofCase.Boolean => "BOOLEAN",
        Literal.LiteralTypeOneofCase.Byte => "TINYINT",
        Literal.LiteralTypeOneofCase.Short => "SMALLINT",
        Literal.LiteralTypeOneofCase.Integer => "INTEGER",
        Literal.LiteralTypeOneofCase.Long => "BIGINT",
        Literal.LiteralTypeOneofCase.Float => "FLOAT",
        Literal.LiteralTypeOneofCase.Double => "DOUBLE",
        Literal.LiteralTypeOneofCase.Decimal => DecimalType(literal.Decimal),
        Literal.LiteralTypeOneofCase.String => "VARCHAR",
        Literal.LiteralTypeOneofCase.Date => "DATE",
        Literal.LiteralTypeOneofCase.TimestampNtz => "TIMESTAMP",
        Literal.LiteralTypeOneofCase.YearMonthInterval or Literal.LiteralTypeOneofCase.DayTimeInterval
            or Literal.LiteralTypeOneofCase.CalendarInterval => "INTERVAL",
        _ => throw LocalEngineException.Unsupported($"the literal kind '{literal.LiteralTypeCase}'",
            "Use a boolean, numeric, decimal, string, binary, date, timestamp, interval, array, map or struct literal."),
    };

    private static string DecimalType(Literal.Types.Decimal value)
    {
        var (_, precision, scale) = DecimalLiteral.Parse(value);
        return DuckDbTypeNames.Decimal(precision, scale);
    }

    private static string RenderArray(Literal literal, PlanningContext context)
    {
        var elements = Elements(literal);
        return $"CAST([{string.Join(", ", elements.Select(e => Render(e, context)))}] AS {ElementType(literal)}[])";
    }

    private static string RenderMap(Literal.Types.Map map, PlanningContext context)
    {
        if (map.Keys.Count != map.Values.Count)
            throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023",
                $"A map literal has {map.Keys.Count} keys but {map.Values.Count} values; they must pair up.");
        var keys = string.Join(", ", map.Keys.Select(k => Render(k, context)));
        var values = string.Join(", ", map.Values.Select(v => Render(v, context)));
        return $"MAP(CAST([{keys}] AS {MapType(map.KeyType, map.Keys)}[]), CAST([{values}] AS {MapType(map.ValueType, map.Values)}[]))";
    }

    private static string RenderStruct(Literal literal, PlanningContext context)
    {
        var fields = StructFields(literal);
        var values = literal.Struct.Elements;
        if (fields.Count != values.Count || fields.Count == 0)
            throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023",
                $"A struct literal has {values.Count} values for {fields.Count} fields; give one value per field (at least one).");
        var parts = fields.Select((f, i) => $"{SqlIdentifiers.Quote(f.Name)} := {Render(values[i], context)}");
        return $"CAST(struct_pack({string.Join(", ", parts)}) AS {StructType(literal)})";
    }

    private static IReadOnlyList<DataType.Types.StructField> StructFields(Literal literal)
    {
        var type = literal.Struct.StructType ?? literal.DataType;
        if (type?.KindCase == DataType.KindOneofCase.Struct)
            return type.Struct.Fields;
        throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", "A struct literal carries no struct type, so its field names are unknown.");
    }

    private static string StructType(Literal literal) =>
        "STRUCT(" + string.Join(", ", StructFields(literal).Select((f, i) =>
            SqlIdentifiers.Quote(f.Name) + " " + (f.DataType is { } t && t.KindCase != DataType.KindOneofCase.None
                ? DuckDbTypeNames.FromSpark(t) : TypeOf(literal.Struct.Elements[i])))) + ")";

    private static string ElementType(Literal literal)
    {
        if (literal.LiteralTypeCase == Literal.LiteralTypeOneofCase.Array)
        {
            if (literal.Array.ElementType is { KindCase: not DataType.KindOneofCase.None } declared)
                return DuckDbTypeNames.FromSpark(declared);
            if (literal.DataType?.KindCase == DataType.KindOneofCase.Array)
                return DuckDbTypeNames.FromSpark(literal.DataType.Array.ElementType);
        }
        var elements = Elements(literal);
        if (elements.Count == 0)
            throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", "An empty array literal carries no element type.");
        return TypeOf(elements[0]);
    }

    private static string MapType(DataType? declared, IReadOnlyList<Literal> items)
    {
        if (declared is { KindCase: not DataType.KindOneofCase.None })
            return DuckDbTypeNames.FromSpark(declared);
        if (items.Count == 0)
            throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", "An empty map literal carries no key or value type.");
        return TypeOf(items[0]);
    }

    /// <summary>The elements of an array literal, with Spark's compact specialized arrays expanded into literals.</summary>
    private static IReadOnlyList<Literal> Elements(Literal literal)
    {
        if (literal.LiteralTypeCase == Literal.LiteralTypeOneofCase.Array)
            return literal.Array.Elements;
        var s = literal.SpecializedArray;
        return s.ValueTypeCase switch
        {
            Literal.Types.SpecializedArray.ValueTypeOneofCase.Bools => s.Bools.Values.Select(v => new Literal { Boolean = v }).ToList(),
            Literal.Types.SpecializedArray.ValueTypeOneofCase.Ints => s.Ints.Values.Select(v => new Literal { Integer = v }).ToList(),
            Literal.Types.SpecializedArray.ValueTypeOneofCase.Longs => s.Longs.Values.Select(v => new Literal { Long = v }).ToList(),
            Literal.Types.SpecializedArray.ValueTypeOneofCase.Floats => s.Floats.Values.Select(v => new Literal { Float = v }).ToList(),
            Literal.Types.SpecializedArray.ValueTypeOneofCase.Doubles => s.Doubles.Values.Select(v => new Literal { Double = v }).ToList(),
            Literal.Types.SpecializedArray.ValueTypeOneofCase.Strings => s.Strings.Values.Select(v => new Literal { String = v }).ToList(),
            _ => throw LocalEngineException.Unsupported("an empty specialized array literal", "Send an array literal instead."),
        };
    }
}

/// <summary>Spark's decimal literal (a decimal string plus optional precision and scale) as an exact unscaled integer.</summary>
internal static class DecimalLiteral
{
    /// <summary>
    /// The unscaled value and scale as plain decimal text (<c>-0.05</c>), every digit of the scale kept and never an
    /// exponent: Java's BigDecimal.toPlainString, and text DuckDB parses exactly.
    /// </summary>
    internal static string PlainText(Int128 unscaled, int scale)
    {
        var negative = unscaled < 0;
        var digits = (negative ? -unscaled : unscaled).ToString(CultureInfo.InvariantCulture);
        if (scale > 0)
        {
            digits = digits.PadLeft(scale + 1, '0');
            digits = digits[..^scale] + "." + digits[^scale..];
        }
        return negative ? "-" + digits : digits;
    }

    /// <summary>Parses <c>-12.340</c> or <c>1.5E+3</c>; rescales to the declared scale when one is given (rounding is refused).</summary>
    internal static (Int128 Unscaled, int Precision, int Scale) Parse(Literal.Types.Decimal value)
    {
        var text = value.Value.Trim();
        var exponent = 0;
        var e = text.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            if (!int.TryParse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
                throw Invalid(value.Value);
            text = text[..e];
        }
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? text : text.Remove(point, 1);
        var scale = (point < 0 ? 0 : text.Length - point - 1) - exponent;
        if (digits.Length == 0 || !BigInteger.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var unscaled))
            throw Invalid(value.Value);
        if (scale < 0)
        {
            unscaled *= BigInteger.Pow(10, -scale);
            scale = 0;
        }
        if (value.HasScale)
        {
            if (value.Scale < scale)
                throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023",
                    $"The decimal literal {value.Value} has more digits after the point than its scale {value.Scale}.");
            unscaled *= BigInteger.Pow(10, value.Scale - scale);
            scale = value.Scale;
        }
        var digitCount = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture).Length;
        var precision = value.HasPrecision ? value.Precision : Math.Max(digitCount, Math.Max(scale, 1));
        if (digitCount > precision || precision > 38)
            throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023",
                $"The decimal literal {value.Value} does not fit DECIMAL({precision},{scale}) (at most 38 digits).");
        DuckDbTypeNames.Decimal(precision, scale);
        return ((Int128)unscaled, precision, scale);
    }

    private static LocalEngineException Invalid(string text) =>
        new("INVALID_PARAMETER_VALUE", "22023", $"'{text}' is not a decimal number.");
}
