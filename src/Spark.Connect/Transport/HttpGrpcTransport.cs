using System.Net;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Spark.Connect.Transport;

/// <summary>
/// gRPC over HTTP/2 on <see cref="SocketsHttpHandler"/>: unary and server-streaming calls,
/// deadlines, cancellation, status trailers and rich error details.
/// </summary>
/// <remarks>
/// <para>One instance owns one connection pool; share it for the life of a session. The constructor
/// does no I/O: the first call connects.</para>
/// <para>Failures surface as <see cref="GrpcException"/>: connection failures and connections lost
/// mid-call as <see cref="GrpcStatusCode.Unavailable"/>; an HTTP/2 stream reset by the server with
/// <c>INTERNAL_ERROR</c> (or another code) as the gRPC spec maps it (mostly
/// <see cref="GrpcStatusCode.Internal"/>, <c>REFUSED_STREAM</c> as Unavailable, <c>CANCEL</c> as
/// Cancelled); a passed <see cref="GrpcCallOptions.Timeout"/> as
/// <see cref="GrpcStatusCode.DeadlineExceeded"/>. Cancelling the caller's token resets the HTTP/2
/// stream (the server sees the cancellation) and raises <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public sealed class HttpGrpcTransport : IGrpcTransport
{
    private readonly HttpClient _client;
    private readonly string _pathBase;
    private readonly ILogger _logger;
    private int _disposed;

    /// <summary>Creates a transport for <paramref name="options"/>; no connection is made until the first call.</summary>
    /// <exception cref="ArgumentException">The address is not an absolute http/https URI, or a size or time is invalid.</exception>
    public HttpGrpcTransport(GrpcTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = Validate(options);
        _pathBase = options.Address.AbsolutePath.TrimEnd('/');
        _logger = options.LoggerFactory?.CreateLogger<HttpGrpcTransport>() ?? NullLogger<HttpGrpcTransport>.Instance;

        _client = new HttpClient(CreateHandler(options), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// The HTTP/2 handler both transports use: several connections (a session's streams don't queue behind one),
    /// keep-alive pings only while calls are active, no proxy, cookies, redirects or decompression.
    /// </summary>
    internal static SocketsHttpHandler CreateHandler(GrpcTransportOptions options)
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
        };
        if (options.RemoteCertificateValidationCallback is { } validate)
            handler.SslOptions.RemoteCertificateValidationCallback = validate;
        return handler;
    }

    /// <summary>The options this transport was created with.</summary>
    public GrpcTransportOptions Options { get; }

    /// <inheritdoc />
    public async Task<TResponse> UnaryCallAsync<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        using var call = StartCall(method, request, options, cancellationToken);
        await call.SendAsync().ConfigureAwait(false);
        TResponse? response = await call.ReadNextAsync().ConfigureAwait(false);
        if (response is null)
        {
            throw call.Fail(GrpcStatusCode.Internal, $"The server ended the unary call {method.Path} with status OK but sent no response message.");
        }

        if (await call.ReadNextAsync().ConfigureAwait(false) is not null)
        {
            throw call.Fail(GrpcStatusCode.Internal, $"The server sent more than one response message for the unary call {method.Path}.");
        }

        return response;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<TResponse> ServerStreamingCallAsync<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        return Stream(method, request, options, cancellationToken);
    }

    private async IAsyncEnumerable<TResponse> Stream<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options,
        CancellationToken cancellationToken, [EnumeratorCancellation] CancellationToken enumeratorCancellation = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        using var linked = enumeratorCancellation.CanBeCanceled && cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, enumeratorCancellation)
            : null;
        CancellationToken token = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : enumeratorCancellation);

        // Disposing the call (also when the consumer stops early) resets the HTTP/2 stream.
        using var call = StartCall(method, request, options, token);
        await call.SendAsync().ConfigureAwait(false);
        while (await call.ReadNextAsync().ConfigureAwait(false) is { } response)
        {
            yield return response;
        }
    }

    private GrpcCall<TResponse> StartCall<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        foreach (var (key, value) in options.Headers)
        {
            GrpcProtocol.ValidateMetadata(key, value);
        }

        if (options.Timeout is { } timeout && timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            // A deadline that has already passed fails at once, as in other gRPC implementations.
            throw new GrpcException(GrpcStatusCode.DeadlineExceeded,
                $"The deadline for {method.Path} had already passed ({timeout.TotalMilliseconds} ms) when the call started.");
        }

        var uri = new Uri(Options.Address, _pathBase + method.Path);
        return new GrpcCall<TResponse>(_client, uri, method.Path, GrpcFrameWriter.Frame(request), method.ResponseParser,
            options, Options, cancellationToken, _logger);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _client.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    internal static GrpcTransportOptions Validate(GrpcTransportOptions options)
    {
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

        RequireAtLeastOneSecond(options.KeepAlivePingDelay, nameof(GrpcTransportOptions.KeepAlivePingDelay));
        RequireAtLeastOneSecond(options.KeepAlivePingTimeout, nameof(GrpcTransportOptions.KeepAlivePingTimeout));
        if (options.ConnectTimeout <= TimeSpan.Zero && options.ConnectTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                $"GrpcTransportOptions.ConnectTimeout must be positive or Timeout.InfiniteTimeSpan, got {options.ConnectTimeout}.");
        }

        return options;
    }

    // SocketsHttpHandler's own limit for HTTP/2 PING settings.
    private static void RequireAtLeastOneSecond(TimeSpan value, string name)
    {
        if (value != Timeout.InfiniteTimeSpan && value < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(GrpcTransportOptions),
                $"GrpcTransportOptions.{name} must be at least one second or Timeout.InfiniteTimeSpan, got {value}.");
        }
    }
}
