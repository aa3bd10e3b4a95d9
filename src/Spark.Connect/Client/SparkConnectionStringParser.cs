using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Spark.Connect;

/// <summary>
/// The rules of <see cref="SparkConnectionString"/>. Every error text is built so that it can never
/// contain the token: parameter values are never quoted, and the few quoted fragments (scheme,
/// host, port, key) are checked against every <c>token=</c> value of the input first.
/// </summary>
internal static class SparkConnectionStringParser
{
    private const string Scheme = "sc://";
    private const string Shape = "Expected sc://host[:port]/;key=value;key=value.";
    private const int MaxUserAgentLength = 2048;

    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.Ordinal)
    {
        "content-type", "te", "user-agent", "authorization", "host",
        "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade",
    };

    public static SparkConnectionString? Parse(string text, bool allowTokenWithoutTls, out string? error)
    {
        var secrets = TokenCandidates(text);
        try
        {
            error = null;
            return ParseOrThrow(text, allowTokenWithoutTls, secrets);
        }
        catch (BadPartException bad)
        {
            error = $"Invalid Spark Connect connection string: {bad.Message}";
            return null;
        }
    }

    private static SparkConnectionString ParseOrThrow(string text, bool allowTokenWithoutTls, List<string> secrets)
    {
        string Quote(string fragment) => secrets.Any(s => fragment.Contains(s, StringComparison.Ordinal)) ? "(redacted)" : $"'{fragment}'";

        if (text.Length == 0) throw new BadPartException($"the string is empty. {Shape}");
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) || char.IsControl(text[i]))
                throw new BadPartException($"whitespace or a control character at position {i}; remove it, or percent-encode it inside a value (a space is %20).");
        }
        var fragmentAt = text.IndexOf('#');
        if (fragmentAt >= 0)
            throw new BadPartException($"a fragment ('#' at position {fragmentAt}) is not allowed; percent-encode '#' as %23 inside a value.");
        var queryAt = text.IndexOf('?');
        if (queryAt >= 0)
            throw new BadPartException($"a query string ('?' at position {queryAt}) is not allowed; put parameters after '/;' separated by ';' (or write '?' as %3F inside a value).");

        if (!text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
            var scheme = schemeEnd > 0 ? Quote(text[..schemeEnd]) : "(none)";
            throw new BadPartException($"the scheme must be 'sc', found {scheme}. {Shape}");
        }

        var rest = text[Scheme.Length..];
        var slash = rest.IndexOf('/');
        var authority = slash < 0 ? rest : rest[..slash];
        var tail = slash < 0 ? "" : rest[slash..];
        if (authority.Contains(';'))
            throw new BadPartException("parameters must come after '/;' (the host is followed by ';' without a '/'); write sc://host:port/;key=value.");
        if (authority.Contains('@'))
            throw new BadPartException("user information ('user@host') is not supported in the host part; pass credentials as ';token=...' or ';user_id=...' parameters.");
        var (host, port) = ParseAuthority(authority, Quote);

        string? parameters;
        if (tail.Length == 0 || tail == "/") parameters = null;
        else if (tail.StartsWith("/;", StringComparison.Ordinal)) parameters = tail[2..];
        else throw new BadPartException("the path after the host must be empty; put parameters after '/;' (sc://host:port/;key=value).");

        return ParseParameters(host, port, parameters, allowTokenWithoutTls, Quote);
    }

    private static (string Host, int Port) ParseAuthority(string authority, Func<string, string> quote)
    {
        if (authority.Length == 0) throw new BadPartException($"the host is missing. {Shape}");
        string host;
        string? portText = null;
        if (authority[0] == '[')
        {
            var close = authority.IndexOf(']');
            if (close < 0) throw new BadPartException($"the IPv6 host {quote(authority)} has no closing ']'.");
            host = authority[1..close];
            if (!IPAddress.TryParse(host, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6 || host.Contains('%'))
                throw new BadPartException($"the bracketed host {quote(host)} is not an IPv6 address; brackets are only for IPv6 (e.g. sc://[::1]:15002).");
            var after = authority[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':') throw new BadPartException($"unexpected {quote(after)} after the IPv6 host; only ':port' may follow ']'.");
                portText = after[1..];
            }
        }
        else
        {
            var colon = authority.IndexOf(':');
            if (colon >= 0 && authority.IndexOf(':', colon + 1) >= 0)
                throw new BadPartException($"the host {quote(authority)} looks like an IPv6 address; put it in brackets, e.g. sc://[::1]:15002.");
            host = colon < 0 ? authority : authority[..colon];
            portText = colon < 0 ? null : authority[(colon + 1)..];
            if (host.Length == 0) throw new BadPartException($"the host is missing before ':'. {Shape}");
            if (!IsIPv4OrDnsName(host))
                throw new BadPartException($"the host {quote(host)} is not a valid DNS name or IPv4 address (letters, digits, '-' and '.' only).");
        }

        if (portText is null) return (host, SparkConnectionString.DefaultPort);
        if (portText.Length == 0) throw new BadPartException("the port after ':' is empty; write a port number (1-65535) or drop the ':'.");
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new BadPartException($"the port {quote(portText)} is not a number from 1 to 65535.");
        return (host, port);
    }

    private static bool IsIPv4OrDnsName(string host)
    {
        if (host.All(c => char.IsAsciiDigit(c) || c == '.'))
            return IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork && host.Count(c => c == '.') == 3;
        if (host.Length > 253) return false;
        foreach (var label in host.TrimEnd('.').Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
            if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) return false;
        }
        return true;
    }

    private static SparkConnectionString ParseParameters(
        string host, int port, string? parameters, bool allowTokenWithoutTls, Func<string, string> quote)
    {
        string? token = null, userId = null, userAgent = null;
        bool? useSsl = null;
        Guid? sessionId = null;
        int? maxMessageSize = null;
        var headers = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // After "/;" at least one parameter must follow: "sc://h/;" has an empty first parameter.
        var segments = parameters is null ? [] : parameters.Split(';');
        for (var index = 0; index < segments.Length; index++)
        {
            var segment = segments[index];
            var ordinal = index + 1;
            if (segment.Length == 0)
                throw new BadPartException($"parameter #{ordinal} is empty (two ';' in a row, or a trailing ';'); remove the extra ';'.");
            var equals = segment.IndexOf('=');
            if (equals < 0)
                throw new BadPartException($"parameter #{ordinal} has no '='; every parameter must be key=value.");
            if (equals == 0)
                throw new BadPartException($"parameter #{ordinal} has an empty key before '='; write key=value.");
            var key = segment[..equals];
            var quotedKey = quote(key);
            if (!seen.Add(key))
                throw new BadPartException($"the parameter {quotedKey} is given twice; keep one.");
            var value = PercentDecode(segment[(equals + 1)..], quotedKey);

            switch (key)
            {
                case "token":
                    if (value.Length == 0) throw new BadPartException("the 'token' parameter is empty; give the token or remove the parameter.");
                    if (!value.All(c => c is >= '!' and <= '~'))
                        throw new BadPartException("the 'token' parameter contains characters that cannot travel in an HTTP header; only visible ASCII characters are allowed.");
                    token = value;
                    break;
                case "use_ssl":
                    useSsl = value.ToLowerInvariant() switch
                    {
                        "true" => true,
                        "false" => false,
                        _ => throw new BadPartException($"'use_ssl' must be true or false, found {quote(value)}."),
                    };
                    break;
                case "user_id":
                    userId = value;
                    break;
                case "user_agent":
                    if (Uri.EscapeDataString(value).Length > MaxUserAgentLength)
                        throw new BadPartException($"'user_agent' is longer than {MaxUserAgentLength} characters once URL-escaped; shorten it.");
                    userAgent = value;
                    break;
                case "session_id":
                    if (!Guid.TryParseExact(value, "D", out var id))
                        throw new BadPartException($"'session_id' must be a UUID such as 00112233-4455-6677-8899-aabbccddeeff, found {quote(value)}.");
                    sessionId = id;
                    break;
                case "grpc_max_message_size":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size <= 0)
                        throw new BadPartException($"'grpc_max_message_size' must be a positive whole number of bytes up to {int.MaxValue}, found {quote(value)}.");
                    maxMessageSize = size;
                    break;
                default:
                    ValidateHeader(key, quotedKey, value);
                    headers.Add(new(key, value));
                    break;
            }
        }

        if (token is not null && useSsl == false && !allowTokenWithoutTls)
            throw new BadPartException("a token is given together with use_ssl=false, which would send it in clear text; remove use_ssl=false (a token turns TLS on), or opt in with allowTokenWithoutTls for a trusted local server.");
        return new SparkConnectionString(host, port, useSsl ?? token is not null, useSsl.HasValue, token, userId, userAgent, sessionId, maxMessageSize, headers);
    }

    private static void ValidateHeader(string key, string quotedKey, string value)
    {
        if (key.Any(char.IsAsciiLetterUpper))
            throw new BadPartException($"the header name {quotedKey} has upper-case letters; gRPC header names are lower case, and known parameters (token, use_ssl, user_id, user_agent, session_id, grpc_max_message_size) are case-sensitive.");
        if (key[0] == ':')
            throw new BadPartException($"the header name {quotedKey} is an HTTP/2 pseudo-header, which cannot be set; remove it.");
        if (!key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
            throw new BadPartException($"the header name {quotedKey} is not a valid gRPC metadata key; use only lower-case letters, digits, '-', '_' and '.'.");
        if (ReservedHeaders.Contains(key) || key.StartsWith("grpc-", StringComparison.Ordinal))
            throw new BadPartException($"the header name {quotedKey} is reserved by HTTP/2 or gRPC and cannot be set from a connection string; use ';token=...' for authorization.");
        if (key.EndsWith("-bin", StringComparison.Ordinal))
        {
            var padded = value.PadRight(value.Length + (4 - value.Length % 4) % 4, '=');
            if (value.Length % 4 == 1 || !Convert.TryFromBase64String(padded, new byte[padded.Length], out _))
                throw new BadPartException($"the value of the binary header {quotedKey} is not valid base64; '-bin' headers carry base64-encoded bytes (percent-encode '+', '/' and '=' if needed).");
        }
        else if (!value.All(c => c is >= ' ' and <= '~'))
        {
            throw new BadPartException($"the value of the header {quotedKey} has characters gRPC cannot send as text; use printable ASCII, or a '-bin' header with base64.");
        }
    }

    /// <summary>Decodes %XX escapes strictly: a lone '%' or bad hex is an error, and each run of escapes must be UTF-8.</summary>
    private static string PercentDecode(string raw, string quotedKey)
    {
        if (!raw.Contains('%')) return raw;
        var text = new StringBuilder(raw.Length);
        var escaped = new List<byte>();
        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '%')
            {
                if (i + 2 >= raw.Length || !char.IsAsciiHexDigit(raw[i + 1]) || !char.IsAsciiHexDigit(raw[i + 2]))
                    throw new BadPartException($"the value of {quotedKey} has a bad percent escape at character {i + 1} of the value; write '%' as %25 and escapes as %XX with two hex digits.");
                escaped.Add(byte.Parse(raw.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
                if (i + 1 < raw.Length && raw[i + 1] == '%') continue;
            }
            else
            {
                text.Append(raw[i]);
                continue;
            }
            try
            {
                text.Append(strictUtf8.GetString(escaped.ToArray()));
            }
            catch (DecoderFallbackException)
            {
                throw new BadPartException($"the value of {quotedKey} has percent escapes that are not UTF-8; percent-encode UTF-8 text only.");
            }
            escaped.Clear();
        }
        return text.ToString();
    }

    /// <summary>Every text that could be the token: the raw and decoded value of each <c>token=</c> segment.</summary>
    private static List<string> TokenCandidates(string text)
    {
        var found = new List<string>();
        var at = 0;
        while ((at = text.IndexOf("token=", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            at += "token=".Length;
            var end = text.IndexOf(';', at);
            var raw = end < 0 ? text[at..] : text[at..end];
            if (raw.Length == 0) continue;
            found.Add(raw);
            try { found.Add(Uri.UnescapeDataString(raw)); } catch (UriFormatException) { }
        }
        return found.Where(s => s.Length > 0).ToList();
    }

    private sealed class BadPartException(string message) : Exception(message);
}
