using System.Globalization;
using System.Numerics;
using System.Text;

namespace Spark.Connect.Local.Strings;

/// <summary>
/// The part of Java's <c>DecimalFormat</c> (US symbols, HALF_EVEN rounding) that Spark's <c>format_number</c> uses: a
/// pattern of an optional prefix, integer digits <c>#</c>/<c>0</c> with <c>,</c> grouping, an optional <c>.</c> with
/// <c>0</c>/<c>#</c> fraction digits, and an optional suffix; quoted text and <c>%</c> (times 100) in the affixes.
/// Negative numbers take a <c>-</c> before the prefix, also when they round to zero (<c>-0.00</c>), as Java's do.
/// Exponents, per-mille, currency signs and negative subpatterns are refused (<see cref="UnsupportedPattern"/>).
/// </summary>
internal sealed class JavaDecimalFormat
{
    /// <summary>Spark's pattern for <c>format_number(x, d)</c> before the fraction digits.</summary>
    public const string DefaultPattern = "#,###,###,###,###,###,##0";

    private string _prefix = "", _suffix = "";
    private int _multiplier = 1, _groupingSize, _minimumInteger, _minimumFraction, _maximumFraction;
    private bool _alwaysShowPoint;

    /// <summary>A pattern outside the supported part of DecimalFormat's grammar.</summary>
    internal sealed class UnsupportedPattern(string message) : Exception(message);

    /// <summary>Spark's pattern for <c>format_number(x, d)</c>: grouped integer digits and exactly d fraction digits.</summary>
    public static JavaDecimalFormat WithFractionDigits(int digits) =>
        Parse(digits > 0 ? DefaultPattern + "." + new string('0', digits) : DefaultPattern);

    /// <summary>Reads <paramref name="pattern"/> as <c>DecimalFormat.applyLocalizedPattern</c> would (US symbols).</summary>
    public static JavaDecimalFormat Parse(string pattern)
    {
        var format = new JavaDecimalFormat();
        var i = 0;
        format._prefix = format.Affix(pattern, ref i);
        var integerDigits = 0;
        var sinceComma = -1;
        for (; i < pattern.Length && pattern[i] is '#' or '0' or ','; i++)
        {
            if (pattern[i] == ',') { sinceComma = 0; continue; }
            if (pattern[i] == '#' && format._minimumInteger > 0) throw new UnsupportedPattern($"Unexpected '#' after '0' in the pattern \"{pattern}\".");
            if (pattern[i] == '0') format._minimumInteger++;
            integerDigits++;
            if (sinceComma >= 0) sinceComma++;
        }
        if (sinceComma == 0) throw new UnsupportedPattern($"The pattern \"{pattern}\" ends its integer digits with a grouping separator.");
        format._groupingSize = Math.Max(sinceComma, 0);
        if (i < pattern.Length && pattern[i] == '.')
        {
            i++;
            var optional = false;
            for (; i < pattern.Length && pattern[i] is '#' or '0'; i++)
            {
                if (pattern[i] == '#') optional = true;
                else if (optional) throw new UnsupportedPattern($"Unexpected '0' after '#' in the pattern \"{pattern}\".");
                else format._minimumFraction++;
                format._maximumFraction++;
            }
            format._alwaysShowPoint = format._maximumFraction == 0;
        }
        if (integerDigits == 0 && format._maximumFraction == 0 && !format._alwaysShowPoint)
            throw new UnsupportedPattern($"The pattern \"{pattern}\" has no digits.");
        format._suffix = format.Affix(pattern, ref i);
        if (i < pattern.Length)
            throw new UnsupportedPattern($"The local engine does not support '{pattern[i]}' in the number pattern \"{pattern}\".");
        return format;
    }

    /// <summary>Formats an exact decimal or integer (Java's <c>format(BigDecimal)</c> / <c>format(long)</c>).</summary>
    public string Format(ExactDecimal value)
    {
        var scaled = value.Times(_multiplier);
        return Write(scaled.Negative, scaled.RoundedMagnitude(_maximumFraction));
    }

    /// <summary>Formats a double as Java's <c>format(double)</c>: the shortest digits, ties decided by the exact binary value.</summary>
    public string Format(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        value = Math.Abs(value * _multiplier);
        if (double.IsInfinity(value)) return (negative ? "-" : "") + _prefix + "∞" + _suffix;
        var digits = ExactDecimal.Parse(value.ToString("R", CultureInfo.InvariantCulture));
        return Write(negative, digits.RoundedMagnitude(_maximumFraction, () => ExactDecimal.CompareExact(value, digits)));
    }

    private string Write(bool negative, BigInteger magnitude)
    {
        var text = magnitude.ToString(CultureInfo.InvariantCulture).PadLeft(_maximumFraction + 1, '0');
        var integer = text[..^_maximumFraction].TrimStart('0');
        var fraction = text[^_maximumFraction..].TrimEnd('0');
        if (fraction.Length < _minimumFraction) fraction = fraction.PadRight(_minimumFraction, '0');
        integer = integer.PadLeft(_minimumInteger, '0');
        // Java prints a zero when there would be no digits at all.
        if (integer.Length == 0 && fraction.Length == 0) integer = "0";
        var result = new StringBuilder();
        if (negative) result.Append('-');
        result.Append(_prefix);
        for (var i = 0; i < integer.Length; i++)
        {
            if (i > 0 && _groupingSize > 0 && (integer.Length - i) % _groupingSize == 0) result.Append(',');
            result.Append(integer[i]);
        }
        if (fraction.Length > 0 || _alwaysShowPoint) result.Append('.').Append(fraction);
        return result.Append(_suffix).ToString();
    }

    // Literal text before or after the digits: quoted runs ('' is a quote), '%' (times 100) and plain characters.
    private string Affix(string pattern, ref int i)
    {
        var text = new StringBuilder();
        for (; i < pattern.Length && pattern[i] is not ('#' or '0' or ',' or '.'); i++)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                var end = pattern.IndexOf('\'', i + 1);
                if (end < 0) throw new UnsupportedPattern($"The pattern \"{pattern}\" has an unclosed quote.");
                text.Append(end == i + 1 ? "'" : pattern[(i + 1)..end]);
                i = end;
            }
            else if (c == '%')
            {
                if (_multiplier != 1) throw new UnsupportedPattern($"The pattern \"{pattern}\" has more than one percent sign.");
                _multiplier = 100;
                text.Append('%');
            }
            else if (c is ';' or 'E' or '\u2030' or '\u00A4' or (>= '1' and <= '9'))
                throw new UnsupportedPattern($"The local engine does not support '{c}' in the number pattern \"{pattern}\".");
            else text.Append(c);
        }
        return text.ToString();
    }
}
