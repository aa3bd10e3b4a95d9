using System.Net;

namespace Spark.Connect.Transport;

/// <summary>The HTTP/2 handler under the gRPC channel, built from <see cref="GrpcTransportOptions"/>.</summary>
internal static class GrpcHttpHandler
{
    /// <summary>
    /// Several connections (a session's streams don't queue behind one), keep-alive pings only while calls are
    /// active, bounded response headers, no proxy, cookies, redirects or decompression.
    /// </summary>
    public static SocketsHttpHandler Create(GrpcTransportOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            MaxResponseHeadersLength = options.MaxResponseHeadersLength,
        };
        if (options.RemoteCertificateValidationCallback is { } validate)
            handler.SslOptions.RemoteCertificateValidationCallback = validate;
        return handler;
    }

    /// <summary>Checks the options before anything is built; messages name the setting.</summary>
    public static GrpcTransportOptions Validate(GrpcTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Address is null || !options.Address.IsAbsoluteUri ||
            (options.Address.Scheme != Uri.UriSchemeHttp && options.Address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException(
                $"GrpcTransportOptions.Address must be an absolute http:// or https:// URI, got '{options.Address}'.", nameof(options));
        }
        if (options.MaxReceiveMessageSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                $"GrpcTransportOptions.MaxReceiveMessageSize must be positive, got {options.MaxReceiveMessageSize}.");
        }
        if (options.MaxResponseNestingDepth <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                $"GrpcTransportOptions.MaxResponseNestingDepth must be positive, got {options.MaxResponseNestingDepth}.");
        }
        if (options.MaxResponseHeadersLength <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                $"GrpcTransportOptions.MaxResponseHeadersLength must be positive (KiB), got {options.MaxResponseHeadersLength}.");
        }
        RequireAtLeastOneSecond(options.KeepAlivePingDelay, nameof(GrpcTransportOptions.KeepAlivePingDelay));
        RequireAtLeastOneSecond(options.KeepAlivePingTimeout, nameof(GrpcTransportOptions.KeepAlivePingTimeout));
        if (options.ConnectTimeout <= TimeSpan.Zero && options.ConnectTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                $"GrpcTransportOptions.ConnectTimeout must be positive or Timeout.InfiniteTimeSpan, got {options.ConnectTimeout}.");
        }
        return options;
    }

    // SocketsHttpHandler's own lower bound for HTTP/2 PING settings.
    private static void RequireAtLeastOneSecond(TimeSpan value, string name)
    {
        if (value != Timeout.InfiniteTimeSpan && value < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(GrpcTransportOptions),
                $"GrpcTransportOptions.{name} must be at least one second or Timeout.InfiniteTimeSpan, got {value}.");
        }
    }
}
