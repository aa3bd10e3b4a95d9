using Google.Protobuf;

namespace Spark.Connect.Wire;

/// <summary>
/// A request's bytes as the transport sends them: Google.Protobuf's writer for ordinary plans, the linear writer for
/// deep ones. Google's generated writer measures nested messages again at every level it writes them from, so its
/// cost grows with the square of the plan's depth; the linear writer measures each message once but reads fields
/// through descriptors, so it only pays off deep down (docs/performance.md, SerializationDepthBenchmarks: 0.79×
/// Google's time at 80 levels, 1.53× at 40).
/// </summary>
internal static class RequestBytes
{
    /// <summary>The depth past which the linear writer is used.</summary>
    public const int LinearWriterFromDepth = 48;

    /// <summary>The serialized form of <paramref name="request"/>; the same bytes whichever writer makes them.</summary>
    public static byte[] Of(IMessage request) =>
        PlanDepth.Of(request) > LinearWriterFromDepth ? LinearMessageWriter.ToByteArray(request) : request.ToByteArray();
}
