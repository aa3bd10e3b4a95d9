using System.Buffers.Binary;
using System.Text;

namespace Spark.Connect.Arrow.FlatBuffers;

/// <summary>A table to serialize: field slots with scalars, strings, sub-tables or vectors.</summary>
internal sealed class FlatBufferObject
{
    internal List<(int Slot, object Value)> Fields { get; } = [];

    internal FlatBufferObject Add(int slot, object value)
    {
        Fields.Add((slot, value));
        return this;
    }
}

/// <summary>A vector of inline structs, already encoded little-endian.</summary>
internal sealed record FlatBufferStructVector(byte[] Bytes, int Count);

/// <summary>
/// Serializes a tree of <see cref="FlatBufferObject"/>s front to back: each table is preceded by its
/// vtable (positive soffset), and everything a table references is written after it, so every
/// uoffset points forward as FlatBuffers requires. Tables start on 8-byte boundaries so 64-bit
/// fields and struct vectors are naturally aligned.
/// </summary>
internal sealed class FlatBufferBuilder
{
    private byte[] _buffer = new byte[256];
    private int _length;

    internal static byte[] Serialize(FlatBufferObject root)
    {
        var builder = new FlatBufferBuilder();
        builder.Grow(4);
        var rootPosition = builder.WriteTable(root);
        BinaryPrimitives.WriteUInt32LittleEndian(builder._buffer, (uint)rootPosition);
        builder.Align(8);
        return builder._buffer[..builder._length];
    }

    private int WriteTable(FlatBufferObject table)
    {
        var slots = table.Fields.Count == 0 ? 0 : table.Fields.Max(f => f.Slot) + 1;
        var placed = table.Fields.OrderByDescending(f => SizeOf(f.Value)).ToArray();
        var inlineOffsets = new int[placed.Length];
        var tableSize = 4;
        for (var i = 0; i < placed.Length; i++)
        {
            var size = SizeOf(placed[i].Value);
            tableSize = (tableSize + size - 1) / size * size;
            inlineOffsets[i] = tableSize;
            tableSize += size;
        }

        Align(2);
        var vtable = _length;
        var vtableBytes = Grow(4 + 2 * slots);
        BinaryPrimitives.WriteUInt16LittleEndian(vtableBytes, (ushort)(4 + 2 * slots));
        BinaryPrimitives.WriteUInt16LittleEndian(vtableBytes[2..], (ushort)tableSize);
        for (var i = 0; i < placed.Length; i++)
            BinaryPrimitives.WriteUInt16LittleEndian(vtableBytes[(4 + 2 * placed[i].Slot)..], (ushort)inlineOffsets[i]);

        Align(8);
        var start = _length;
        Grow(tableSize);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(start), start - vtable);
        var references = new List<(int Position, object Value)>();
        for (var i = 0; i < placed.Length; i++)
        {
            var at = _buffer.AsSpan(start + inlineOffsets[i]);
            switch (placed[i].Value)
            {
                case byte b: at[0] = b; break;
                case bool flag: at[0] = flag ? (byte)1 : (byte)0; break;
                case short s: BinaryPrimitives.WriteInt16LittleEndian(at, s); break;
                case int n: BinaryPrimitives.WriteInt32LittleEndian(at, n); break;
                case long l: BinaryPrimitives.WriteInt64LittleEndian(at, l); break;
                default: references.Add((start + inlineOffsets[i], placed[i].Value)); break;
            }
        }
        foreach (var (position, value) in references)
        {
            var target = value switch
            {
                FlatBufferObject child => WriteTable(child),
                string text => WriteString(text),
                FlatBufferObject[] children => WriteTableVector(children),
                FlatBufferStructVector structs => WriteStructVector(structs),
                _ => throw new InvalidOperationException($"Cannot serialize {value.GetType()} into a FlatBuffer."),
            };
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(position), (uint)(target - position));
        }
        return start;
    }

    private int WriteString(string text)
    {
        Align(4);
        var start = _length;
        var count = Encoding.UTF8.GetByteCount(text);
        var bytes = Grow(4 + count + 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)count);
        Encoding.UTF8.GetBytes(text, bytes[4..]);
        bytes[4 + count] = 0;
        return start;
    }

    private int WriteTableVector(FlatBufferObject[] tables)
    {
        Align(4);
        var start = _length;
        Grow(4 + 4 * tables.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(start), (uint)tables.Length);
        for (var i = 0; i < tables.Length; i++)
        {
            var slot = start + 4 + 4 * i;
            var target = WriteTable(tables[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(slot), (uint)(target - slot));
        }
        return start;
    }

    private int WriteStructVector(FlatBufferStructVector vector)
    {
        // The length prefix sits 4 bytes before an 8-aligned first element.
        Align(8);
        Grow(4);
        var start = _length;
        var bytes = Grow(4 + vector.Bytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)vector.Count);
        vector.Bytes.CopyTo(bytes[4..]);
        return start;
    }

    private static int SizeOf(object value) => value switch
    {
        byte or bool => 1,
        short => 2,
        long => 8,
        _ => 4,
    };

    private void Align(int alignment)
    {
        while (_length % alignment != 0)
            Grow(1)[0] = 0;
    }

    private Span<byte> Grow(int count)
    {
        if (_length + count > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        var span = _buffer.AsSpan(_length, count);
        span.Clear();
        _length += count;
        return span;
    }
}
