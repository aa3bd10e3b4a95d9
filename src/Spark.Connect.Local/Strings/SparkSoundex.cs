namespace Spark.Connect.Local.Strings;

/// <summary>
/// Spark's <c>soundex</c> (American Soundex over ASCII letters, as <c>UTF8String.soundex</c>): the first letter
/// upper-cased, then up to three digits for the following consonant groups; H and W are transparent, vowels and
/// non-letters separate equal codes. Text that does not start with an ASCII letter is returned as it is; '' stays ''.
/// </summary>
internal static class SparkSoundex
{
    // Codes for A..Z: '0' vowels (and Y), '7' for H and W, which are skipped without separating.
    private const string Codes = "01230127022455012623017202";

    /// <summary>The code of <paramref name="utf8"/>, written to <paramref name="destination"/>; returns its length.</summary>
    public static int Encode(ReadOnlySpan<byte> utf8, Span<byte> destination)
    {
        if (utf8.Length == 0) return 0;
        var first = Upper(utf8[0]);
        if (first is < (byte)'A' or > (byte)'Z')
        {
            utf8.CopyTo(destination);
            return utf8.Length;
        }
        destination[0] = first;
        destination[1] = destination[2] = destination[3] = (byte)'0';
        var written = 1;
        var last = Codes[first - 'A'];
        for (var i = 1; i < utf8.Length && written < 4; i++)
        {
            var letter = Upper(utf8[i]);
            if (letter is < (byte)'A' or > (byte)'Z')
            {
                last = '0';
                continue;
            }
            var code = Codes[letter - 'A'];
            if (code == '7') continue;
            if (code != '0' && code != last)
                destination[written++] = (byte)code;
            last = code;
        }
        return 4;
    }

    private static byte Upper(byte b) => b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b;
}
