using System.Buffers.Binary;
using Spark.Connect.Arrow.FlatBuffers;
using Spark.Connect.Arrow.Ipc;

namespace Spark.Connect.Arrow;

/// <summary>
/// Reads an Arrow IPC stream held in memory (e.g. one Spark Connect <c>arrow_batch.data</c>): a
/// schema message, dictionary and record batch messages, and an optional end-of-stream marker. Columns are
/// zero-copy views of the given memory, which must stay unchanged while they are in use. Dictionary-encoded
/// fields become <see cref="DictionaryColumn"/>s over the latest dictionary their id received (replacements and
/// deltas included).
/// </summary>
/// <remarks>Any malformed input raises <see cref="ArrowFormatException"/>.</remarks>
public sealed class ArrowStreamReader
{
    private const short MetadataVersionV4 = 3;
    private const byte HeaderSchema = 1, HeaderDictionaryBatch = 2, HeaderRecordBatch = 3;
    private static readonly string[] HeaderNames = ["NONE", "Schema", "DictionaryBatch", "RecordBatch", "Tensor", "SparseTensor"];

    private readonly ReadOnlyMemory<byte> _stream;
    private readonly StreamDictionaries _dictionaries;
    private int _position;
    private bool _ended;

    /// <summary>Starts reading <paramref name="stream"/> and decodes its schema message.</summary>
    /// <exception cref="ArrowFormatException">The stream does not start with a valid schema message.</exception>
    public ArrowStreamReader(ReadOnlyMemory<byte> stream)
    {
        _stream = stream;
        var message = ReadMessage() ?? throw new ArrowFormatException("The Arrow stream ends before its schema message.");
        if (message.HeaderType != HeaderSchema)
            throw new ArrowFormatException($"The Arrow stream starts with a {HeaderName(message.HeaderType)} message instead of a Schema.");
        Schema = SchemaCodec.Decode(message.Header);
        _dictionaries = new StreamDictionaries(Schema);
    }

    /// <summary>The stream's schema.</summary>
    public ArrowSchema Schema { get; }

    /// <summary>Decodes the next record batch, or returns null at the end of the stream.</summary>
    /// <exception cref="ArrowFormatException">The next message is malformed or unsupported.</exception>
    public RecordBatch? ReadNextBatch()
    {
        var message = ReadMessage();
        // Dictionaries come before the record batches that use them, as their own messages.
        while (message is { HeaderType: HeaderDictionaryBatch })
        {
            _dictionaries.Read(message.Header, message.Body);
            message = ReadMessage();
        }
        if (message is null)
            return null;
        return message.HeaderType switch
        {
            HeaderRecordBatch => RecordBatchDecoder.Decode(Schema, message.Header, message.Body, _dictionaries.Current),
            HeaderSchema => throw new ArrowFormatException("The Arrow stream holds a second Schema message."),
            _ => throw new ArrowFormatException($"Arrow {HeaderName(message.HeaderType)} messages are not supported."),
        };
    }

    /// <summary>Reads every remaining batch.</summary>
    public IReadOnlyList<RecordBatch> ReadAllBatches()
    {
        var batches = new List<RecordBatch>();
        while (ReadNextBatch() is { } batch)
            batches.Add(batch);
        return batches;
    }

    private sealed record Message(byte HeaderType, FlatBufferTable Header, ReadOnlyMemory<byte> Body);

    private Message? ReadMessage()
    {
        if (_ended)
            return null;
        var span = _stream.Span;
        if (_position == span.Length)
        {
            _ended = true;
            return null;
        }
        var metadataLength = ReadPrefix(span);
        if (metadataLength == 0)
        {
            _ended = true;
            return null;
        }
        if (metadataLength < 0 || metadataLength > span.Length - _position)
            throw new ArrowFormatException(
                $"Arrow message metadata length {metadataLength} at byte {_position} exceeds the {span.Length - _position} bytes left.");
        var metadata = _stream.Slice(_position, metadataLength);
        _position += metadataLength;

        var message = FlatBufferTable.Root(metadata, "Message");
        var version = message.GetShort(0);
        if (version < MetadataVersionV4 || version > 4)
            throw new ArrowFormatException($"Arrow metadata version V{version + 1} is not supported (V4 and V5 are).");
        var headerType = message.GetByte(1);
        var header = message.GetTable(2, HeaderName(headerType))
                     ?? throw new ArrowFormatException($"Arrow {HeaderName(headerType)} message has no header.");
        var bodyLength = message.GetLong(3);
        if (bodyLength < 0 || bodyLength > span.Length - _position)
            throw new ArrowFormatException(
                $"Arrow message body length {bodyLength} at byte {_position} exceeds the {span.Length - _position} bytes left.");
        var body = _stream.Slice(_position, (int)bodyLength);
        _position += (int)bodyLength;
        return new Message(headerType, header, body);
    }

    /// <summary>Reads the length prefix: 0xFFFFFFFF then int32 length, or the pre-1.0 bare int32 length.</summary>
    private int ReadPrefix(ReadOnlySpan<byte> span)
    {
        if (span.Length - _position < 4)
            throw new ArrowFormatException($"The Arrow stream ends inside a message prefix at byte {_position}.");
        var first = BinaryPrimitives.ReadInt32LittleEndian(span[_position..]);
        _position += 4;
        if (first != -1)
            return first;
        if (span.Length - _position < 4)
            throw new ArrowFormatException($"The Arrow stream ends inside a message prefix at byte {_position}.");
        var length = BinaryPrimitives.ReadInt32LittleEndian(span[_position..]);
        _position += 4;
        return length;
    }

    private static string HeaderName(byte type) => type < HeaderNames.Length ? HeaderNames[type] : $"#{type}";
}
