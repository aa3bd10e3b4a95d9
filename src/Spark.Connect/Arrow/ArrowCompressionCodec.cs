namespace Spark.Connect.Arrow;

/// <summary>
/// Compression of record batch bodies in an Arrow IPC stream (the RecordBatch's BodyCompression,
/// method BUFFER: every buffer compressed on its own). The numbers are the format's CompressionType
/// plus one, so <see cref="None"/> is the default.
/// </summary>
public enum ArrowCompressionCodec
{
    /// <summary>Buffers are stored as they are (no BodyCompression).</summary>
    None = 0,

    /// <summary>Each buffer is one LZ4 frame (CompressionType LZ4_FRAME).</summary>
    Lz4Frame = 1,

    /// <summary>Each buffer is one Zstandard frame (CompressionType ZSTD).</summary>
    Zstd = 2,
}
