using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Spark.Connect;

/// <summary>
/// A parsed Spark Connect connection string, <c>sc://host[:port]/;key=value;key=value</c>.
/// </summary>
/// <remarks>
/// <para>
/// The scheme must be <c>sc</c>; the host is a DNS name, an IPv4 address or a bracketed IPv6
/// address; the port defaults to 15002; the path must be empty. Parameters follow <c>/;</c>,
/// separated by <c>;</c>, each <c>key=value</c> with a case-sensitive key and a percent-encoded value.
/// </para>
/// <para>
/// Known keys: <c>token</c> (sent as <c>authorization: Bearer</c>), <c>use_ssl</c>, <c>user_id</c>,
/// <c>user_agent</c>, <c>session_id</c> (a UUID) and <c>grpc_max_message_size</c>. Every other key is
/// a gRPC metadata header sent on every call (for example <c>x-databricks-cluster-id</c>). Header
/// names must already be lower case (an upper-case name is rejected rather than silently changed,
/// so that a mistyped known key such as <c>Token</c> is never sent as a header).
/// </para>
/// <para>
/// A token switches TLS on, and tokens otherwise travel only over TLS: <c>use_ssl=false</c>
/// together with a token is rejected unless the caller passes <c>allowTokenWithoutTls: true</c>
/// (meant for a trusted local server). The token never appears in <see cref="ToString"/> or in
/// any exception message.
/// </para>
/// <para>
/// <see cref="ToString"/> prints only values known to be harmless (host, port, <c>use_ssl</c>, <c>user_agent</c>,
/// <c>session_id</c>, <c>grpc_max_message_size</c>); every other value, <c>user_id</c> and every header included,
/// is written as <c>***</c>, because a header may be a credential (<c>x-api-key</c>) and a mistyped key
/// (<c>tokn=</c>) is sent as a header too.
/// </para>
/// </remarks>
public sealed class SparkConnectionString
{
    /// <summary>The port Spark Connect servers listen on unless told otherwise.</summary>
    public const int DefaultPort = 15002;

    /// <summary>The environment variable that holds the default connection string.</summary>
    public const string EnvironmentVariable = "SPARK_REMOTE";

    private const string Redacted = "***";
    private readonly bool _useSslGiven;

    internal SparkConnectionString(
        string host, int port, bool useSsl, bool useSslGiven, string? token, string? userId, string? userAgent,
        Guid? sessionId, int? grpcMaxMessageSize, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        Host = host;
        Port = port;
        UseSsl = useSsl;
        _useSslGiven = useSslGiven;
        Token = token;
        UserId = userId;
        UserAgent = userAgent;
        SessionId = sessionId;
        GrpcMaxMessageSize = grpcMaxMessageSize;
        Headers = headers;
    }

    /// <summary>The host name or address; an IPv6 address is given without its brackets.</summary>
    public string Host { get; }

    /// <summary>The TCP port (1 to 65535); <see cref="DefaultPort"/> when the string has none.</summary>
    public int Port { get; }

    /// <summary>Whether to connect with TLS: the <c>use_ssl</c> value, or true when a token is given.</summary>
    public bool UseSsl { get; }

    /// <summary>The bearer token, if any. Never printed by <see cref="ToString"/>.</summary>
    public string? Token { get; }

    /// <summary>The <c>user_id</c> parameter, which goes into every request's user context.</summary>
    public string? UserId { get; }

    /// <summary>The <c>user_agent</c> parameter, sent as the requests' client type.</summary>
    public string? UserAgent { get; }

    /// <summary>The <c>session_id</c> parameter: a session to join instead of a new random one.</summary>
    public Guid? SessionId { get; }

    /// <summary>The <c>grpc_max_message_size</c> parameter: the largest message to accept, in bytes.</summary>
    public int? GrpcMaxMessageSize { get; }

    /// <summary>Extra gRPC metadata headers (every unknown key), in the order they were written.
    /// Values of <c>-bin</c> headers are the base64 text from the string.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The HTTP endpoint to connect to: <c>http://</c> or <c>https://</c>, host (bracketed if IPv6) and port.</summary>
    public Uri Endpoint => new($"{(UseSsl ? "https" : "http")}://{HostForUri}:{Port.ToString(CultureInfo.InvariantCulture)}");

