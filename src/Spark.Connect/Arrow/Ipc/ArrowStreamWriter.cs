using System.Buffers;
using System.Buffers.Binary;
using Spark.Connect.Arrow.FlatBuffers;
using Spark.Connect.Arrow.Ipc;

namespace Spark.Connect.Arrow;

/// <summary>
/// Writes an Arrow IPC stream: the schema message, one message per record batch, and the
/// end-of-stream marker (on <see cref="WriteEnd"/> or <see cref="Dispose"/>). Messages use the
/// continuation marker, metadata version V5 and 8-byte padding. Record batch bodies are stored as they are
/// unless a <see cref="ArrowCompressionCodec"/> is chosen, in which case each buffer is compressed on its own.
/// </summary>
public sealed class ArrowStreamWriter : IDisposable
{
    private const short MetadataVersionV5 = 4;
    private const byte HeaderSchema = 1, HeaderRecordBatch = 3;
    private static readonly byte[] Padding = new byte[8];

    private readonly Action<ReadOnlySpan<byte>> _sink;
    private readonly ArrowSchema _schema;
    private readonly ArrowCompressionCodec _compression;
    private bool _schemaWritten;
    private bool _ended;

    /// <summary>Writes to <paramref name="output"/> (left open), compressing bodies with <paramref name="compression"/>.</summary>
    public ArrowStreamWriter(Stream output, ArrowSchema schema, ArrowCompressionCodec compression = ArrowCompressionCodec.None)
        : this(schema, compression, (output ?? throw new ArgumentNullException(nameof(output))).Write)
    {
    }

    /// <summary>Writes to <paramref name="output"/>, compressing bodies with <paramref name="compression"/>.</summary>
    public ArrowStreamWriter(IBufferWriter<byte> output, ArrowSchema schema, ArrowCompressionCodec compression = ArrowCompressionCodec.None)
        : this(schema, compression, (output ?? throw new ArgumentNullException(nameof(output))).Write)
    {
    }

    private ArrowStreamWriter(ArrowSchema schema, ArrowCompressionCodec compression, Action<ReadOnlySpan<byte>> sink)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!Enum.IsDefined(compression))
            throw new ArgumentOutOfRangeException(nameof(compression), compression, "Unknown Arrow compression codec.");
        _schema = schema;
        _compression = compression;
        _sink = sink;
    }

    /// <summary>A complete stream (schema, batches, end marker) as one array, bodies compressed with <paramref name="compression"/>.</summary>
    public static byte[] WriteToArray(ArrowSchema schema, IEnumerable<RecordBatch> batches, ArrowCompressionCodec compression = ArrowCompressionCodec.None)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new ArrowStreamWriter(output, schema, compression))
        {
            foreach (var batch in batches)
                writer.WriteBatch(batch);
        }
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Writes the schema message now (it is otherwise written before the first batch).</summary>
    public void WriteSchema()
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        if (_schemaWritten)
            return;
        WriteMessage(HeaderSchema, SchemaCodec.Encode(_schema), []);
        _schemaWritten = true;
    }

    /// <summary>Writes one record batch; its schema must match the writer's.</summary>
    public void WriteBatch(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_ended, this);
        if (!ArrowSchema.SameShape(batch.Schema.Fields, _schema.Fields))
            throw new ArgumentException($"The batch's schema ({batch.Schema}) differs from the stream's ({_schema}).", nameof(batch));
        WriteSchema();
        var nodes = new List<(long Length, long NullCount)>();
        var buffers = new List<ReadOnlyMemory<byte>>();
        foreach (var column in batch.Columns)
            Flatten(column, nodes, buffers);
        if (_compression != ArrowCompressionCodec.None)
        {
            for (var i = 0; i < buffers.Count; i++)
                buffers[i] = BufferCompressor.Compress(buffers[i], _compression);
        }

        var nodeBytes = new byte[nodes.Count * 16];
        for (var i = 0; i < nodes.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(nodeBytes.AsSpan(i * 16), nodes[i].Length);
            BinaryPrimitives.WriteInt64LittleEndian(nodeBytes.AsSpan(i * 16 + 8), nodes[i].NullCount);
        }
        var bufferBytes = new byte[buffers.Count * 16];
        long offset = 0;
        for (var i = 0; i < buffers.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bufferBytes.AsSpan(i * 16), offset);
            BinaryPrimitives.WriteInt64LittleEndian(bufferBytes.AsSpan(i * 16 + 8), buffers[i].Length);
            offset += Padded(buffers[i].Length);
        }
        var header = new FlatBufferObject()
            .Add(0, (long)batch.Length)
            .Add(1, new FlatBufferStructVector(nodeBytes, nodes.Count))
            .Add(2, new FlatBufferStructVector(bufferBytes, buffers.Count));
        if (_compression != ArrowCompressionCodec.None)
            header.Add(3, new FlatBufferObject().Add(0, BufferCompressor.FormatNumber(_compression)).Add(1, (byte)0));
        WriteMessage(HeaderRecordBatch, header, buffers);
    }

    /// <summary>Writes the end-of-stream marker (and the schema if no batch was written).</summary>
    public void WriteEnd()
    {
        if (_ended)
            return;
        WriteSchema();
        Span<byte> end = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(end, -1);
        BinaryPrimitives.WriteInt32LittleEndian(end[4..], 0);
        _sink(end);
        _ended = true;
    }

    /// <summary>Finishes the stream with <see cref="WriteEnd"/>.</summary>
    public void Dispose() => WriteEnd();

    private static void Flatten(ArrowColumn column, List<(long, long)> nodes, List<ReadOnlyMemory<byte>> buffers)
    {
        nodes.Add((column.Length, column.NullCount));
        for (var i = 0; i < column.Buffers.Length; i++)
        {
            // A column without nulls may omit its validity bitmap.
            var isValidity = i == 0 && column.Field.Type.Id != ArrowTypeId.Null;
            buffers.Add(isValidity && column.NullCount == 0 ? ReadOnlyMemory<byte>.Empty : column.Buffers[i]);
        }
        foreach (var child in column.ChildColumns)
            Flatten(child, nodes, buffers);
    }

    private void WriteMessage(byte headerType, FlatBufferObject header, IReadOnlyList<ReadOnlyMemory<byte>> body)
    {
        long bodyLength = body.Sum(b => (long)Padded(b.Length));
        var message = new FlatBufferObject()
            .Add(0, MetadataVersionV5)
            .Add(1, headerType)
            .Add(2, header)
            .Add(3, bodyLength);
        var metadata = FlatBufferBuilder.Serialize(message);
        Span<byte> prefix = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, -1);
        BinaryPrimitives.WriteInt32LittleEndian(prefix[4..], Padded(metadata.Length));
        _sink(prefix);
        _sink(metadata);
        _sink(Padding.AsSpan(0, Padded(metadata.Length) - metadata.Length));
        foreach (var buffer in body)
        {
            _sink(buffer.Span);
            _sink(Padding.AsSpan(0, Padded(buffer.Length) - buffer.Length));
        }
    }

    private static int Padded(int length) => (length + 7) & ~7;
}
