using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace Spark.Connect.Transport;

/// <summary>Writes protobuf messages as uncompressed gRPC frames.</summary>
internal static class GrpcFrameWriter
{
    /// <summary>Returns <paramref name="message"/> as one complete frame.</summary>
    public static byte[] Frame(IMessage message)
    {
        int size = message.CalculateSize();
        var frame = new byte[GrpcFrameReader.HeaderSize + size];
        WriteHeader(frame, size);
        message.WriteTo(frame.AsSpan(GrpcFrameReader.HeaderSize));
        return frame;
    }

    /// <summary>Writes <paramref name="message"/> as one frame into <paramref name="writer"/>.</summary>
    public static void Write(IBufferWriter<byte> writer, IMessage message)
    {
        int size = message.CalculateSize();
        Span<byte> header = writer.GetSpan(GrpcFrameReader.HeaderSize);
        WriteHeader(header, size);
        writer.Advance(GrpcFrameReader.HeaderSize);
        if (size > 0)
        {
            Span<byte> body = writer.GetSpan(size)[..size];
            message.WriteTo(body);
            writer.Advance(size);
        }
    }

    private static void WriteHeader(Span<byte> header, int size)
    {
        header[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)size);
    }
}
