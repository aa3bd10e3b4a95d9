using System.Buffers;
using Grpc.Core;
using Spark.Connect.Wire;

namespace Spark.Connect.Transport;

/// <summary>
/// One received message's bytes in an array this client owns (<see cref="Length"/> bytes at <see cref="Offset"/> of
/// <see cref="Buffer"/>), with the layout of its arrow batch when it is one <see cref="AliasingResponseParser"/> can split.
/// </summary>
/// <remarks>
/// gRPC lends its payload only while the deserializer runs (<c>PayloadAsReadOnlySequence</c>), so the bytes are
/// always copied out once, into an array no one else ever sees: the parsed response may keep views of it for as long
/// as it lives. For an arrow batch the copy is placed so that the IPC data starts at an 8-byte-aligned address: the
/// Arrow reader hands out typed spans only over aligned buffers and copies misaligned ones (which, with the data at
/// wherever protobuf's framing leaves it, would be most of the batch again).
/// </remarks>
internal sealed class ReceivedPayload
{
    private ReceivedPayload(byte[] buffer, int offset, int length, ArrowBatchLayout? layout)
    {
        Buffer = buffer;
        Offset = offset;
        Length = length;
        ArrowBatch = layout;
    }

    internal byte[] Buffer { get; }

    internal int Offset { get; }

    internal int Length { get; }

    /// <summary>Where the arrow batch and its data lie, relative to <see cref="Offset"/>; null for any other message.</summary>
    internal ArrowBatchLayout? ArrowBatch { get; }

    /// <summary>Takes a message's bytes as a new array gRPC hands over for good.</summary>
    internal static ReceivedPayload Whole(DeserializationContext context)
    {
        var bytes = context.PayloadAsNewBuffer();
        return new ReceivedPayload(bytes, 0, bytes.Length, null);
    }

    /// <summary>Copies an <c>ExecutePlanResponse</c>'s bytes, aligning an arrow batch's data when there is one.</summary>
    internal static ReceivedPayload ExecutePlanResponse(DeserializationContext context)
    {
        var sequence = context.PayloadAsReadOnlySequence();
        if (!sequence.IsSingleSegment)
        {
            // gRPC hands over one contiguous message today; should that change, alias the copy unaligned.
            var bytes = sequence.ToArray();
            return new ReceivedPayload(bytes, 0, bytes.Length, AliasingResponseParser.TryLocate(bytes, out var found) ? found : null);
        }
        var message = sequence.FirstSpan;
        if (!AliasingResponseParser.TryLocate(message, out var layout))
            return new ReceivedPayload(message.ToArray(), 0, message.Length, null);
        // Every byte the message occupies is overwritten; the few padding bytes before it are never read.
        var buffer = GC.AllocateUninitializedArray<byte>(message.Length + 7);
        var offset = PaddingToAlign(buffer, layout.Data.ValueStart);
        message.CopyTo(buffer.AsSpan(offset));
        return new ReceivedPayload(buffer, offset, message.Length, layout);
    }

    // Objects sit on 8-byte boundaries on 64-bit runtimes and the GC moves them by multiples of that, so an element's
    // address modulo 8 never changes; on a 32-bit runtime it may, and the reader then copies (correct, just slower).
    private static unsafe int PaddingToAlign(byte[] buffer, int dataOffset)
    {
        fixed (byte* start = buffer)
            return (int)((8 - ((nuint)start + (nuint)dataOffset) % 8) % 8);
    }
}
