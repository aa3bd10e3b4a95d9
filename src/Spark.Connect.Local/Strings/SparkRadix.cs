using System.Globalization;
using System.Text;

namespace Spark.Connect.Local.Strings;

/// <summary>
/// Spark's radix functions on 64-bit values, as its <c>NumberConverter</c> and <c>Hex</c> helpers define them:
/// <c>conv</c> reads digits up to the first one invalid in the base and treats the value as an unsigned 64-bit number
/// (a negative target base prints it signed); <c>bin</c>/<c>hex</c> of a long print its two's complement;
/// <c>unhex</c> pads an odd length with a leading zero and gives null for any character that is not a hex digit.
/// </summary>
internal static class SparkRadix
{
    /// <summary>Thrown when conv's value does not fit in 64 unsigned bits (ANSI Spark's ARITHMETIC_OVERFLOW).</summary>
    internal sealed class ConvOverflowException() : Exception("Overflow in function conv().");

    /// <summary><c>conv(text, fromBase, toBase)</c>; null for a base outside [2, 36] or empty text.</summary>
    internal static string? Conv(ReadOnlySpan<byte> text, int fromBase, int toBase)
    {
        if (fromBase is < 2 or > 36 || Math.Abs(toBase) is < 2 or > 36)
            return null;
        text = Trim(text);
        if (text.IsEmpty)
            return null;
        var negative = text[0] == '-';
        var value = Read(negative ? text[1..] : text, (ulong)fromBase);
        // A negative number for an unsigned base is its two's complement, or all ones when it needs the 64th bit.
        if (negative && toBase > 0)
            value = (long)value < 0 ? ulong.MaxValue : unchecked((ulong)-(long)value);
        var signed = toBase < 0 && (long)value < 0;
        if (signed)
            value = unchecked((ulong)-(long)value);
        var digits = Write(value, (ulong)Math.Abs(toBase));
        return negative && toBase < 0 || signed ? "-" + digits : digits;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text)
    {
        while (!text.IsEmpty && text[0] == ' ') text = text[1..];
        while (!text.IsEmpty && text[^1] == ' ') text = text[..^1];
        return text;
    }

    /// <summary>The digits up to the first invalid one, as an unsigned value; past 2⁶⁴ − 1 it overflows.</summary>
    private static ulong Read(ReadOnlySpan<byte> digits, ulong radix)
    {
        ulong value = 0;
        foreach (var c in digits)
        {
            var digit = Digit(c);
            if (digit < 0 || (ulong)digit >= radix)
                break;
            if (value > (ulong.MaxValue - (ulong)digit) / radix)
                throw new ConvOverflowException();
            value = value * radix + (ulong)digit;
        }
        return value;
    }

    private static int Digit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'Z' => c - 'A' + 10,
        _ => -1,
    };

    private static string Write(ulong value, ulong radix)
    {
        if (value == 0) return "0";
        var text = new StringBuilder();
        while (value != 0)
        {
            var digit = (int)(value % radix);
            text.Insert(0, (char)(digit < 10 ? '0' + digit : 'A' + digit - 10));
            value /= radix;
        }
        return text.ToString();
    }

    /// <summary>Java's Long.toBinaryString: the two's complement bits without leading zeros.</summary>
    internal static string Bin(long value) => value == 0 ? "0" : Convert.ToString(value, 2);

    /// <summary>Java's Long.toHexString, upper-case: the two's complement without leading zeros.</summary>
    internal static string Hex(long value) => value.ToString("X", CultureInfo.InvariantCulture);

    /// <summary>The bytes as upper-case hex, two digits each.</summary>
    internal static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    /// <summary>The bytes hex text spells (an odd length starts with an implied 0), or null if a character is no hex digit.</summary>
    internal static byte[]? Unhex(ReadOnlySpan<byte> text)
    {
        var output = new byte[(text.Length + 1) / 2];
        var odd = text.Length % 2;
        for (var i = 0; i < output.Length; i++)
        {
            var high = i == 0 && odd == 1 ? 0 : HexDigit(text[2 * i - odd]);
            var low = HexDigit(text[2 * i + 1 - odd]);
            if (high < 0 || low < 0)
                return null;
            output[i] = (byte)(high * 16 + low);
        }
        return output;
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
