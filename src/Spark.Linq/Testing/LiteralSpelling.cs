using System.Globalization;
using System.Text;
using Spark.Connect.Protocol;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Linq.Testing;

/// <summary>
/// Spells a Spark literal as C# would write the value (<c>100m</c>, <c>"EMEA"</c>, <c>OrderStatus.Shipped</c>,
/// <c>new DateOnly(2024, 1, 31)</c>), using the CLR type the query's constant had when it is known, and names
/// Spark's type for it. Culture-invariant and independent of the machine's time zone.
/// </summary>
internal static class LiteralSpelling
{
    private static readonly DateOnly Epoch = DateOnly.FromDateTime(DateTime.UnixEpoch);

    public static string CSharp(Literal literal, Type? clrType)
    {
        var type = clrType is null ? null : Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (type is { IsEnum: true } && Integral(literal) is { } number) return EnumMember(type, number);
        // A member stored as its name ([Column(TypeName = "string")]): Spark gets 'Shipped', the query said OrderStatus.Shipped.
        if (type is { IsEnum: true } && literal.LiteralTypeCase == Literal.LiteralTypeOneofCase.String && Enum.TryParse(type, literal.String, out var named))
            return EnumMember(type, Convert.ToInt64(named, CultureInfo.InvariantCulture));
        return literal.LiteralTypeCase switch
        {
            Literal.LiteralTypeOneofCase.Null or Literal.LiteralTypeOneofCase.None => "null",
            Literal.LiteralTypeOneofCase.Boolean => literal.Boolean ? "true" : "false",
            Literal.LiteralTypeOneofCase.Byte => Invariant(literal.Byte),
            Literal.LiteralTypeOneofCase.Short => Invariant(literal.Short),
            Literal.LiteralTypeOneofCase.Integer => Invariant(literal.Integer),
            Literal.LiteralTypeOneofCase.Long => Invariant(literal.Long) + (type == typeof(uint) ? "u" : "L"),
            Literal.LiteralTypeOneofCase.Float => Real(literal.Float, "f", "float"),
            Literal.LiteralTypeOneofCase.Double => Real(literal.Double, "d", "double"),
            Literal.LiteralTypeOneofCase.Decimal => literal.Decimal.Value + (type == typeof(ulong) ? "UL" : "m"),
            Literal.LiteralTypeOneofCase.String when type == typeof(char) && literal.String.Length == 1 => Quote(literal.String, '\''),
            Literal.LiteralTypeOneofCase.String when type == typeof(Guid) => $"Guid.Parse({Quote(literal.String, '"')})",
            Literal.LiteralTypeOneofCase.String => Quote(literal.String, '"'),
            Literal.LiteralTypeOneofCase.Binary => $"Convert.FromHexString(\"{Convert.ToHexString(literal.Binary.Span)}\")",
            Literal.LiteralTypeOneofCase.Date => Date(Epoch.AddDays(literal.Date)),
            Literal.LiteralTypeOneofCase.Timestamp => Timestamp(literal.Timestamp, type == typeof(DateTimeOffset) ? "DateTimeOffset" : "DateTime",
                type == typeof(DateTimeOffset) ? "TimeSpan.Zero" : "DateTimeKind.Utc"),
            Literal.LiteralTypeOneofCase.TimestampNtz => Timestamp(literal.TimestampNtz, "DateTime", null),
            Literal.LiteralTypeOneofCase.DayTimeInterval => $"TimeSpan.Parse(\"{TimeSpan.FromTicks(literal.DayTimeInterval * 10).ToString("c", CultureInfo.InvariantCulture)}\")",
            Literal.LiteralTypeOneofCase.YearMonthInterval => $"{Invariant(literal.YearMonthInterval)} months",
            Literal.LiteralTypeOneofCase.CalendarInterval => string.Create(CultureInfo.InvariantCulture,
                $"interval({literal.CalendarInterval.Months} months, {literal.CalendarInterval.Days} days, {literal.CalendarInterval.Microseconds} µs)"),
            Literal.LiteralTypeOneofCase.Time => $"TimeOnly.FromTimeSpan(TimeSpan.FromTicks({Invariant(literal.Time.Nano / 100)}))",
            Literal.LiteralTypeOneofCase.Array => "new[] { " + string.Join(", ", literal.Array.Elements.Select(e => CSharp(e, null))) + " }",
            Literal.LiteralTypeOneofCase.Map => "new Dictionary { " + string.Join(", ", literal.Map.Keys.Zip(literal.Map.Values, (k, v) => $"[{CSharp(k, null)}] = {CSharp(v, null)}")) + " }",
            Literal.LiteralTypeOneofCase.Struct => Struct(literal.Struct),
            Literal.LiteralTypeOneofCase.SpecializedArray => "new[] { " + string.Join(", ", Specialized(literal.SpecializedArray)) + " }",
            _ => literal.LiteralTypeCase.ToString(),
        };
    }

