using System.Buffers.Binary;

namespace Spark.Connect.Transport;

/// <summary>
/// Reads length-prefixed gRPC messages (1 flag byte + big-endian uint32 length + payload) from a
/// stream. The announced length is checked against the limit before anything is allocated, because
/// it comes from the network and may be hostile.
/// </summary>
internal sealed class GrpcFrameReader
{
    internal const int HeaderSize = 5;

    private readonly Stream _stream;
    private readonly int _maxMessageSize;
    private readonly string? _encoding;
    private readonly byte[] _header = new byte[HeaderSize];

    /// <param name="stream">The HTTP/2 body to read from.</param>
    /// <param name="maxMessageSize">The largest payload accepted, in bytes.</param>
    /// <param name="encoding">The negotiated <c>grpc-encoding</c>, or null/identity when none was.</param>
    public GrpcFrameReader(Stream stream, int maxMessageSize, string? encoding)
    {
        _stream = stream;
        _maxMessageSize = maxMessageSize;
        _encoding = string.IsNullOrEmpty(encoding) || encoding == "identity" ? null : encoding;
    }

    /// <summary>Reads the next message payload, or returns null when the stream ends cleanly between frames.</summary>
    /// <exception cref="GrpcException">The frame is truncated, compressed without negotiation, or too large.</exception>
    public async ValueTask<byte[]?> ReadMessageAsync(CancellationToken cancellationToken)
    {
        int headerRead = await _stream.ReadAtLeastAsync(_header, HeaderSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (headerRead == 0)
        {
            return null;
        }

        if (headerRead < HeaderSize)
        {
            throw new GrpcException(GrpcStatusCode.Internal,
                $"Truncated gRPC frame: the stream ended after {headerRead} of the {HeaderSize} header bytes.");
        }

        uint length = ValidateHeader(_header, _maxMessageSize, _encoding);
        if (length == 0)
        {
            return [];
        }

        var payload = new byte[length];
        int read = await _stream.ReadAtLeastAsync(payload, payload.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read < payload.Length)
        {
            throw new GrpcException(GrpcStatusCode.Internal,
                $"Truncated gRPC frame: the header announced {length} bytes but the stream ended after {read}.");
        }

        return payload;
    }

    /// <summary>Checks a frame header and returns the payload length it announces.</summary>
    internal static uint ValidateHeader(ReadOnlySpan<byte> header, int maxMessageSize, string? encoding)
    {
        byte flag = header[0];
        if (flag > 1)
        {
            throw new GrpcException(GrpcStatusCode.Internal,
                $"Invalid gRPC frame: the compressed-flag byte is {flag}; only 0 and 1 are defined.");
        }

        if (flag == 1)
        {
            throw encoding is null
                ? new GrpcException(GrpcStatusCode.Internal,
                    "Invalid gRPC frame: the message is marked compressed but no grpc-encoding was negotiated.")
                : new GrpcException(GrpcStatusCode.Unimplemented,
                    $"The peer sent a message compressed with '{encoding}'; this implementation accepts only uncompressed messages.");
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxMessageSize)
        {
            throw new GrpcException(GrpcStatusCode.ResourceExhausted,
                $"Received a message of {length} bytes, larger than the limit of {maxMessageSize} bytes. " +
                "Raise the maximum receive message size if messages this large are expected.");
        }

        return length;
    }
}
