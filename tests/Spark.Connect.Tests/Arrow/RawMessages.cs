using Spark.Connect.Arrow.FlatBuffers;

namespace Spark.Connect.Tests.Arrow;

/// <summary>Hand-made Arrow IPC messages for feeding the reader unusual or hostile metadata.</summary>
internal static class RawMessages
{
    public const byte Schema = 1, DictionaryBatch = 2, RecordBatch = 3, Tensor = 4;

    /// <summary>One framed message: continuation marker, padded metadata length, metadata, body.</summary>
    public static byte[] Frame(byte headerType, FlatBufferObject header, byte[]? body = null, long? bodyLength = null, short version = 4)
    {
        body ??= [];
        var message = new FlatBufferObject()
            .Add(0, version)
            .Add(1, headerType)
            .Add(2, header)
            .Add(3, bodyLength ?? body.Length);
        var metadata = FlatBufferBuilder.Serialize(message);
        var output = new MemoryStream();
        output.Write(BitConverter.GetBytes(-1));
        output.Write(BitConverter.GetBytes(metadata.Length));
        output.Write(metadata);
        output.Write(body);
        return output.ToArray();
    }

    public static FlatBufferObject SchemaTable(params FlatBufferObject[] fields) => new FlatBufferObject().Add(1, fields);

    public static FlatBufferObject Field(string name, byte typeId, FlatBufferObject? type = null, params FlatBufferObject[] children) =>
        new FlatBufferObject().Add(0, name).Add(1, true).Add(2, typeId).Add(3, type ?? new FlatBufferObject()).Add(5, children);

    public static FlatBufferObject Int(int bits, bool signed = true) => new FlatBufferObject().Add(0, bits).Add(1, signed);

    /// <summary>A RecordBatch header with explicit field nodes (length, nulls) and buffers (offset, length).</summary>
    public static FlatBufferObject Batch(long length, (long Length, long Nulls)[] nodes, (long Offset, long Length)[] buffers)
    {
        var header = new FlatBufferObject().Add(0, length);
        header.Add(1, new FlatBufferStructVector(Pairs(nodes.Select(n => (n.Length, n.Nulls))), nodes.Length));
        header.Add(2, new FlatBufferStructVector(Pairs(buffers.Select(b => (b.Offset, b.Length))), buffers.Length));
        return header;
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Pairs(IEnumerable<(long, long)> pairs) =>
        pairs.SelectMany(p => BitConverter.GetBytes(p.Item1).Concat(BitConverter.GetBytes(p.Item2))).ToArray();
}
