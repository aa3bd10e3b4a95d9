using System.Buffers;
using System.Buffers.Binary;
using K4os.Compression.LZ4;
using K4os.Compression.LZ4.Streams;
using ZstdSharp;

namespace Spark.Connect.Arrow.Ipc;

/// <summary>
/// BUFFER body compression for the writer: each non-empty buffer becomes its int64 little-endian
/// uncompressed length and one compressed frame, or -1 and the raw bytes when compressing does not
/// make it smaller (as Arrow's own writers do). Empty buffers stay empty.
/// </summary>
internal static class BufferCompressor
{
    private const int ZstdLevel = 3;

    /// <summary>The format's CompressionType number of a codec other than <see cref="ArrowCompressionCodec.None"/>.</summary>
    internal static byte FormatNumber(ArrowCompressionCodec codec) => codec switch
    {
        ArrowCompressionCodec.Lz4Frame => 0,
        ArrowCompressionCodec.Zstd => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Only LZ4_FRAME and ZSTD compress Arrow bodies."),
    };

    internal static ReadOnlyMemory<byte> Compress(ReadOnlyMemory<byte> buffer, ArrowCompressionCodec codec)
    {
        if (buffer.IsEmpty)
            return buffer;
        var compressed = codec == ArrowCompressionCodec.Lz4Frame ? Lz4(buffer.Span) : Zstd(buffer.Span);
        var keepRaw = compressed.Length >= buffer.Length;
        var stored = new byte[8 + (keepRaw ? buffer.Length : compressed.Length)];
        BinaryPrimitives.WriteInt64LittleEndian(stored, keepRaw ? -1 : buffer.Length);
        (keepRaw ? buffer.Span : compressed).CopyTo(stored.AsSpan(8));
        return stored;
    }

    private static ReadOnlySpan<byte> Lz4(ReadOnlySpan<byte> data)
    {
        var output = new ArrayBufferWriter<byte>(data.Length / 2 + 64);
        LZ4Frame.Encode(data, output, LZ4Level.L00_FAST);
        return output.WrittenSpan;
    }

    private static ReadOnlySpan<byte> Zstd(ReadOnlySpan<byte> data)
    {
        using var compressor = new Compressor(ZstdLevel);
        return compressor.Wrap(data);
    }
}
