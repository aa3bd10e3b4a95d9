using Grpc.Core;

namespace Spark.Connect.Local.Service.Hosting;

/// <summary>
/// Binds a generated service's methods into a <see cref="ServerServiceDefinition"/>, each with a request
/// decoder that allows <c>maxDepth</c> levels of message nesting instead of Google.Protobuf's default 100.
/// </summary>
/// <remarks>
/// A Spark plan nests one relation inside the next, two protobuf levels per chained filter or projection, so
/// the default limit refuses plans of a few dozen operators. Spark's server allows 1,024 levels
/// (<c>spark.connect.grpc.marshallerRecursionLimit</c>). Grpc.AspNetCore decodes a request with the marshaller
/// of the method it is bound with, so the only place to raise the limit is the method itself: this binder
/// replays the generated <c>BindService</c> with the same names and response marshallers and our decoder.
/// </remarks>
internal sealed class NestingLimitedBinder(int maxDepth) : ServiceBinderBase
{
    private readonly ServerServiceDefinition.Builder _definition = ServerServiceDefinition.CreateBuilder();

    /// <summary>Binds <paramref name="service"/> with request decoders that allow <paramref name="maxDepth"/> nesting levels.</summary>
    public static ServerServiceDefinition Bind(SparkConnectService.SparkConnectServiceBase service, int maxDepth)
    {
        var binder = new NestingLimitedBinder(maxDepth);
        SparkConnectService.BindService(binder, service);
        return binder._definition.Build();
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        _definition.AddMethod(Limit(method), handler ?? throw Unbound(method));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        _definition.AddMethod(Limit(method), handler ?? throw Unbound(method));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        _definition.AddMethod(Limit(method), handler ?? throw Unbound(method));

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        _definition.AddMethod(Limit(method), handler ?? throw Unbound(method));

    private Method<TRequest, TResponse> Limit<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var decoder = new NestingLimitedDecoder(SparkConnectService.Descriptor.FindMethodByName(method.Name).InputType, maxDepth);
        var requests = new Marshaller<TRequest>(method.RequestMarshaller.ContextualSerializer, context => (TRequest)decoder.Decode(context));
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, requests, method.ResponseMarshaller);
    }

    private static InvalidOperationException Unbound(IMethod method) =>
        new($"The generated binding passed no handler for {method.FullName}; bind an instance, not null.");
}
