using System.Globalization;
using System.Text;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Spark's escapes in string literals (<c>spark.sql.parser.escapedStringLiterals</c> off, the default):
/// <c>\n \t \r \b \0 \Z</c>, <c>\uXXXX</c>, three octal digits, <c>\%</c> and <c>\_</c> kept with their backslash
/// (they are LIKE escapes), and any other escaped character as itself.
/// </summary>
internal static class StringEscapes
{
    /// <summary>Appends the character(s) the escape at <paramref name="position"/> (just after the backslash) stands for.</summary>
    internal static void Append(StringBuilder value, string text, ref int position)
    {
        var c = text[position++];
        switch (c)
        {
            case 'n': value.Append('\n'); return;
            case 't': value.Append('\t'); return;
            case 'r': value.Append('\r'); return;
            case 'b': value.Append('\b'); return;
            case '0' when !IsOctal(text, position - 1): value.Append('\0'); return;
            case 'Z': value.Append('\u001A'); return;
            case '%' or '_': value.Append('\\').Append(c); return;
            case 'u' when position + 4 <= text.Length && IsHex(text.AsSpan(position, 4)):
                value.Append((char)int.Parse(text.AsSpan(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                position += 4;
                return;
        }
        if (IsOctal(text, position - 1))
        {
            value.Append((char)Convert.ToInt32(text.Substring(position - 1, 3), 8));
            position += 2;
            return;
        }
        value.Append(c);
    }

    // Spark reads \ooo with the first digit 0-3 (so the value fits a byte).
    private static bool IsOctal(string text, int at) =>
        at + 3 <= text.Length && text[at] is >= '0' and <= '3' && text[at + 1] is >= '0' and <= '7' && text[at + 2] is >= '0' and <= '7';

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }
        return true;
    }
}
