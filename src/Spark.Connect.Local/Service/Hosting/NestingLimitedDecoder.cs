using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Spark.Connect.Local.Service.Hosting;

/// <summary>
/// Decodes one request message with a nesting limit of our choosing. A request over the limit, or bytes that
/// are not the message, end the call with a status that says so; the service never sees them.
/// </summary>
internal sealed class NestingLimitedDecoder(MessageDescriptor message, int maxDepth)
{
    public IMessage Decode(DeserializationContext context)
    {
        // Google.Protobuf sets the nesting limit only on a CodedInputStream built over a stream.
        var payload = context.PayloadAsNewBuffer();
        using var input = CodedInputStream.CreateWithLimits(new MemoryStream(payload, writable: false), int.MaxValue, maxDepth);
        try
        {
            return message.Parser.ParseFrom(input);
        }
        catch (InvalidProtocolBufferException error) when (IsTooDeep(error))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"The {message.Name} nests messages more than {maxDepth} levels deep, the limit of this server " +
                "(LocalSparkServerOptions.MaxRequestNestingDepth, like Spark's spark.connect.grpc.marshallerRecursionLimit). " +
                "Raise the option, or build a shallower plan (e.g. combine chained filters into one condition)."));
        }
        catch (InvalidProtocolBufferException error)
        {
            throw new RpcException(new Status(StatusCode.Internal,
                $"The request ({payload.Length} bytes) is not a valid {message.Name}: {error.Message}"));
        }
    }

    // Google.Protobuf raises the nesting failure through an internal factory; its message is the only mark.
    private static bool IsTooDeep(InvalidProtocolBufferException error) =>
        error.Message.Contains("too many levels of nesting", StringComparison.Ordinal);
}
