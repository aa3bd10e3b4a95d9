using Spark.Connect.Arrow.FlatBuffers;

namespace Spark.Connect.Tests.Arrow;

/// <summary>
/// Walks a written stream's record batches (and dictionary batches, whose data is a record batch too) and
/// classifies every stored buffer of a compressed body:
/// empty, raw (uncompressed length -1) or compressed; also where each stored non-empty buffer (length prefix first) lies.
/// </summary>
internal sealed record CompressedLayout(int Batches, int CompressedBatches, int Empty, int Raw, int Compressed, List<(int Start, int Length)> Stored)
{
    public static CompressedLayout Of(byte[] stream)
    {
        int batches = 0, compressedBatches = 0, empty = 0, raw = 0, compressed = 0;
        var prefixes = new List<(int, int)>();
        var position = 0;
        while (position + 8 <= stream.Length && BitConverter.ToInt32(stream, position + 4) is var length and > 0)
        {
            var message = FlatBufferTable.Root(stream.AsMemory(position + 8, length), "Message");
            var bodyStart = position + 8 + length;
            position = bodyStart + (int)message.GetLong(3);
            var kind = message.GetByte(1);
            if (kind != RawMessages.RecordBatch && kind != RawMessages.DictionaryBatch)
                continue;
            batches++;
            var header = kind == RawMessages.RecordBatch
                ? message.GetTable(2, "RecordBatch")!.Value
                : message.GetTable(2, "DictionaryBatch")!.Value.GetTable(1, "RecordBatch")!.Value;
            if (!header.Has(3))
                continue;
            compressedBatches++;
            var buffers = header.GetStructVector(2, 16, out var count);
            for (var i = 0; i < count; i++)
            {
                var offset = BitConverter.ToInt64(buffers[(i * 16)..]);
                var size = BitConverter.ToInt64(buffers[(i * 16 + 8)..]);
                if (size == 0)
                {
                    empty++;
                    continue;
                }
                prefixes.Add((bodyStart + (int)offset, (int)size));
                if (BitConverter.ToInt64(stream, bodyStart + (int)offset) == -1)
                    raw++;
                else
                    compressed++;
            }
        }
        return new CompressedLayout(batches, compressedBatches, empty, raw, compressed, prefixes);
    }
}