    /// <summary>Spark's type of the literal: the one it states, or the one its kind implies.</summary>
    public static string SparkType(Literal literal)
    {
        if (literal.DataType is { } stated && stated.KindCase != DataType.KindOneofCase.None) return SparkTypeNames.Of(stated);
        return literal.LiteralTypeCase switch
        {
            Literal.LiteralTypeOneofCase.Null => SparkTypeNames.Of(literal.Null),
            Literal.LiteralTypeOneofCase.Binary => "binary",
            Literal.LiteralTypeOneofCase.Boolean => "boolean",
            Literal.LiteralTypeOneofCase.Byte => "tinyint",
            Literal.LiteralTypeOneofCase.Short => "smallint",
            Literal.LiteralTypeOneofCase.Integer => "int",
            Literal.LiteralTypeOneofCase.Long => "bigint",
            Literal.LiteralTypeOneofCase.Float => "float",
            Literal.LiteralTypeOneofCase.Double => "double",
            Literal.LiteralTypeOneofCase.Decimal => DecimalType(literal.Decimal),
            Literal.LiteralTypeOneofCase.String => "string",
            Literal.LiteralTypeOneofCase.Date => "date",
            Literal.LiteralTypeOneofCase.Timestamp => "timestamp",
            Literal.LiteralTypeOneofCase.TimestampNtz => "timestamp_ntz",
            Literal.LiteralTypeOneofCase.CalendarInterval => "interval",
            Literal.LiteralTypeOneofCase.YearMonthInterval => "interval year to month",
            Literal.LiteralTypeOneofCase.DayTimeInterval => "interval day to second",
            Literal.LiteralTypeOneofCase.Array => $"array<{SparkTypeNames.Of(literal.Array.ElementType)}>",
            Literal.LiteralTypeOneofCase.Map => $"map<{SparkTypeNames.Of(literal.Map.KeyType)},{SparkTypeNames.Of(literal.Map.ValueType)}>",
            Literal.LiteralTypeOneofCase.Struct => SparkTypeNames.Of(literal.Struct.StructType),
            Literal.LiteralTypeOneofCase.Time => "time",
            _ => literal.LiteralTypeCase.ToString().ToLowerInvariant(),
        };
    }

    /// <summary>The number an integral literal holds, or null for other kinds.</summary>
    public static long? Integral(Literal literal) => literal.LiteralTypeCase switch
    {
        Literal.LiteralTypeOneofCase.Byte => literal.Byte,
        Literal.LiteralTypeOneofCase.Short => literal.Short,
        Literal.LiteralTypeOneofCase.Integer => literal.Integer,
        Literal.LiteralTypeOneofCase.Long => literal.Long,
        _ => null,
    };

