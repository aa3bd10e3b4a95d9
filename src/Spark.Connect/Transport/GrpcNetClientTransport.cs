using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Spark.Connect.Transport;

/// <summary>
/// <see cref="IGrpcTransport"/> on the official gRPC client (Grpc.Net.Client): one <see cref="GrpcChannel"/> over a
/// <see cref="SocketsHttpHandler"/> with the same settings as <see cref="HttpGrpcTransport"/> (several HTTP/2
/// connections, keep-alive pings while calls are active, the receive limit, TLS validation), and the same
/// failure contract: <see cref="RpcException"/> becomes <see cref="GrpcException"/> with the decoded
/// <c>grpc-status-details-bin</c>, the caller's cancellation an <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class GrpcNetClientTransport : IGrpcTransport
{
    private const string StatusDetailsTrailer = "grpc-status-details-bin";
    private readonly GrpcChannel _channel;
    private readonly CallInvoker _invoker;
    private readonly ConcurrentDictionary<string, object> _methods = new(StringComparer.Ordinal);

    /// <summary>Creates a transport for <paramref name="options"/>; no connection is made until the first call.</summary>
    public GrpcNetClientTransport(GrpcTransportOptions options)
    {
        Options = HttpGrpcTransport.Validate(options);
        var handler = HttpGrpcTransport.CreateHandler(options);
        var channelOptions = new GrpcChannelOptions
        {
            HttpHandler = new UserAgentHandler(options.UserAgent) { InnerHandler = handler },
            DisposeHttpClient = true,
            MaxReceiveMessageSize = options.MaxReceiveMessageSize,
            MaxSendMessageSize = null,
            LoggerFactory = options.LoggerFactory,
        };
        options.ConfigureChannel?.Invoke(channelOptions);
        _channel = GrpcChannel.ForAddress(options.Address, channelOptions);
        // Intercept wraps in reverse, so the first interceptor given is the outermost.
        _invoker = options.Interceptors.Reverse().Aggregate(_channel.CreateCallInvoker(), (invoker, interceptor) => invoker.Intercept(interceptor));
    }

    /// <summary>The options this transport was created with.</summary>
    public GrpcTransportOptions Options { get; }

    /// <inheritdoc />
    public async Task<TResponse> UnaryCallAsync<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        var callOptions = CallOptionsFor(options, cancellationToken);
        using var call = _invoker.AsyncUnaryCall(MethodFor(method, MethodType.Unary), null, callOptions, request.ToByteArray());
        try
        {
            return Parse(method.ResponseParser, await call.ResponseAsync.ConfigureAwait(false));
        }
        catch (Exception error) when (error is RpcException or OperationCanceledException)
        {
            throw Convert(error, cancellationToken);
        }
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
        foreach (var (key, value) in options.Headers)
            GrpcProtocol.ValidateMetadata(key, value);
        return Stream(method, request, options, cancellationToken);
    }

    private async IAsyncEnumerable<TResponse> Stream<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, GrpcCallOptions options,
        CancellationToken cancellationToken, [EnumeratorCancellation] CancellationToken enumeratorCancellation = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, enumeratorCancellation);
        // Disposing the call (an early end of enumeration) cancels the stream on the server.
        var caller = cancellationToken.CanBeCanceled ? cancellationToken : enumeratorCancellation;
        using var call = _invoker.AsyncServerStreamingCall(MethodFor(method, MethodType.ServerStreaming), null, CallOptionsFor(options, linked.Token), request.ToByteArray());
        while (await MoveNextAsync(call.ResponseStream, linked.Token, caller).ConfigureAwait(false))
            yield return Parse(method.ResponseParser, call.ResponseStream.Current);
    }

    private async Task<bool> MoveNextAsync<T>(IAsyncStreamReader<T> reader, CancellationToken cancellationToken, CancellationToken caller)
    {
        try
        {
            return await reader.MoveNext(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is RpcException or OperationCanceledException)
        {
            throw Convert(error, cancellationToken.IsCancellationRequested ? caller : cancellationToken);
        }
    }

    // Messages cross the official client as bytes (its generic methods need reference types, ours need only
    // IMessage<T>); parsing stays here so a malformed response maps like any other failure.
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private Method<byte[], byte[]> MethodFor<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, MethodType type)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        (Method<byte[], byte[]>)_methods.GetOrAdd(method.Path, _ => new Method<byte[], byte[]>(type, method.ServiceName, method.MethodName, Bytes, Bytes));

    private static T Parse<T>(MessageParser<T> parser, byte[] payload) where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException error)
        {
            throw new GrpcException(GrpcStatusCode.Internal,
                $"The response message ({payload.Length} bytes) is not a valid {typeof(T).Name}: {error.Message}");
        }
    }

    /// <summary>Metadata checked as the hand-made transport checks it; <c>-bin</c> values travel as their bytes.</summary>
    private static CallOptions CallOptionsFor(GrpcCallOptions options, CancellationToken cancellationToken)
    {
        var headers = new Metadata();
        foreach (var (key, value) in options.Headers)
        {
            GrpcProtocol.ValidateMetadata(key, value);
            if (key.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.Ordinal))
                headers.Add(key, System.Convert.FromBase64String(value));
            else
                headers.Add(key, value);
        }
        DateTime? deadline = options.Timeout is { } timeout ? DateTime.UtcNow + timeout : null;
        return new CallOptions(headers, deadline, cancellationToken);
    }

    /// <summary>
    /// The official client's failure as this library's: the caller's cancellation as <see cref="OperationCanceledException"/>
    /// carrying the caller's token; anything else a <see cref="GrpcException"/> with the same status code, detail, trailers
    /// and rich status. Failures to reach the server (refused, TLS, connect timeout) are Unavailable, as the gRPC spec says.
    /// </summary>
    private Exception Convert(Exception failure, CancellationToken caller)
    {
        if (caller.IsCancellationRequested)
            return new OperationCanceledException("The gRPC call was cancelled by the caller.", failure, caller);
        if (failure is not RpcException error)
            return new GrpcException(GrpcStatusCode.Unavailable, $"The server could not be reached in time: {failure.Message}", innerException: failure);
        var cause = error.Status.DebugException;
        // Before any response: refused, TLS failure (Internal in Grpc.Net.Client) or the connect timeout (Cancelled).
        if (error.StatusCode is Grpc.Core.StatusCode.Internal or Grpc.Core.StatusCode.Cancelled
            && cause is HttpRequestException { StatusCode: null, InnerException: not HttpProtocolException } or OperationCanceledException)
            return new GrpcException(GrpcStatusCode.Unavailable, error.Status.Detail, innerException: cause);
        // A response that is not gRPC at all (no grpc-status, another content type: a proxy's page) is Internal, as the
        // gRPC spec maps it and the hand-made transport does; Grpc.Net.Client reports it as Cancelled.
        if (error.StatusCode == Grpc.Core.StatusCode.Cancelled && (error.Status.Detail.StartsWith("No grpc-status found", StringComparison.Ordinal)
            || error.Status.Detail.StartsWith("Bad gRPC response", StringComparison.Ordinal)))
            return new GrpcException(GrpcStatusCode.Internal, error.Status.Detail, innerException: error);
        if (error.StatusCode == Grpc.Core.StatusCode.ResourceExhausted && error.Status.Detail.StartsWith("Received message exceeds", StringComparison.Ordinal))
            return new GrpcException(GrpcStatusCode.ResourceExhausted,
                $"{error.Status.Detail} (the receive limit is {Options.MaxReceiveMessageSize} bytes; raise GrpcTransportOptions.MaxReceiveMessageSize)", innerException: error);
        return Convert(error);
    }

    private static GrpcException Convert(RpcException error)
    {
        Google.Rpc.Status? rich = null;
        var trailers = new List<KeyValuePair<string, string>>();
        foreach (var entry in error.Trailers)
        {
            if (entry.IsBinary)
            {
                if (entry.Key == StatusDetailsTrailer)
                {
                    try
                    {
                        rich = Google.Rpc.Status.Parser.ParseFrom(entry.ValueBytes);
                    }
                    catch (InvalidProtocolBufferException)
                    {
                        // A malformed details trailer leaves the plain status, as the hand-made transport does.
                    }
                }
                trailers.Add(new(entry.Key, System.Convert.ToBase64String(entry.ValueBytes)));
            }
            else
            {
                trailers.Add(new(entry.Key, entry.Value));
            }
        }
        var code = Enum.IsDefined((GrpcStatusCode)(int)error.StatusCode) ? (GrpcStatusCode)(int)error.StatusCode : GrpcStatusCode.Unknown;
        return new GrpcException(code, error.Status.Detail, rich, trailers, error.Status.DebugException ?? error);
    }

    /// <summary>Sends this library's User-Agent instead of Grpc.Net.Client's own.</summary>
    private sealed class UserAgentHandler(string userAgent) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("User-Agent");
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _channel.Dispose();
        return ValueTask.CompletedTask;
    }
}
