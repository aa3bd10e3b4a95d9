using System.Globalization;

namespace Spark.Connect.Local.Service.Show;

/// <summary>
/// Java's <c>Double.toString</c> / <c>Float.toString</c> (what Spark prints for floating point): the shortest
/// digits that round-trip, plain for magnitudes in [10^-3, 10^7) with at least one fraction digit
/// (<c>1.0</c>, <c>0.001</c>), otherwise computerized scientific notation (<c>1.0E7</c>, <c>1.5E-4</c>).
/// </summary>
internal static class JavaNumberText
{
    internal static string Double(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsInfinity(value) ? (value > 0 ? "Infinity" : "-Infinity")
        : Format(value.ToString("R", CultureInfo.InvariantCulture), value < 0 || (value == 0 && double.IsNegative(value)), Math.Abs(value));

    internal static string Float(float value) =>
        float.IsNaN(value) ? "NaN" : float.IsInfinity(value) ? (value > 0 ? "Infinity" : "-Infinity")
        : Format(value.ToString("R", CultureInfo.InvariantCulture), value < 0 || (value == 0 && float.IsNegative(value)), Math.Abs((double)value));

    // Splits .NET's shortest round-trip text into its significant digits and decimal exponent, then lays
    // them out as Java does.
    private static string Format(string shortest, bool negative, double magnitude)
    {
        var text = shortest.TrimStart('-');
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = point < 0 ? text.Length : point;
        var digits = text.Replace(".", "", StringComparison.Ordinal);
        // Normalise to digits d1 d2 … with the point after d1 and exponent 'exponent'.
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        if (digits.Length == 0)
            return (negative ? "-" : "") + "0.0";
        exponent += integerDigits - 1 - leadingZeros;
        string body;
        if (magnitude >= 1e-3 && magnitude < 1e7)
        {
            if (exponent >= 0)
            {
                var whole = digits.Length > exponent + 1 ? digits[..(exponent + 1)] : digits.PadRight(exponent + 1, '0');
                var fraction = digits.Length > exponent + 1 ? digits[(exponent + 1)..] : "0";
                body = whole + "." + fraction;
            }
            else
            {
                body = "0." + new string('0', -exponent - 1) + digits;
            }
        }
        else
        {
            body = digits[..1] + "." + (digits.Length > 1 ? digits[1..] : "0") + "E" + exponent.ToString(CultureInfo.InvariantCulture);
        }
        return negative ? "-" + body : body;
    }
}