    /// <summary><c>OrderStatus.Shipped</c>, <c>Access.Read | Access.Write</c> for flags, <c>(OrderStatus)7</c> for a number with no name.</summary>
    public static string EnumMember(Type enumType, long number)
    {
        var value = Enum.ToObject(enumType, number);
        if (Enum.IsDefined(enumType, value)) return $"{enumType.Name}.{value}";
        var text = value.ToString()!;
        // Flags print as "A, B"; a number without a name prints as the number itself.
        if (text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_'))
            return string.Join(" | ", text.Split(", ").Select(part => $"{enumType.Name}.{part}"));
        return $"({enumType.Name}){Invariant(number)}";
    }

    /// <summary>A C# string or char literal: escapes quotes, backslashes and every control or unpaired surrogate character.</summary>
    public static string Quote(string text, char quote)
    {
        var result = new StringBuilder(text.Length + 2).Append(quote);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': result.Append(@"\\"); break;
                case '\n': result.Append(@"\n"); break;
                case '\r': result.Append(@"\r"); break;
                case '\t': result.Append(@"\t"); break;
                case '\0': result.Append(@"\0"); break;
                case var q when q == quote: result.Append('\\').Append(q); break;
                case var s when char.IsHighSurrogate(s) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    result.Append(s).Append(text[++i]);
                    break;
                case var other when char.IsControl(other) || char.IsSurrogate(other) || other is '\u2028' or '\u2029':
                    result.Append(@"\u").Append(((int)other).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: result.Append(c); break;
            }
        }
        return result.Append(quote).ToString();
    }

    private static string Real(double value, string suffix, string type) => value switch
    {
        double.NaN => type + ".NaN",
        double.PositiveInfinity => type + ".PositiveInfinity",
        double.NegativeInfinity => type + ".NegativeInfinity",
        _ => (type == "float" ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture)) + suffix,
    };

    private static string Date(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"new DateOnly({date.Year}, {date.Month}, {date.Day})");

    private static string Timestamp(long micros, string type, string? kind)
    {
        var value = DateTime.UnixEpoch.AddTicks(micros * 10);
        var parts = new List<string> { Invariant(value.Year), Invariant(value.Month), Invariant(value.Day), Invariant(value.Hour), Invariant(value.Minute), Invariant(value.Second) };
        if (value.Millisecond != 0 || value.Microsecond != 0)
        {
            parts.Add(Invariant(value.Millisecond));
            if (value.Microsecond != 0) parts.Add(Invariant(value.Microsecond));
        }
        if (kind is not null) parts.Add(kind);
        return $"new {type}({string.Join(", ", parts)})";
    }

    private static string DecimalType(Literal.Types.Decimal value)
    {
        if (value.HasPrecision && value.HasScale) return SparkTypeNames.Decimal(value.Precision, value.Scale);
        // Spark infers the type from the text when the literal leaves it out.
        var text = value.Value.TrimStart('-', '+');
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var scale = point < 0 ? 0 : text.Length - point - 1;
        var digits = text.Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0').Length;
        return SparkTypeNames.Decimal(Math.Max(Math.Max(digits, scale), 1), scale);
    }

    private static string Struct(Literal.Types.Struct value)
    {
        var names = value.StructType?.Struct?.Fields.Select(f => f.Name).ToList() ?? [];
        var members = value.Elements.Select((e, i) => (i < names.Count ? names[i] + " = " : string.Empty) + CSharp(e, null));
        return "new { " + string.Join(", ", members) + " }";
    }

    private static IEnumerable<string> Specialized(Literal.Types.SpecializedArray array) => array.ValueTypeCase switch
    {
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Bools => array.Bools.Values.Select(b => b ? "true" : "false"),
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Ints => array.Ints.Values.Select(v => Invariant(v)),
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Longs => array.Longs.Values.Select(v => Invariant(v) + "L"),
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Floats => array.Floats.Values.Select(v => Real(v, "f", "float")),
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Doubles => array.Doubles.Values.Select(v => Real(v, "d", "double")),
        Literal.Types.SpecializedArray.ValueTypeOneofCase.Strings => array.Strings.Values.Select(s => Quote(s, '"')),
        _ => [],
    };

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
