using System.Globalization;
using System.Numerics;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Range checks of floating-point literals (<c>1E309</c>, <c>-3.4028235E39F</c> are errors in Spark, not infinities) and
/// decimal literals with an exponent (<c>123.0E-28BD</c> is decimal(29,29) as Spark types its BigDecimal; <c>1.20E-38BD</c>
/// needs precision 40 and is refused).
/// </summary>
internal sealed partial class SqlParser
{
    private double FiniteDouble(SparkToken token, string text)
    {
        var value = double.Parse(text, CultureInfo.InvariantCulture);
        return double.IsInfinity(value)
            ? throw OutOfRange(token, "DOUBLE", "-1.7976931348623157E+308", "1.7976931348623157E+308")
            : value;
    }

    private float FiniteFloat(SparkToken token, string text)
    {
        var value = float.Parse(text, CultureInfo.InvariantCulture);
        return float.IsInfinity(value)
            ? throw OutOfRange(token, "FLOAT", "-3.4028234663852886E+38", "3.4028234663852886E+38")
            : value;
    }

    /// <summary>
    /// <c>mantissa E exponent</c> BD: the unscaled digits and the scale (digits after the point minus the exponent) as
    /// Java's BigDecimal holds them; a negative scale becomes 0 (the digits padded), as Spark does without negative scales.
    /// </summary>
    private Expression ScientificDecimal(SparkToken token, string text)
    {
        var e = text.IndexOfAny(['e', 'E']);
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = text[..e];
        var point = mantissa.IndexOf('.');
        var scale = (point < 0 ? 0 : mantissa.Length - point - 1) - exponent;
        var unscaled = BigInteger.Parse(point < 0 ? mantissa : mantissa.Remove(point, 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (scale < 0)
        {
            unscaled *= BigInteger.Pow(10, -scale);
            scale = 0;
        }
        var digits = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        var precision = Math.Max(digits.Length, scale);
        if (precision > 38)
            throw OutOfRange(token, "DECIMAL", "-" + new string('9', 38), new string('9', 38));
        var plain = scale == 0 ? digits : digits.PadLeft(scale + 1, '0').Insert(Math.Max(digits.Length, scale + 1) - scale, ".");
        return Literals.Decimal(unscaled.Sign < 0 ? "-" + plain : plain, precision, scale);
    }
}
