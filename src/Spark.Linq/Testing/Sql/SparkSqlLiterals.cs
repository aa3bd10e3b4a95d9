using System.Globalization;
using System.Text;
using Spark.Connect.Protocol;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Linq.Testing;

/// <summary>
/// Literals as Spark SQL text that reads back as the same value and type. Strings are quoted with every character that
/// could end or change them escaped (quotes, backslashes, control characters, and <c>$</c>, which Spark's variable
/// substitution would otherwise read in <c>${…}</c>). Typed numbers use <c>CAST</c>, which DuckDB also reads.
/// </summary>
internal static class SparkSqlLiterals
{
    private static readonly DateOnly Epoch = DateOnly.FromDateTime(DateTime.UnixEpoch);

    public static string Render(Literal literal) => literal.LiteralTypeCase switch
    {
        Literal.LiteralTypeOneofCase.Null => literal.Null is null or { KindCase: DataType.KindOneofCase.Null } ? "NULL" : $"CAST(NULL AS {SqlType(literal.Null)})",
        Literal.LiteralTypeOneofCase.Boolean => literal.Boolean ? "TRUE" : "FALSE",
        Literal.LiteralTypeOneofCase.Byte => $"CAST({Invariant(literal.Byte)} AS TINYINT)",
        Literal.LiteralTypeOneofCase.Short => $"CAST({Invariant(literal.Short)} AS SMALLINT)",
        // -2147483648 would parse as the negation of a bigint.
        Literal.LiteralTypeOneofCase.Integer => literal.Integer == int.MinValue ? "CAST(-2147483648 AS INT)" : Invariant(literal.Integer),
        Literal.LiteralTypeOneofCase.Long => $"CAST({Invariant(literal.Long)} AS BIGINT)",
        Literal.LiteralTypeOneofCase.Float => $"CAST('{literal.Float.ToString("R", CultureInfo.InvariantCulture)}' AS FLOAT)",
        Literal.LiteralTypeOneofCase.Double => $"CAST('{literal.Double.ToString("R", CultureInfo.InvariantCulture)}' AS DOUBLE)",
        Literal.LiteralTypeOneofCase.Decimal => Decimal(literal),
        Literal.LiteralTypeOneofCase.String => Quote(literal.String),
        Literal.LiteralTypeOneofCase.Binary => $"X'{Convert.ToHexString(literal.Binary.Span)}'",
        Literal.LiteralTypeOneofCase.Date => "DATE '" + Epoch.AddDays(literal.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'",
        Literal.LiteralTypeOneofCase.Timestamp => "TIMESTAMP '" + Timestamp(literal.Timestamp) + "+00:00'",
        Literal.LiteralTypeOneofCase.TimestampNtz => "TIMESTAMP_NTZ '" + Timestamp(literal.TimestampNtz) + "'",
        Literal.LiteralTypeOneofCase.DayTimeInterval => DayTime(literal.DayTimeInterval),
        Literal.LiteralTypeOneofCase.YearMonthInterval => YearMonth(literal.YearMonthInterval),
        Literal.LiteralTypeOneofCase.Array => "array(" + string.Join(", ", literal.Array.Elements.Select(Render)) + ")",
        Literal.LiteralTypeOneofCase.Map => "map(" + string.Join(", ", literal.Map.Keys.Zip(literal.Map.Values, (k, v) => Render(k) + ", " + Render(v))) + ")",
        _ => throw new NotSupportedException($"A {literal.LiteralTypeCase} literal has no Spark SQL spelling here; inspect it with ToPlanString() instead."),
    };

    /// <summary>A Spark SQL string literal: backslash escapes for <c>\</c>, <c>'</c>, control characters and <c>$</c>.</summary>
    public static string Quote(string text)
    {
        var result = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': result.Append(@"\\"); break;
                case '\'': result.Append(@"\'"); break;
                case '\n': result.Append(@"\n"); break;
                case '\r': result.Append(@"\r"); break;
                case '\t': result.Append(@"\t"); break;
                case var other when char.IsControl(other) || other is '$' or '\u2028' or '\u2029':
                    result.Append(@"\u").Append(((int)other).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: result.Append(c); break;
            }
        }
        return result.Append('\'').ToString();
    }

    /// <summary>A Spark type as SQL text; struct field names are quoted like any identifier.</summary>
    public static string SqlType(DataType type) => type.KindCase switch
    {
        DataType.KindOneofCase.Array => $"ARRAY<{SqlType(type.Array.ElementType)}>",
        DataType.KindOneofCase.Map => $"MAP<{SqlType(type.Map.KeyType)}, {SqlType(type.Map.ValueType)}>",
        DataType.KindOneofCase.Struct => "STRUCT<" + string.Join(", ", type.Struct.Fields.Select(f => SparkSqlNames.Quote(f.Name) + ": " + SqlType(f.DataType))) + ">",
        DataType.KindOneofCase.Unparsed or DataType.KindOneofCase.Udt or DataType.KindOneofCase.None =>
            throw new NotSupportedException($"A {type.KindCase} type has no safe Spark SQL spelling here."),
        _ => SparkTypeNames.Of(type).ToUpperInvariant(),
    };

    private static string Decimal(Literal literal)
    {
        var text = literal.Decimal.Value;
        // Only a plain decimal number may enter the SQL text.
        // One leading minus at most: "--1" would start a SQL comment.
        var digits = text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(c => char.IsAsciiDigit(c) || c == '.') || digits.Count(c => c == '.') > 1 || !char.IsAsciiDigit(digits[0]))
            throw new NotSupportedException($"The decimal literal '{text}' is not a plain number.");
        var type = LiteralSpelling.SparkType(literal).ToUpperInvariant();
        return $"CAST({text} AS {type})";
    }

    private static string Timestamp(long micros)
    {
        var value = DateTime.UnixEpoch.AddTicks(micros * 10);
        return value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
    }

    private static string DayTime(long micros)
    {
        if (micros == long.MinValue) throw new NotSupportedException("The smallest day-time interval has no Spark SQL literal.");
        var span = TimeSpan.FromTicks(Math.Abs(micros) * 10);
        var text = string.Create(CultureInfo.InvariantCulture, $"{(micros < 0 ? "-" : string.Empty)}{span.Days} {span.Hours:00}:{span.Minutes:00}:{span.Seconds:00}");
        if (span.Ticks % TimeSpan.TicksPerSecond != 0) text += "." + (span.Ticks % TimeSpan.TicksPerSecond / 10).ToString("000000", CultureInfo.InvariantCulture);
        return $"INTERVAL '{text}' DAY TO SECOND";
    }

    private static string YearMonth(int months) => months == int.MinValue
        ? throw new NotSupportedException("The smallest year-month interval has no Spark SQL literal.")
        : string.Create(CultureInfo.InvariantCulture, $"INTERVAL '{(months < 0 ? "-" : string.Empty)}{Math.Abs(months) / 12}-{Math.Abs(months) % 12}' YEAR TO MONTH");

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