    private string HostForUri => Host.Contains(':') ? $"[{Host}]" : Host;

    /// <summary>Parses a connection string; a token with <c>use_ssl=false</c> is rejected.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="connectionString"/> is null.</exception>
    /// <exception cref="FormatException">The string is malformed; the message says which part and how to fix it.</exception>
    public static SparkConnectionString Parse(string connectionString) => Parse(connectionString, allowTokenWithoutTls: false);

    /// <summary>Parses a connection string.</summary>
    /// <param name="connectionString">The <c>sc://</c> string.</param>
    /// <param name="allowTokenWithoutTls">True to accept a token together with <c>use_ssl=false</c>, which sends
    /// the token in clear text; only for a trusted local server.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connectionString"/> is null.</exception>
    /// <exception cref="FormatException">The string is malformed; the message says which part and how to fix it.</exception>
    public static SparkConnectionString Parse(string connectionString, bool allowTokenWithoutTls)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parsed = SparkConnectionStringParser.Parse(connectionString, allowTokenWithoutTls, out var error);
        return parsed ?? throw new FormatException(error);
    }

    /// <summary>Tries to parse a connection string; a token with <c>use_ssl=false</c> is rejected.</summary>
    /// <returns>False when the string is null or malformed.</returns>
    public static bool TryParse([NotNullWhen(true)] string? connectionString, [NotNullWhen(true)] out SparkConnectionString? result) =>
        TryParse(connectionString, allowTokenWithoutTls: false, out result);

    /// <summary>Tries to parse a connection string.</summary>
    /// <param name="connectionString">The <c>sc://</c> string.</param>
    /// <param name="allowTokenWithoutTls">True to accept a token together with <c>use_ssl=false</c>.</param>
    /// <param name="result">The parsed string, or null.</param>
    /// <returns>False when the string is null or malformed.</returns>
    public static bool TryParse(
        [NotNullWhen(true)] string? connectionString, bool allowTokenWithoutTls, [NotNullWhen(true)] out SparkConnectionString? result)
    {
        result = connectionString is null ? null : SparkConnectionStringParser.Parse(connectionString, allowTokenWithoutTls, out _);
        return result is not null;
    }

    /// <summary>
    /// Reads the default connection string from the <c>SPARK_REMOTE</c> environment variable.
    /// </summary>
    /// <returns>The parsed string, or null when the variable is unset or empty.</returns>
    /// <exception cref="FormatException">The variable is set but malformed.</exception>
    public static SparkConnectionString? FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    internal static SparkConnectionString? FromEnvironment(Func<string, string?> getVariable)
    {
        var value = getVariable(EnvironmentVariable);
        if (string.IsNullOrEmpty(value)) return null;
        var parsed = SparkConnectionStringParser.Parse(value, allowTokenWithoutTls: false, out var error);
        return parsed ?? throw new FormatException($"The {EnvironmentVariable} environment variable is not a valid connection string: {error}");
    }

    /// <summary>
    /// Renders the connection string back for logs and messages: host, port and the harmless parameters as given,
    /// every other value (token, <c>user_id</c>, every header) replaced by <c>***</c>. The keys stay, so a mistyped
    /// key is still visible.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder("sc://").Append(HostForUri).Append(':').Append(Port.ToString(CultureInfo.InvariantCulture)).Append('/');
        void Add(string key, string value) => text.Append(';').Append(key).Append('=').Append(value);
        if (Token is not null) Add("token", Redacted);
        if (_useSslGiven) Add("use_ssl", UseSsl ? "true" : "false");
        if (UserId is not null) Add("user_id", Redacted);
        if (UserAgent is not null) Add("user_agent", Uri.EscapeDataString(UserAgent));
        if (SessionId is { } id) Add("session_id", id.ToString("D"));
        if (GrpcMaxMessageSize is { } max) Add("grpc_max_message_size", max.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, _) in Headers) Add(key, Redacted);
        return text.ToString();
    }
}
