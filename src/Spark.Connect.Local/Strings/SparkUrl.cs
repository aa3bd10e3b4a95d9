using System.Text;

namespace Spark.Connect.Local.Strings;

/// <summary>
/// Spark's URL functions on UTF-8 text, with Java's rules: <c>url_encode</c> is <c>URLEncoder</c> (letters, digits and
/// <c>.-*_</c> kept, space as <c>+</c>, every other byte as <c>%XX</c>), <c>url_decode</c> is <c>URLDecoder</c> (a
/// malformed escape is an error), and <c>parse_url</c> splits a <c>java.net.URI</c> into its raw parts.
/// </summary>
internal static class SparkUrl
{
    /// <summary>Thrown for text <c>URLDecoder</c> or <c>java.net.URI</c> refuses.</summary>
    internal sealed class MalformedException(string message) : Exception(message);

    internal static string Encode(string text)
    {
        var output = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'.' or (byte)'-' or (byte)'*' or (byte)'_')
                output.Append((char)b);
            else if (b == ' ')
                output.Append('+');
            else
                output.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return output.ToString();
    }

    internal static string Decode(string text)
    {
        var output = new StringBuilder(text.Length);
        var pending = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length)
                    throw new MalformedException("URLDecoder: Incomplete trailing escape (%) pattern");
                var high = HexValue(text[i + 1]);
                var low = HexValue(text[i + 2]);
                if (high < 0 || low < 0)
                    throw new MalformedException("URLDecoder: Illegal hex characters in escape (%) pattern");
                pending.Add((byte)(high * 16 + low));
                i += 2;
                continue;
            }
            Flush(output, pending);
            output.Append(c == '+' ? ' ' : c);
        }
        Flush(output, pending);
        return output.ToString();
    }

    private static void Flush(StringBuilder output, List<byte> pending)
    {
        if (pending.Count == 0) return;
        output.Append(Encoding.UTF8.GetString([.. pending]));
        pending.Clear();
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>
    /// The part of <paramref name="url"/> Spark's <c>parse_url</c> names (HOST, PATH, QUERY, REF, PROTOCOL, FILE, AUTHORITY,
    /// USERINFO; any other name gives null), or with <paramref name="key"/> that key's value in the query.
    /// </summary>
    internal static string? Parse(string url, string part, string? key)
    {
        var uri = UriParts.Read(url);
        if (key is not null)
            return part == "QUERY" && uri.Query is { } query ? QueryValue(query, key) : null;
        return part switch
        {
            "HOST" => uri.Host,
            "PATH" => uri.Path,
            "QUERY" => uri.Query,
            "REF" => uri.Fragment,
            "PROTOCOL" => uri.Scheme,
            "FILE" => uri.Query is null ? uri.Path : uri.Path + "?" + uri.Query,
            "AUTHORITY" => uri.Authority,
            "USERINFO" => uri.UserInfo,
            _ => null,
        };
    }

    // Spark matches (&|^)key=([^&]*) and returns the first match's value.
    private static string? QueryValue(string query, string key)
    {
        foreach (var pair in query.Split('&'))
            if (pair.StartsWith(key + "=", StringComparison.Ordinal))
                return pair[(key.Length + 1)..];
        return null;
    }
}
