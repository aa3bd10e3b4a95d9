using System.Globalization;
using System.Numerics;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Numeric literals with Spark's typing (an integer is INT, else BIGINT, else an exact DECIMAL; <c>1.5</c> is
/// decimal(2,1); an exponent makes a DOUBLE; suffixes L, S, Y, D, F, BD) and typed literals (DATE, TIMESTAMP,
/// TIMESTAMP_NTZ, <c>X'…'</c>). Intervals are in SqlParser.Intervals.cs.
/// </summary>
internal sealed partial class SqlParser
{
    private Expression NumberLiteral(bool negative)
    {
        var token = Advance();
        var text = (negative ? "-" : "") + token.Text;
        var hasExponent = token.Text.Contains('e', StringComparison.OrdinalIgnoreCase);
        var hasPoint = token.Text.Contains('.');
        switch (token.Suffix)
        {
            case "D":
                return Literals.Double(FiniteDouble(token, text));
            case "F":
                return Literals.Float(FiniteFloat(token, text));
            case "BD" when hasExponent:
                return ScientificDecimal(token, text);
            case "BD":
                return ExactDecimal(token, text);
            case "L" or "S" or "Y":
                if (hasPoint || hasExponent)
                    throw SqlParseErrors.Syntax(_text, token, null);
                return IntegralWithSuffix(token, BigInteger.Parse(text, CultureInfo.InvariantCulture));
        }
        if (hasExponent)
            return Literals.Double(FiniteDouble(token, text));
        if (hasPoint)
            return ExactDecimal(token, text);
        var value = BigInteger.Parse(text, CultureInfo.InvariantCulture);
        if (value >= int.MinValue && value <= int.MaxValue)
            return Literals.Integer((int)value);
        if (value >= long.MinValue && value <= long.MaxValue)
            return Literals.Long((long)value);
        var digits = BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture).Length;
        return digits <= 38 ? Literals.Decimal(value.ToString(CultureInfo.InvariantCulture), digits, 0) : throw OutOfRange(token, "DECIMAL", "-" + new string('9', 38), new string('9', 38));
    }

    private Expression IntegralWithSuffix(SparkToken token, BigInteger value) => token.Suffix switch
    {
        "L" when value >= long.MinValue && value <= long.MaxValue => Literals.Long((long)value),
        "S" when value >= short.MinValue && value <= short.MaxValue => Literals.Short((short)value),
        "Y" when value >= sbyte.MinValue && value <= sbyte.MaxValue => Literals.Byte((sbyte)value),
        "L" => throw OutOfRange(token, "BIGINT", long.MinValue.ToString(CultureInfo.InvariantCulture), long.MaxValue.ToString(CultureInfo.InvariantCulture)),
        "S" => throw OutOfRange(token, "SMALLINT", short.MinValue.ToString(CultureInfo.InvariantCulture), short.MaxValue.ToString(CultureInfo.InvariantCulture)),
        _ => throw OutOfRange(token, "TINYINT", sbyte.MinValue.ToString(CultureInfo.InvariantCulture), sbyte.MaxValue.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>
    /// A decimal typed as Spark types a BigDecimal: precision = the unscaled value's digits, scale = the digits after the
    /// point (<c>1.50</c> is decimal(3,2), <c>0.001</c> decimal(3,3)), a negative scale (<c>1E2BD</c>) made 0.
    /// </summary>
    private Expression ExactDecimal(SparkToken token, string text)
    {
        if (text.StartsWith('.'))
            text = "0" + text;
        else if (text.StartsWith("-.", StringComparison.Ordinal))
            text = "-0" + text[1..];
        var point = text.IndexOf('.');
        var scale = point < 0 ? 0 : text.Length - point - 1;
        var unscaled = text.Replace(".", "", StringComparison.Ordinal).TrimStart('-').TrimStart('0');
        var precision = Math.Max(Math.Max(unscaled.Length, 1), scale);
        if (precision > 38)
            throw OutOfRange(token, "DECIMAL", "-" + new string('9', 38), new string('9', 38));
        if (text.EndsWith('.'))
            text = text[..^1];
        return Literals.Decimal(text, precision, scale);
    }

    private LocalEngineException OutOfRange(SparkToken token, string type, string min, string max) =>
        new("INVALID_NUMERIC_LITERAL_RANGE", "22003",
            $"Numeric literal {token.Text} is outside the valid range for {type} with minimum value of {min} and maximum value of {max}. Please adjust the value accordingly.",
            new Dictionary<string, string> { ["rawStrippedQualifier"] = token.Text, ["typeName"] = type, ["minValue"] = min, ["maxValue"] = max });

    /// <summary>
    /// <c>DATE '…'</c>, <c>TIMESTAMP '…'</c>, <c>TIMESTAMP_NTZ '…'</c>, <c>TIMESTAMP_LTZ '…'</c>: a cast of the text (so the
    /// session time zone applies as in Spark), named as Spark names the literal; <c>X'…'</c>: bytes; <c>INTERVAL '…'</c>.
    /// Null for other words (the caller reads a name).
    /// </summary>
    private Expression? TypedLiteral(string word)
    {
        var type = word switch
        {
            "DATE" => "date",
            "TIMESTAMP" or "TIMESTAMP_LTZ" => "timestamp",
            "TIMESTAMP_NTZ" => "timestamp_ntz",
            _ => null,
        };
        if (word == "X")
        {
            Advance();
            return Literals.Binary(HexBytes(StringLiteral()));
        }
        if (word == "INTERVAL")
        {
            Advance();
            return IntervalLiteral();
        }
        if (type is null)
            return null;
        Advance();
        var value = StringLiteral();
        var shown = word == "TIMESTAMP_LTZ" ? "TIMESTAMP" : word;
        // The text is checked and normalized as Spark reads it; the cast then gives the value (in the session zone).
        string? normalized, castText;
        if (word == "DATE")
            castText = normalized = SparkDateTimeText.Date(value);
        else
        {
            normalized = SparkDateTimeText.Timestamp(value, out var zone, out var timeOnly);
            if (timeOnly)
                normalized = value;
            else if (normalized is not null && type == "timestamp_ntz" && zone.Length > 0)
                normalized = null; // a timestamp_ntz literal takes no zone
            castText = timeOnly ? value : normalized + zone;
        }
        if (normalized is null || castText is null)
            throw new LocalEngineException("INVALID_TYPED_LITERAL", "42604",
                $"The value of the typed literal \"{shown}\" is invalid: '{value}'.",
                new Dictionary<string, string> { ["valueType"] = $"\"{shown}\"", ["value"] = $"'{value}'" });
        var cast = CastTo(Literals.String(castText), type, Spark.Connect.Protocol.Expression.Types.Cast.Types.EvalMode.Unspecified);
        return Alias(cast, [$"{shown} '{normalized}'"]);
    }

    private static byte[] HexBytes(string hex)
    {
        try
        {
            return Convert.FromHexString(hex.Length % 2 == 0 ? hex : "0" + hex);
        }
        catch (FormatException)
        {
            throw new LocalEngineException("INVALID_TYPED_LITERAL", "42604",
                $"The value of the typed literal \"X\" is invalid: '{hex}'.", new Dictionary<string, string> { ["valueType"] = "\"X\"", ["value"] = "'" + hex + "'" });
        }
    }
}
