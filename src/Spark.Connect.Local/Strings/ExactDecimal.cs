using System.Globalization;
using System.Numerics;

namespace Spark.Connect.Local.Strings;

/// <summary>
/// A decimal number held exactly: sign, digits as an unscaled integer and a scale (value = ±unscaled / 10^scale), read
/// from the text DuckDB prints for a DECIMAL or an integer, or from a double's shortest round-trip text. Java's number
/// formatting works on such digits, so the formatters here do too.
/// </summary>
internal readonly record struct ExactDecimal(bool Negative, BigInteger Unscaled, int Scale)
{
    /// <summary>Reads plain or exponent text (<c>-12.50</c>, <c>1E+20</c>, <c>1.5E-07</c>).</summary>
    public static ExactDecimal Parse(string text)
    {
        var negative = text.StartsWith('-');
        var body = negative || text.StartsWith('+') ? text[1..] : text;
        var exponent = 0;
        var e = body.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            exponent = int.Parse(body[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body[..e];
        }
        var point = body.IndexOf('.');
        var digits = point < 0 ? body : body[..point] + body[(point + 1)..];
        var scale = (point < 0 ? 0 : body.Length - point - 1) - exponent;
        var unscaled = BigInteger.Parse(digits.Length == 0 ? "0" : digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (scale < 0)
        {
            unscaled *= BigInteger.Pow(10, -scale);
            scale = 0;
        }
        return new ExactDecimal(negative, unscaled, scale);
    }

    /// <summary>The same value times <paramref name="factor"/> (a percent pattern's 100).</summary>
    public ExactDecimal Times(int factor) => this with { Unscaled = Unscaled * factor };

    /// <summary>
    /// The magnitude rounded HALF_EVEN to <paramref name="fractionDigits"/> places, as an unscaled integer at that scale.
    /// <paramref name="tieBreak"/>, when given, decides a tie in these digits by the exact value they stand for (a double's
    /// shortest text hides whether the binary value lies above or below it): positive rounds up, negative down, zero is a true tie.
    /// </summary>
    public BigInteger RoundedMagnitude(int fractionDigits, Func<int>? tieBreak = null)
    {
        if (Scale <= fractionDigits) return Unscaled * BigInteger.Pow(10, fractionDigits - Scale);
        var divisor = BigInteger.Pow(10, Scale - fractionDigits);
        var kept = BigInteger.DivRem(Unscaled, divisor, out var dropped);
        var half = divisor / 2;
        var comparison = dropped.CompareTo(half);
        if (comparison == 0 && tieBreak is not null) comparison = tieBreak();
        return comparison > 0 || (comparison == 0 && !kept.IsEven) ? kept + 1 : kept;
    }

    /// <summary>
    /// Compares the exact binary value of <paramref name="value"/> (finite, non-negative) with <paramref name="text"/>, its
    /// shortest decimal text: positive when the double lies above the text.
    /// </summary>
    public static int CompareExact(double value, ExactDecimal text)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponentBits == 0) exponentBits = 1;
        else mantissa |= 1L << 52;
        var exponent = exponentBits - 1075;
        BigInteger left = mantissa, right = text.Unscaled;
        left *= BigInteger.Pow(10, text.Scale);
        if (exponent >= 0) left <<= exponent;
        else right <<= -exponent;
        return left.CompareTo(right);
    }
}
