using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Spark.Connect.Transport;

/// <summary>
/// <see cref="IGrpcTransport"/> on the official gRPC client (Grpc.Net.Client): one <see cref="GrpcChannel"/> over a
/// <see cref="SocketsHttpHandler"/> (several HTTP/2 connections, keep-alive pings while calls are active, the receive
/// limit, TLS validation). <see cref="RpcException"/> becomes <see cref="GrpcException"/> with the decoded
/// <c>grpc-status-details-bin</c> (<see cref="RpcFailures"/>), the caller's cancellation an <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class GrpcNetClientTransport : IGrpcTransport
{
    private readonly GrpcChannel? _ownedChannel;
    private readonly CallInvoker _invoker;
    private readonly ConcurrentDictionary<string, object> _methods = new(StringComparer.Ordinal);

    /// <summary>Creates a transport for <paramref name="options"/>; no connection is made until the first call.</summary>
    public GrpcNetClientTransport(GrpcTransportOptions options)
    {
        Options = GrpcHttpHandler.Validate(options);
        var handler = GrpcHttpHandler.Create(options);
        var channelOptions = new GrpcChannelOptions
        {
            HttpHandler = new UserAgentHandler(options.UserAgent) { InnerHandler = handler },
            DisposeHttpClient = true,
        };
        ConfigureChannel(channelOptions, options);
        _ownedChannel = GrpcChannel.ForAddress(options.Address, channelOptions);
        _invoker = Intercept(_ownedChannel.CreateCallInvoker(), options);
    }

    /// <summary>
    /// Creates a transport over a channel someone else owns, such as one made by Grpc.Net.ClientFactory (whose
    /// HTTP handler pipeline comes from <c>IHttpClientFactory</c>, as <c>AddSparkLinq</c> sets it up). The channel's
    /// limits and handler are the owner's business; disposing this transport leaves the channel alone.
    /// <see cref="GrpcTransportOptions.Interceptors"/> still apply, and the options' receive limit names the setting in errors.
    /// </summary>
    public GrpcNetClientTransport(CallInvoker invoker, GrpcTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        Options = GrpcHttpHandler.Validate(options);
        _invoker = Intercept(invoker, options);
    }

    /// <summary>The HTTP/2 handler this transport's own channel uses (without the User-Agent handler), for a channel built elsewhere.</summary>
    internal static SocketsHttpHandler CreateHttpHandler(GrpcTransportOptions options) => GrpcHttpHandler.Create(GrpcHttpHandler.Validate(options));

    /// <summary>A handler that sends <paramref name="userAgent"/> instead of Grpc.Net.Client's own User-Agent.</summary>
    internal static DelegatingHandler CreateUserAgentHandler(string userAgent) => new UserAgentHandler(userAgent);

    /// <summary>Applies the options' limits, logger and <see cref="GrpcTransportOptions.ConfigureChannel"/> to channel options.</summary>
    internal static void ConfigureChannel(GrpcChannelOptions channelOptions, GrpcTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(channelOptions);
        ArgumentNullException.ThrowIfNull(options);
        channelOptions.MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        channelOptions.MaxSendMessageSize = null;
        channelOptions.LoggerFactory = options.LoggerFactory ?? channelOptions.LoggerFactory;
        options.ConfigureChannel?.Invoke(channelOptions);
    }

    // Intercept wraps in reverse, so the first interceptor given is the outermost.
    private static CallInvoker Intercept(CallInvoker invoker, GrpcTransportOptions options) =>
        options.Interceptors.Reverse().Aggregate(invoker, (inner, interceptor) => inner.Intercept(interceptor));

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
        using var call = _invoker.AsyncUnaryCall(MethodFor(method, MethodType.Unary), null, callOptions, Serialize(request));
        try
        {
            return Parse(method.ResponseParser, await call.ResponseAsync.ConfigureAwait(false));
        }
        catch (Exception error) when (error is RpcException or OperationCanceledException)
        {
            throw RpcFailures.Convert(error, cancellationToken, Options);
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
            GrpcMetadata.Validate(key, value);
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
        using var call = _invoker.AsyncServerStreamingCall(MethodFor(method, MethodType.ServerStreaming), null, CallOptionsFor(options, linked.Token), Serialize(request));
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
            throw RpcFailures.Convert(error, cancellationToken.IsCancellationRequested ? caller : cancellationToken, Options);
        }
    }

    // Messages cross the official client as bytes (its generic methods need reference types, ours need only
    // IMessage<T>); parsing stays here so a malformed response maps like any other failure. Received bytes are always
    // copied out of gRPC's buffer into an array of our own (ReceivedPayload), so a response may keep views of them.
    private static readonly Marshaller<byte[]> Requests = Marshallers.Create(b => b, b => b);
    private static readonly Marshaller<ReceivedPayload> Responses = Marshallers.Create<ReceivedPayload>(
        (_, _) => throw new NotSupportedException("Responses are never sent by the client."), ReceivedPayload.Whole);
    private static readonly Marshaller<ReceivedPayload> ExecutePlanResponses = Marshallers.Create<ReceivedPayload>(
        (_, _) => throw new NotSupportedException("Responses are never sent by the client."), ReceivedPayload.ExecutePlanResponse);

    private static byte[] Serialize(IMessage request) => Wire.RequestBytes.Of(request);

    private Method<byte[], ReceivedPayload> MethodFor<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, MethodType type)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        (Method<byte[], ReceivedPayload>)_methods.GetOrAdd(method.Path, _ => new Method<byte[], ReceivedPayload>(type, method.ServiceName, method.MethodName,
            Requests, typeof(TResponse) == typeof(ExecutePlanResponse) ? ExecutePlanResponses : Responses));

    private T Parse<T>(MessageParser<T> parser, ReceivedPayload payload) where T : IMessage<T>
    {
        var depth = Options.MaxResponseNestingDepth;
        try
        {
            // Arrow results: the batch's bytes stay in the received array instead of being copied out of it again.
            if (typeof(T) == typeof(ExecutePlanResponse) && payload.ArrowBatch is { } layout)
                return (T)(object)Wire.AliasingResponseParser.Parse(payload.Buffer, payload.Offset, layout, depth);
            // Parsing straight from the array applies protobuf's default limit; another limit needs a limited input.
            return depth == GrpcTransportOptions.DefaultMaxResponseNestingDepth
                ? parser.ParseFrom(payload.Buffer, payload.Offset, payload.Length)
                : parser.ParseFrom(CodedInputStream.CreateWithLimits(new MemoryStream(payload.Buffer, payload.Offset, payload.Length, writable: false), int.MaxValue, depth));
        }
        catch (InvalidProtocolBufferException error) when (error.Message.Contains("levels of nesting", StringComparison.Ordinal))
        {
            throw new SparkConnectLimitException(GrpcStatusCode.ResourceExhausted,
                $"The {typeof(T).Name} response ({payload.Length} bytes) nests messages more than {depth} levels deep; " +
                "raise GrpcTransportOptions.MaxResponseNestingDepth if the server is trusted.", "GrpcTransportOptions.MaxResponseNestingDepth", error);
        }
        catch (InvalidProtocolBufferException error)
        {
            throw new GrpcException(GrpcStatusCode.Internal,
                $"The response message ({payload.Length} bytes) is not a valid {typeof(T).Name}: {error.Message}");
        }
    }

    /// <summary>Metadata checked before it is sent (names, reserved keys, printable values); <c>-bin</c> values travel as their bytes.</summary>
    private static CallOptions CallOptionsFor(GrpcCallOptions options, CancellationToken cancellationToken)
    {
        var headers = new Metadata();
        foreach (var (key, value) in options.Headers)
        {
            GrpcMetadata.Validate(key, value);
            if (key.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.Ordinal))
                headers.Add(key, System.Convert.FromBase64String(value));
            else
                headers.Add(key, value);
        }
        DateTime? deadline = options.Timeout is { } timeout ? DateTime.UtcNow + timeout : null;
        return new CallOptions(headers, deadline, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _ownedChannel?.Dispose();
        return ValueTask.CompletedTask;
    }
}
