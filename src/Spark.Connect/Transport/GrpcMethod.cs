using Google.Protobuf;

namespace Spark.Connect.Transport;

/// <summary>
/// One gRPC method of a service: the HTTP/2 path it is called on and the parser for its response
/// messages. Instances are immutable and meant to be cached in static fields.
/// </summary>
public sealed class GrpcMethod<TRequest, TResponse>
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    /// <summary>Describes the method <paramref name="methodName"/> of <paramref name="serviceName"/>.</summary>
    public GrpcMethod(string serviceName, string methodName, MessageParser<TRequest> requestParser, MessageParser<TResponse> responseParser)
    {
        ServiceName = serviceName;
        MethodName = methodName;
        RequestParser = requestParser;
        ResponseParser = responseParser;
        Path = $"/{serviceName}/{methodName}";
    }

    /// <summary>The fully qualified service name, e.g. <c>spark.connect.SparkConnectService</c>.</summary>
    public string ServiceName { get; }

    /// <summary>The method name, e.g. <c>ExecutePlan</c>.</summary>
    public string MethodName { get; }

    /// <summary>The request path, <c>/service/method</c>.</summary>
    public string Path { get; }

    /// <summary>Parses request messages (used by servers).</summary>
    public MessageParser<TRequest> RequestParser { get; }

    /// <summary>Parses response messages (used by clients).</summary>
    public MessageParser<TResponse> ResponseParser { get; }

    /// <inheritdoc />
    public override string ToString() => Path;
}
