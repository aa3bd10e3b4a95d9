using System.Runtime.InteropServices;
using Google.Protobuf;
using NUnit.Framework;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>
/// Arrow batches received over real HTTP/2 keep their bytes in the array gRPC handed over (no copy), and that array
/// is never reused: a batch read earlier still holds its bytes after many more messages have arrived.
/// </summary>
public sealed class ArrowBatchReceiveTests : ScriptedServerTestBase
{
    private static ExecutePlanResponse Batch(int index, int size) => new()
    {
        SessionId = "s",
        OperationId = "op",
        ResponseId = $"r{index}",
        ArrowBatch = new() { RowCount = index, StartOffset = index * 10L, Data = ByteString.CopyFrom(Pattern(index, size)) },
    };

    private static byte[] Pattern(int index, int size) => Enumerable.Range(0, size).Select(i => (byte)(i * 7 + index)).ToArray();

    [Test]
    public async Task Batches_larger_than_a_frame_arrive_whole_and_stay_valid_while_later_messages_arrive()
    {
        // 3 MiB spans hundreds of HTTP/2 frames; small and empty-data batches take the other paths in between.
        var sizes = new[] { 3 << 20, 1, 70_000, 3 << 20, 0, 200_000 };
        var sent = sizes.Select((size, i) => Batch(i + 1, size)).Append(new ExecutePlanResponse { ResponseId = "end", ResultComplete = new() }).ToArray();
        Server.ExecutePlan.Once(sent);

        var received = new List<ExecutePlanResponse>();
        await foreach (var response in Transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, new ExecutePlanRequest(), GrpcCallOptions.Default, Guard))
            received.Add(response);

        Assert.That(received, Is.EqualTo(sent), "every response equals what was sent, read after the whole stream arrived");
        var withData = received.Where(r => r.ArrowBatch is { Data.Length: > 0 }).ToList();
        var arrays = withData.Select(r => MemoryMarshal.TryGetArray(r.ArrowBatch.Data.Memory, out var segment) ? segment.Array : null).ToList();
        Assert.That(arrays, Has.None.Null);
        Assert.That(arrays, Is.Unique, "each batch views its own received array");
        Assert.That(arrays.Select((a, i) => a!.Length - withData[i].CalculateSize()), Has.All.InRange(0, 7),
            "the viewed array is the message that carried the batch, plus at most the padding that aligns its data");
        Assert.That(withData.Select(r => AddressModulo8(r.ArrowBatch.Data)), Has.All.EqualTo(0), "the Arrow data starts 8-byte aligned");
    }

    /// <summary>The address of the data's first byte modulo 8 (stable: the GC moves arrays by multiples of 8).</summary>
    internal static int AddressModulo8(ByteString data)
    {
        Assert.That(MemoryMarshal.TryGetArray(data.Memory, out var segment), Is.True);
        var handle = GCHandle.Alloc(segment.Array, GCHandleType.Pinned);
        try
        {
            return (int)((handle.AddrOfPinnedObject() + segment.Offset) % 8);
        }
        finally
        {
            handle.Free();
        }
    }
}
