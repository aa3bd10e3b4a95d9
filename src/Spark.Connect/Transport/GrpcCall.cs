using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace Spark.Connect.Transport;

/// <summary>
/// One client call: sends the framed request, reads framed responses as they arrive, and turns the
/// final status (trailers, or headers of a trailers-only response) into success or a
/// <see cref="GrpcException"/>. Disposing it before the end resets the HTTP/2 stream.
/// </summary>
internal sealed class GrpcCall<TResponse> : IDisposable
    where TResponse : IMessage<TResponse>
{
    private readonly HttpClient _client;
    private readonly Uri _uri;
    private readonly string _path;
    private readonly byte[] _requestFrame;
    private readonly MessageParser<TResponse> _parser;
    private readonly GrpcCallOptions _callOptions;
    private readonly GrpcTransportOptions _transportOptions;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenSource _callCancellation;
    private readonly ILogger _logger;
    private HttpResponseMessage? _response;
    private GrpcFrameReader? _reader;
    private bool _trailersOnly;
    private bool _finished;

    public GrpcCall(HttpClient client, Uri uri, string path, byte[] requestFrame, MessageParser<TResponse> parser,
        GrpcCallOptions callOptions, GrpcTransportOptions transportOptions, CancellationToken callerToken, ILogger logger)
    {
        _client = client;
        _uri = uri;
        _path = path;
        _requestFrame = requestFrame;
        _parser = parser;
        _callOptions = callOptions;
        _transportOptions = transportOptions;
        _callerToken = callerToken;
        _logger = logger;
        _callCancellation = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        if (HasDeadline)
        {
            _callCancellation.CancelAfter(callOptions.Timeout!.Value);
        }
    }

    private bool HasDeadline => _callOptions.Timeout is { } t && t != Timeout.InfiniteTimeSpan;

    public async Task SendAsync()
    {
        using var request = BuildRequest();
        try
        {
            _response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _callCancellation.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not GrpcException)
        {
            throw Translate(ex);
        }

        HttpResponseHeaders headers = _response.Headers;
        _trailersOnly = headers.Contains(GrpcProtocol.StatusHeader);
        if (_response.StatusCode != HttpStatusCode.OK && !_trailersOnly)
        {
            throw Fail(GrpcProtocol.FromHttpStatus(_response.StatusCode),
                $"The server answered {_path} with HTTP status {(int)_response.StatusCode} ({_response.ReasonPhrase}) and no gRPC status.");
        }

        if (_trailersOnly)
        {
            return;
        }

        string? mediaType = _response.Content.Headers.ContentType?.MediaType;
        if (!GrpcProtocol.IsGrpcContentType(mediaType))
        {
            throw Fail(GrpcStatusCode.Internal,
                $"The server answered {_path} with content-type '{mediaType}', not {GrpcProtocol.ContentType}: it is probably not a gRPC server.");
        }

        try
        {
            Stream body = await _response.Content.ReadAsStreamAsync(_callCancellation.Token).ConfigureAwait(false);
            _reader = new GrpcFrameReader(body, _transportOptions.MaxReceiveMessageSize, Single(headers, GrpcProtocol.EncodingHeader));
        }
        catch (Exception ex) when (ex is not GrpcException)
        {
            throw Translate(ex);
        }
    }

    /// <summary>The next response message, or null once the call finished with status OK.</summary>
    public async Task<TResponse?> ReadNextAsync()
    {
        if (_finished)
        {
            return default;
        }

        if (_trailersOnly)
        {
            _finished = true;
            ThrowIfNotOk(_response!.Headers, _response.Content.Headers);
            return default;
        }

        byte[]? payload;
        try
        {
            payload = await _reader!.ReadMessageAsync(_callCancellation.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not GrpcException)
        {
            throw Translate(ex);
        }

        if (payload is null)
        {
            _finished = true;
            ThrowIfNotOk(_response!.TrailingHeaders);
            return default;
        }

        try
        {
            return _parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw Fail(GrpcStatusCode.Internal,
                $"A response message of {_path} ({payload.Length} bytes) is not a valid {typeof(TResponse).Name}: {ex.Message}", ex);
        }
    }

    /// <summary>Builds a failure of this call (logged without header values).</summary>
    public GrpcException Fail(GrpcStatusCode status, string detail, Exception? inner = null,
        Google.Rpc.Status? richStatus = null, IReadOnlyList<KeyValuePair<string, string>>? trailers = null)
    {
        _finished = true;
        _logger.LogDebug("gRPC call {Path} failed with {Status}.", _path, status);
        return new GrpcException(status, detail, richStatus, trailers, inner);
    }

    public void Dispose()
    {
        _response?.Dispose();
        _callCancellation.Dispose();
    }

    private HttpRequestMessage BuildRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(_requestFrame),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(GrpcProtocol.ContentType);
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        request.Headers.TryAddWithoutValidation("user-agent", _transportOptions.UserAgent);
        request.Headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, "identity");
        if (HasDeadline)
        {
            request.Headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeoutCodec.Format(_callOptions.Timeout!.Value));
        }

        foreach (var (key, value) in _callOptions.Headers)
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }

        return request;
    }

    private void ThrowIfNotOk(HttpHeaders headers, HttpHeaders? contentHeaders = null)
    {
        string? statusText = Single(headers, GrpcProtocol.StatusHeader);
        if (statusText is null)
        {
            throw Fail(GrpcStatusCode.Internal,
                $"The server ended the response of {_path} without a grpc-status trailer.", trailers: Collect(headers, contentHeaders));
        }

        if (!int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out int code))
        {
            throw Fail(GrpcStatusCode.Unknown, $"The server sent an unreadable grpc-status for {_path}.", trailers: Collect(headers, contentHeaders));
        }

        var status = code <= (int)GrpcStatusCode.Unauthenticated ? (GrpcStatusCode)code : GrpcStatusCode.Unknown;
        if (status == GrpcStatusCode.OK)
        {
            _logger.LogDebug("gRPC call {Path} finished with OK.", _path);
            return;
        }

        string detail = GrpcMessageCodec.Decode(Single(headers, GrpcProtocol.MessageHeader));
        Google.Rpc.Status? rich = null;
        if (Single(headers, GrpcProtocol.StatusDetailsHeader) is { } details &&
            !GrpcStatusDetailsCodec.TryDecode(details, out rich, out string? error))
        {
            detail = $"{detail} ({error})";
        }

        throw Fail(status, detail, richStatus: rich, trailers: Collect(headers, contentHeaders));
    }

    private Exception Translate(Exception ex)
    {
        if (_callerToken.IsCancellationRequested)
        {
            _finished = true;
            return new OperationCanceledException($"The gRPC call {_path} was cancelled by the caller.", ex, _callerToken);
        }

        if (_callCancellation.IsCancellationRequested && HasDeadline)
        {
            return Fail(GrpcStatusCode.DeadlineExceeded,
                $"The deadline of {_callOptions.Timeout!.Value.TotalMilliseconds} ms for {_path} passed before the call completed.", ex);
        }

        if (ex is HttpRequestException { InnerException: HttpProtocolException inner })
        {
            ex = inner;
        }

        return ex switch
        {
            HttpProtocolException reset => Fail(GrpcProtocol.FromHttp2ErrorCode(reset.ErrorCode),
                $"The HTTP/2 stream of {_path} was reset (error code {reset.ErrorCode}) before the server sent a status.", ex),
            HttpRequestException connect => Fail(GrpcStatusCode.Unavailable,
                $"Could not reach the gRPC server at {_uri.Authority} for {_path}: {connect.Message}", ex),
            IOException => Fail(GrpcStatusCode.Unavailable,
                $"The connection to {_uri.Authority} was lost during {_path} before the server sent a status.", ex),
            ObjectDisposedException => Fail(GrpcStatusCode.Cancelled, $"The transport was disposed during {_path}.", ex),
            // Neither the caller nor the deadline cancelled: the handler's connect timeout or a disposed client did.
            OperationCanceledException => Fail(GrpcStatusCode.Unavailable,
                $"The call {_path} to {_uri.Authority} was aborted before it completed: {ex.Message}", ex),
            _ => Fail(GrpcStatusCode.Unknown, $"The gRPC call {_path} failed unexpectedly: {ex.GetType().Name}.", ex),
        };
    }

    private static string? Single(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static List<KeyValuePair<string, string>> Collect(HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        var result = new List<KeyValuePair<string, string>>();
        var all = contentHeaders is null ? headers.NonValidated : headers.NonValidated.Concat(contentHeaders.NonValidated);
        foreach (var (name, values) in all)
        {
            if (GrpcProtocol.IsSecret(name))
            {
                continue;
            }

            foreach (string value in values)
            {
                result.Add(new(name.ToLowerInvariant(), value));
            }
        }

        return result;
    }
}
