using System.Globalization;

namespace Spark.Connect.Local.Planning.Expressions;

/// <summary>
/// Java's <c>Double.toString</c> / <c>Float.toString</c>, which Spark uses to name a floating-point literal's column
/// (<c>1.0</c>, <c>150000.0</c>, <c>1.0E10</c>, <c>3.14E-8</c>): the shortest digits that read back as the value, in plain
/// notation with at least one fractional digit when 10^-3 &lt;= |v| &lt; 10^7, else one digit before the point and
/// <c>E</c> with the decimal exponent (no plus sign).
/// </summary>
internal static class JavaNumberText
{
    internal static string Double(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsInfinity(value) ? (value > 0 ? "Infinity" : "-Infinity")
        : Layout(value.ToString("R", CultureInfo.InvariantCulture), value);

    internal static string Float(float value) =>
        float.IsNaN(value) ? "NaN"
        : float.IsInfinity(value) ? (value > 0 ? "Infinity" : "-Infinity")
        : Layout(value.ToString("R", CultureInfo.InvariantCulture), value);

    // The shortest round-trip text gives the digits; its exponent is recomputed from where the digits start.
    private static string Layout(string shortest, double value)
    {
        if (value == 0)
            return shortest.StartsWith('-') ? "-0.0" : "0.0";
        var negative = shortest.StartsWith('-');
        var text = negative ? shortest[1..] : shortest;
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var point = text.IndexOf('.');
        var integerPart = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "" : text[(point + 1)..];
        var allDigits = integerPart + fraction;
        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        var digits = allDigits.Trim('0');
        // Decimal exponent of the first significant digit.
        var firstExponent = integerPart.Length - 1 - leadingZeros + exponent;
        var magnitude = Math.Abs(value);
        string body;
        if (magnitude >= 1e-3 && magnitude < 1e7)
        {
            if (firstExponent >= 0)
            {
                var whole = digits.Length > firstExponent + 1 ? digits[..(firstExponent + 1)] : digits.PadRight(firstExponent + 1, '0');
                var rest = digits.Length > firstExponent + 1 ? digits[(firstExponent + 1)..] : "";
                body = whole + "." + (rest.Length == 0 ? "0" : rest);
            }
            else
                body = "0." + new string('0', -firstExponent - 1) + digits;
        }
        else
            body = digits[..1] + "." + (digits.Length > 1 ? digits[1..] : "0") + "E" + firstExponent.ToString(CultureInfo.InvariantCulture);
        return negative ? "-" + body : body;
    }

    /// <summary>
    /// Java's <c>BigDecimal.toString</c> of plain decimal text (<c>0.00000000000000000000000001230</c> is
    /// <c>1.230E-26</c>): plain while the exponent of the first digit is at least -6, else scientific. Text that already
    /// has an exponent is returned as it is.
    /// </summary>
    internal static string Decimal(string plain)
    {
        if (plain.Contains('E', StringComparison.OrdinalIgnoreCase))
            return plain;
        // BigDecimal has no negative zero: -0.0 is 0.0.
        if (plain.StartsWith('-') && plain.All(c => c is '-' or '0' or '.'))
            plain = plain[1..];
        var negative = plain.StartsWith('-');
        var text = negative ? plain[1..] : plain;
        var point = text.IndexOf('.');
        var scale = point < 0 ? 0 : text.Length - point - 1;
        var digits = (point < 0 ? text : text.Remove(point, 1)).TrimStart('0');
        if (digits.Length == 0)
            digits = "0";
        var adjusted = digits.Length - 1 - scale;
        if (scale <= 0 || adjusted >= -6)
            return plain;
        var body = digits[..1] + (digits.Length > 1 ? "." + digits[1..] : "") + "E" + adjusted.ToString(CultureInfo.InvariantCulture);
        return negative ? "-" + body : body;
    }
}
