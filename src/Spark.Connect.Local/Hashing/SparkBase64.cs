namespace Spark.Connect.Local.Hashing;

/// <summary>
/// Base64 as Spark 4 writes and reads it. <c>base64</c> uses Java's MIME encoder by default
/// (<c>spark.sql.chunkBase64String.enabled</c>): lines of 76 characters separated by CRLF, none after the last.
/// <c>unbase64</c> uses Java's MIME decoder: characters outside the alphabet (line breaks, spaces) are skipped, the
/// final padding may be left out, and a lone trailing character or misplaced padding is an error.
/// </summary>
internal static class SparkBase64
{
    /// <summary>The MIME encoding of <paramref name="bytes"/>.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks);

    /// <summary>The bytes of <paramref name="text"/> (UTF-8 base64), or null with <paramref name="error"/> when Java's decoder rejects it.</summary>
    public static byte[]? Decode(ReadOnlySpan<byte> text, out string? error)
    {
        error = null;
        var symbols = new List<byte>(text.Length);
        var padding = 0;
        foreach (var c in text)
        {
            if (c == '=') padding++;
            else if (IsAlphabet(c))
            {
                if (padding > 0) { error = "Input byte array has incorrect ending byte"; return null; }
                symbols.Add(c);
            }
        }
        var remainder = symbols.Count % 4;
        if (remainder == 1 || padding > 0 && (remainder == 0 || padding != 4 - remainder))
        {
            error = remainder == 1 ? "Last unit does not have at least two bits of information." : "Input byte array has wrong 4-byte ending unit";
            return null;
        }
        for (var i = 0; i < (4 - remainder) % 4; i++) symbols.Add((byte)'=');
        return Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(symbols.ToArray()));
    }

    private static bool IsAlphabet(byte c) => c is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'+' or (byte)'/';
}
