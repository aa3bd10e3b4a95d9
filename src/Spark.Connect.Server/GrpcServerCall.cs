using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Spark.Connect.Transport;

namespace Spark.Connect.Server;

/// <summary>
/// One server call: validates the HTTP/2 request, owns the call's cancellation (client abort plus
/// deadline), reads framed requests, writes framed responses and the final status.
/// </summary>
internal sealed class GrpcServerCall : IDisposable
{
    private readonly HttpContext _http;
    private readonly CancellationTokenSource _cancellation;
    private readonly GrpcFrameReader _reader;
    private readonly TimeSpan? _timeout;

    private GrpcServerCall(HttpContext http, string method, TimeSpan? timeout, int maxReceiveMessageSize)
    {
        _http = http;
        _timeout = timeout;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        if (timeout is { } t)
        {
            _cancellation.CancelAfter(t);
        }

        _reader = new GrpcFrameReader(http.Request.Body, maxReceiveMessageSize, http.Request.Headers[GrpcProtocol.EncodingHeader]);
        Context = new SparkConnectCallContext(http, method, timeout is { } d ? DateTimeOffset.UtcNow + d : null, _cancellation.Token);
    }

    public SparkConnectCallContext Context { get; }

    /// <summary>True once the client went away (cancelled, reset the stream, or the connection dropped).</summary>
    public bool ClientGone => _http.RequestAborted.IsCancellationRequested;

    /// <summary>True when the call's own deadline, not the client, cancelled it.</summary>
    public bool DeadlinePassed => _timeout is not null && _cancellation.IsCancellationRequested && !ClientGone;

    /// <summary>
    /// Starts a call, or answers the request itself and returns null when it is not valid gRPC
    /// (not HTTP/2, wrong content type, unsupported encoding, malformed timeout).
    /// </summary>
    public static async Task<GrpcServerCall?> TryStartAsync(HttpContext http, string method, int maxReceiveMessageSize)
    {
        if (!HttpProtocol.IsHttp2(http.Request.Protocol))
        {
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            http.Response.Headers.Connection = "Upgrade";
            http.Response.Headers.Upgrade = "HTTP/2";
            return null;
        }

        if (!GrpcProtocol.IsGrpcContentType(http.Request.ContentType))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return null;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = GrpcProtocol.ContentType;

        string? encoding = http.Request.Headers[GrpcProtocol.EncodingHeader];
        if (!string.IsNullOrEmpty(encoding) && encoding != "identity")
        {
            http.Response.Headers[GrpcProtocol.AcceptEncodingHeader] = "identity";
            await WriteStatusAsync(http, GrpcStatusCode.Unimplemented,
                $"Compressed requests (grpc-encoding '{encoding}') are not supported; send uncompressed messages.", null, []);
            return null;
        }

        TimeSpan? timeout = null;
        string? timeoutText = http.Request.Headers[GrpcProtocol.TimeoutHeader];
        if (timeoutText is not null)
        {
            if (!GrpcTimeoutCodec.TryParse(timeoutText, out TimeSpan parsed))
            {
                await WriteStatusAsync(http, GrpcStatusCode.Internal, "The grpc-timeout header is malformed.", null, []);
                return null;
            }

            timeout = parsed;
        }

        // Our own frame limit governs; Kestrel's default body cap (30 MB) would cut large requests otherwise.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        return new GrpcServerCall(http, method, timeout, maxReceiveMessageSize);
    }

    /// <summary>Reads the next request message, or returns default at the end of the request stream.</summary>
    public async Task<TRequest?> ReadRequestAsync<TRequest>(MessageParser<TRequest> parser)
        where TRequest : IMessage<TRequest>
    {
        byte[]? payload = await _reader.ReadMessageAsync(_cancellation.Token).ConfigureAwait(false);
        if (payload is null)
        {
            return default;
        }

        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new GrpcException(GrpcStatusCode.Internal,
                $"The request message ({payload.Length} bytes) is not a valid {typeof(TRequest).Name}: {ex.Message}");
        }
    }

    /// <summary>Reads exactly one request message, as unary and server-streaming methods expect.</summary>
    public async Task<TRequest> ReadSingleRequestAsync<TRequest>(MessageParser<TRequest> parser)
        where TRequest : IMessage<TRequest>
    {
        TRequest request = await ReadRequestAsync(parser).ConfigureAwait(false)
            ?? throw new GrpcException(GrpcStatusCode.Internal, $"The {Context.Method} request carried no message.");
        if (await _reader.ReadMessageAsync(_cancellation.Token).ConfigureAwait(false) is not null)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"The {Context.Method} request carried more than one message.");
        }

        return request;
    }

    /// <summary>Writes one framed message and flushes it, sending the headers first if needed.</summary>
    public async Task WriteMessageAsync(IMessage message)
    {
        if (!_http.Response.HasStarted)
        {
            await _http.Response.StartAsync(_cancellation.Token).ConfigureAwait(false);
        }

        GrpcFrameWriter.Write(_http.Response.BodyWriter, message);
        await _http.Response.BodyWriter.FlushAsync(_cancellation.Token).ConfigureAwait(false);
    }

    /// <summary>Writes the final status with the handler's custom trailers.</summary>
    public Task CompleteAsync(GrpcStatusCode status, string? message, Google.Rpc.Status? details,
        IEnumerable<KeyValuePair<string, string>> extraTrailers) =>
        WriteStatusAsync(_http, status, message, details, Context.ResponseTrailers.Concat(extraTrailers));

    public void Dispose() => _cancellation.Dispose();

    /// <summary>
    /// Sends the status in the trailers, or, when nothing was sent yet, in the headers of a
    /// trailers-only response (a HEADERS frame that ends the stream).
    /// </summary>
    private static Task WriteStatusAsync(HttpContext http, GrpcStatusCode status, string? message,
        Google.Rpc.Status? details, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        bool trailersOnly = !http.Response.HasStarted;
        void Add(string name, string value)
        {
            if (trailersOnly)
            {
                http.Response.Headers.Append(name, value);
            }
            else
            {
                http.Response.AppendTrailer(name, value);
            }
        }

        foreach (var (name, value) in metadata)
        {
            // Custom metadata may not impersonate the status fields or transport headers.
            if (!GrpcProtocol.IsReserved(name))
            {
                Add(name.ToLowerInvariant(), value);
            }
        }

        Add(GrpcProtocol.StatusHeader, ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(message))
        {
            Add(GrpcProtocol.MessageHeader, GrpcMessageCodec.Encode(message));
        }

        if (details is not null)
        {
            Add(GrpcProtocol.StatusDetailsHeader, GrpcStatusDetailsCodec.Encode(details));
        }

        return Task.CompletedTask;
    }
}
