using System.Buffers.Binary;
using K4os.Compression.LZ4.Streams;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Spark.Connect.Arrow.Ipc;

/// <summary>
/// Undoes BUFFER body compression for one record batch: each non-empty buffer is an int64 little-endian
/// uncompressed length followed by one compressed frame, or by the raw bytes when the length is -1.
/// The declared lengths are hostile input: each is checked before anything is allocated, the batch's total
/// may not exceed what an uncompressed body could hold, output memory grows only as the decoder actually
/// produces bytes, and the decoder must produce exactly the declared count.
/// </summary>
internal sealed class BufferDecompressor
{
    /// <summary>An uncompressed body is one slice of the stream, so it holds at most int.MaxValue bytes; so may a decompressed one.</summary>
    internal const long MaxBatchBytes = int.MaxValue;

    private const int PrefixLength = 8;
    private const long Uncompressed = -1;
    private const int FirstChunk = 64 * 1024;

    private readonly ArrowCompressionCodec _codec;
    private long _budget = MaxBatchBytes;

    internal BufferDecompressor(ArrowCompressionCodec codec) => _codec = codec;

    internal static string CodecName(ArrowCompressionCodec codec) => codec switch
    {
        ArrowCompressionCodec.Lz4Frame => "LZ4_FRAME",
        ArrowCompressionCodec.Zstd => "ZSTD",
        _ => codec.ToString(),
    };

    /// <summary>
    /// Refuses a batch whose buffers together declare more than <see cref="MaxBatchBytes"/> before any is decoded;
    /// buffers outside the body or with an impossible length of their own are skipped here and named later.
    /// </summary>
    internal void CheckTotal(ReadOnlySpan<byte> bufferEntries, int count, ReadOnlySpan<byte> body)
    {
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            var offset = BinaryPrimitives.ReadInt64LittleEndian(bufferEntries[(i * 16)..]);
            var length = BinaryPrimitives.ReadInt64LittleEndian(bufferEntries[(i * 16 + 8)..]);
            if (offset < 0 || length < PrefixLength || offset > body.Length - PrefixLength || length > body.Length - offset)
                continue;
            var declared = BinaryPrimitives.ReadInt64LittleEndian(body[(int)offset..]);
            // A single impossible length is left to Decompress, which names its column.
            if (declared > 0 && declared <= Array.MaxLength)
                total += declared;
            if (total > MaxBatchBytes)
                throw new ArrowFormatException(
                    $"Arrow record batch compressed with {CodecName(_codec)} declares more than {MaxBatchBytes} uncompressed bytes " +
                    $"by its buffer {i} (of {count}); a record batch holds at most that many.");
        }
    }

    /// <summary>The uncompressed bytes of buffer <paramref name="index"/> of <paramref name="field"/>'s column.</summary>
    internal ReadOnlyMemory<byte> Decompress(ReadOnlyMemory<byte> stored, ArrowField field, int index)
    {
        // Writers leave empty buffers empty (no length prefix).
        if (stored.IsEmpty)
            return stored;
        if (stored.Length < PrefixLength)
            throw Fail(field, index, $"has {stored.Length} bytes, fewer than its 8-byte uncompressed length");
        var declared = BinaryPrimitives.ReadInt64LittleEndian(stored.Span);
        var payload = stored[PrefixLength..];
        if (declared == Uncompressed)
            return payload;
        if (declared < 0 || declared > Array.MaxLength)
            throw Fail(field, index, $"declares uncompressed length {declared}, outside 0..{Array.MaxLength}");
        if (declared > _budget)
            throw Fail(field, index, $"declares uncompressed length {declared}, beyond the {_budget} bytes left of the {MaxBatchBytes}-byte limit for one record batch");
        _budget -= declared;
        // Java's writer stores an empty buffer as the length 0 alone.
        if (declared == 0 && payload.IsEmpty)
            return ReadOnlyMemory<byte>.Empty;
        try
        {
            using var input = ReadOnlyMemoryStream(payload);
            using var decoder = OpenDecoder(input, declared);
            return ReadExactly(decoder, (int)declared, payload.Length, field, index);
        }
        catch (ArrowFormatException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ArrowFormatException(
                $"Arrow buffer {index} of column '{field.Name}' ({field.Type}) is not valid {CodecName(_codec)} data: {e.Message}", e);
        }
    }

    private Stream OpenDecoder(Stream input, long declared)
    {
        // LZ4 frames name a block size of at most 4 MiB, which bounds what the decoder allocates.
        if (_codec == ArrowCompressionCodec.Lz4Frame)
            return LZ4Stream.Decode(input, 0, leaveOpen: true);
        // A zstd frame names its window size, and the decoder allocates it. Compressors that know the input size never
        // use a window larger than the input; others use at most 8 MiB (the spec's recommended decoder support) up to
        // level 19. So a window beyond both the declared length and 8 MiB is refused instead of allocated.
        var zstd = new DecompressionStream(input, 0, checkEndOfStream: true, leaveOpen: true);
        zstd.SetParameter(ZSTD_dParameter.ZSTD_d_windowLogMax, WindowLog(declared));
        return zstd;
    }

    /// <summary>The window log allowed for <paramref name="declared"/> bytes: 23 (8 MiB), or what the length needs, up to zstd's default limit 27.</summary>
    private static int WindowLog(long declared)
    {
        var log = 23;
        while (log < 27 && (1L << log) < declared)
            log++;
        return log;
    }

    /// <summary>Reads exactly <paramref name="declared"/> bytes, growing the output only as bytes arrive.</summary>
    private ReadOnlyMemory<byte> ReadExactly(Stream decoder, int declared, int compressedLength, ArrowField field, int index)
    {
        var output = new byte[Math.Min(declared, Math.Max(FirstChunk, compressedLength * 4L))];
        var filled = 0;
        while (filled < declared)
        {
            if (filled == output.Length)
                Array.Resize(ref output, (int)Math.Min(declared, output.Length * 2L));
            var read = decoder.Read(output, filled, output.Length - filled);
            if (read == 0)
                throw Fail(field, index, $"declares {declared} uncompressed bytes but its {CodecName(_codec)} data holds only {filled}");
            filled += read;
        }
        Span<byte> probe = stackalloc byte[1];
        if (decoder.Read(probe) != 0)
            throw Fail(field, index, $"declares {declared} uncompressed bytes but its {CodecName(_codec)} data holds more");
        return output;
    }

    private static MemoryStream ReadOnlyMemoryStream(ReadOnlyMemory<byte> bytes) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    private ArrowFormatException Fail(ArrowField field, int index, string problem) =>
        new($"Arrow buffer {index} of column '{field.Name}' ({field.Type}), compressed with {CodecName(_codec)}, {problem}.");
}
