using System.Buffers.Binary;
using Spark.Connect.Arrow.FlatBuffers;

namespace Spark.Connect.Arrow.Ipc;

/// <summary>
/// Turns a RecordBatch message (field nodes and buffer locations, in depth-first field order) and
/// its body into validated columns that slice the body without copying.
/// </summary>
internal sealed class RecordBatchDecoder
{
    private const int SlotLength = 0, SlotNodes = 1, SlotBuffers = 2, SlotCompression = 3;

    private readonly ReadOnlyMemory<byte> _body;
    private readonly byte[] _nodes;
    private readonly int _nodeCount;
    private readonly byte[] _buffers;
    private readonly int _bufferCount;
    private readonly BufferDecompressor? _decompressor;
    private readonly IReadOnlyDictionary<long, ArrowColumn> _dictionaries;
    private int _nextNode;
    private int _nextBuffer;

    private RecordBatchDecoder(FlatBufferTable batch, ReadOnlyMemory<byte> body, IReadOnlyDictionary<long, ArrowColumn> dictionaries)
    {
        _body = body;
        _dictionaries = dictionaries;
        _decompressor = ReadCompression(batch);
        _nodes = batch.GetStructVector(SlotNodes, 16, out _nodeCount).ToArray();
        _buffers = batch.GetStructVector(SlotBuffers, 16, out _bufferCount).ToArray();
        _decompressor?.CheckTotal(_buffers, _bufferCount, body.Span);
    }

    /// <param name="schema">The fields the batch holds (for a DictionaryBatch, the one field of the dictionary's values).</param>
    /// <param name="batch">The RecordBatch table.</param>
    /// <param name="body">The message body its buffers point into.</param>
    /// <param name="dictionaries">The dictionaries received so far, by id, for dictionary-encoded fields.</param>
    internal static RecordBatch Decode(ArrowSchema schema, FlatBufferTable batch, ReadOnlyMemory<byte> body,
        IReadOnlyDictionary<long, ArrowColumn> dictionaries)
    {
        var rows = batch.GetLong(SlotLength);
        if (rows < 0 || rows > int.MaxValue)
            throw new ArrowFormatException($"Arrow record batch length {rows} is out of range.");
        var decoder = new RecordBatchDecoder(batch, body, dictionaries);
        var columns = new ArrowColumn[schema.Fields.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = decoder.DecodeColumn(schema.Fields[i]);
            // The format requires equal lengths; some readers pad a short column with nulls, but a writer that
            // dropped values (e.g. one whose builder ignored values of an unexpected type) would then lose data silently.
            if (columns[i].Length != rows)
                throw new ArrowFormatException(
                    $"Arrow column '{schema.Fields[i].Name}' ({schema.Fields[i].Type}) has {columns[i].Length} values but its record batch has {rows} rows; " +
                    "every column of a record batch must have the batch's length, so the writer of this stream left out or added values in that column.");
        }
        if (decoder._nextNode != decoder._nodeCount || decoder._nextBuffer != decoder._bufferCount)
            throw new ArrowFormatException(
                $"Arrow record batch has {decoder._nodeCount} field nodes and {decoder._bufferCount} buffers; the schema uses {decoder._nextNode} and {decoder._nextBuffer}.");
        return new RecordBatch(schema, (int)rows, columns);
    }

    // Recursion depth is bounded by the schema, whose nesting was limited when it was decoded.
    private ArrowColumn DecodeColumn(ArrowField field)
    {
        if (_nextNode >= _nodeCount)
            throw new ArrowFormatException($"Arrow record batch has too few field nodes (column '{field.Name}' ({field.Type})).");
        var node = _nodes.AsSpan(_nextNode++ * 16, 16);
        var length = BinaryPrimitives.ReadInt64LittleEndian(node);
        var nullCount = BinaryPrimitives.ReadInt64LittleEndian(node[8..]);
        if (length < 0 || length > int.MaxValue || nullCount < 0 || nullCount > length)
            throw new ArrowFormatException($"Arrow column '{field.Name}' ({field.Type}) has invalid length {length} / null count {nullCount}.");

        var buffers = new ReadOnlyMemory<byte>[ColumnFactory.BufferCount(field.Type)];
        for (var i = 0; i < buffers.Length; i++)
        {
            buffers[i] = NextBuffer(field);
            if (_decompressor is not null)
                buffers[i] = _decompressor.Decompress(buffers[i], field, i);
        }
        // A dictionary-encoded field is laid out as its indices alone; the values came in a DictionaryBatch.
        if (field.Type.Id == ArrowTypeId.Dictionary)
        {
            if (!_dictionaries.TryGetValue(field.Type.DictionaryId, out var dictionary))
                throw new ArrowFormatException(
                    $"Arrow column '{field.Name}' ({field.Type}) uses dictionary {field.Type.DictionaryId}, but no DictionaryBatch with that id came before it.");
            return ColumnFactory.CreateDictionary(field, (int)length, (int)nullCount, buffers, dictionary);
        }
        var children = new ArrowColumn[field.Children.Count];
        for (var i = 0; i < children.Length; i++)
            children[i] = DecodeColumn(field.Children[i]);
        return ColumnFactory.Create(field, (int)length, (int)nullCount, buffers, children);
    }

    /// <summary>The BodyCompression table: none, or codec LZ4_FRAME (0) / ZSTD (1) with method BUFFER (0).</summary>
    private static BufferDecompressor? ReadCompression(FlatBufferTable batch)
    {
        if (!batch.Has(SlotCompression))
            return null;
        var compression = batch.GetTable(SlotCompression, "BodyCompression");
        if (compression is null)
            return null;
        var codec = compression.Value.GetByte(0) switch
        {
            0 => ArrowCompressionCodec.Lz4Frame,
            1 => ArrowCompressionCodec.Zstd,
            var other => throw new ArrowFormatException($"Arrow record batch body compression codec #{other} is not supported (LZ4_FRAME and ZSTD are)."),
        };
        var method = compression.Value.GetByte(1);
        if (method != 0)
            throw new ArrowFormatException(
                $"Arrow record batch body compression method #{method} ({BufferDecompressor.CodecName(codec)}) is not supported (BUFFER is).");
        return new BufferDecompressor(codec);
    }

    private ReadOnlyMemory<byte> NextBuffer(ArrowField field)
    {
        if (_nextBuffer >= _bufferCount)
            throw new ArrowFormatException($"Arrow record batch has too few buffers (column '{field.Name}' ({field.Type})).");
        var entry = _buffers.AsSpan(_nextBuffer++ * 16, 16);
        var offset = BinaryPrimitives.ReadInt64LittleEndian(entry);
        var length = BinaryPrimitives.ReadInt64LittleEndian(entry[8..]);
        if (offset < 0 || length < 0 || offset > _body.Length || length > _body.Length - offset)
            throw new ArrowFormatException(
                $"Arrow buffer (offset {offset}, length {length}) of column '{field.Name}' ({field.Type}) lies outside the {_body.Length}-byte body.");
        return _body.Slice((int)offset, (int)length);
    }
}
