namespace Spark.Connect.Local.Strings;

/// <summary>
/// The raw components of a URI as <c>java.net.URI</c> reads them (RFC 2396): scheme, authority (user info, host, port),
/// path, query and fragment. Text Java refuses (an illegal character, a bad escape, a bad scheme, nothing after the
/// scheme) throws <see cref="SparkUrl.MalformedException"/>. An authority that is not host[:port] keeps its raw text
/// but has no host, as Java's registry-based authorities do; an opaque URI (<c>mailto:x</c>) has no path or query.
/// </summary>
internal sealed record UriParts(string? Scheme, string? Authority, string? UserInfo, string? Host, string? Path, string? Query, string? Fragment)
{
    private const string Punctuation = "_-!.~'()*;/?:@&=+$,";

    internal static UriParts Read(string text)
    {
        var fragmentAt = text.IndexOf('#', StringComparison.Ordinal);
        var fragment = fragmentAt < 0 ? null : Checked(text, fragmentAt + 1, text.Length, "fragment");
        var body = fragmentAt < 0 ? text : text[..fragmentAt];
        var scheme = SchemeOf(text, body);
        var rest = scheme is null ? body : body[(scheme.Length + 1)..];
        var restStart = scheme is null ? 0 : scheme.Length + 1;
        if (scheme is not null && rest.Length == 0)
            throw Malformed("Expected scheme-specific part", text, restStart);
        if (scheme is not null && rest[0] != '/')
        {
            Checked(text, restStart, body.Length, "opaque part");
            return new UriParts(scheme, null, null, null, null, null, fragment);
        }
        var queryAt = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt < 0 ? null : Checked(text, restStart + queryAt + 1, restStart + rest.Length, "query");
        var hierarchy = queryAt < 0 ? rest : rest[..queryAt];
        string? authority = null, userInfo = null, host = null;
        var path = hierarchy;
        if (hierarchy.StartsWith("//", StringComparison.Ordinal))
        {
            var end = hierarchy.IndexOf('/', 2);
            var raw = end < 0 ? hierarchy[2..] : hierarchy[2..end];
            path = end < 0 ? "" : hierarchy[end..];
            if (raw.Length > 0)
            {
                authority = CheckedAuthority(text, raw, restStart + 2);
                (userInfo, host) = ServerParts(raw);
            }
        }
        Checked(text, restStart + (hierarchy.Length - path.Length), restStart + hierarchy.Length, "path");
        return new UriParts(scheme, authority, userInfo, host, path, query, fragment);
    }

    private static string? SchemeOf(string text, string body)
    {
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        var delimiter = body.IndexOfAny(['/', '?']);
        if (colon < 0 || (delimiter >= 0 && delimiter < colon))
            return null;
        if (colon == 0)
            throw Malformed("Expected scheme name", text, 0);
        var scheme = body[..colon];
        for (var i = 0; i < scheme.Length; i++)
        {
            var c = scheme[i];
            var legal = char.IsAsciiLetter(c) || (i > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.'));
            if (!legal)
                throw Malformed("Illegal character in scheme name", text, i);
        }
        return scheme;
    }

    /// <summary>user@host:port when it is one (host a name, IPv4 or [IPv6], port digits); otherwise no user info and no host.</summary>
    private static (string? UserInfo, string? Host) ServerParts(string authority)
    {
        var at = authority.LastIndexOf('@');
        var userInfo = at < 0 ? null : authority[..at];
        var hostPort = authority[(at + 1)..];
        var portAt = hostPort.StartsWith('[') ? hostPort.IndexOf("]:", StringComparison.Ordinal) + 1 : hostPort.LastIndexOf(':');
        var host = portAt <= 0 ? hostPort : hostPort[..portAt];
        var port = portAt <= 0 ? "" : hostPort[(portAt + 1)..];
        var validHost = host.StartsWith('[') ? host.EndsWith(']') : host.Length > 0 && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
        return validHost && port.All(char.IsAsciiDigit) ? (userInfo, host) : (null, null);
    }

    private static string CheckedAuthority(string text, string authority, int start)
    {
        for (var i = 0; i < authority.Length; i++)
            if (authority[i] is not ('[' or ']') && !Legal(text, start + i))
                throw Malformed("Illegal character in authority", text, start + i);
        return authority;
    }

    private static string Checked(string text, int start, int end, string component)
    {
        for (var i = start; i < end; i++)
            if (!Legal(text, i))
                throw Malformed(text[i] == '%' ? "Malformed escape pair" : $"Illegal character in {component}", text, i);
        return text[start..end];
    }

    // Unreserved and reserved characters, %hh escapes and non-ASCII letters are legal; space, controls, "<>\^`{|}# are not.
    private static bool Legal(string text, int i)
    {
        var c = text[i];
        if (c == '%')
            return i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]);
        return char.IsAsciiLetterOrDigit(c) || Punctuation.Contains(c, StringComparison.Ordinal)
            || (c > 127 && !char.IsControl(c) && !char.IsWhiteSpace(c));
    }

    private static SparkUrl.MalformedException Malformed(string reason, string text, int index) =>
        new($"{reason} at index {index}: {text}");
}
