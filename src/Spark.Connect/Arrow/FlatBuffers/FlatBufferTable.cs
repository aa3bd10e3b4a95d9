using System.Buffers.Binary;
using System.Text;

namespace Spark.Connect.Arrow.FlatBuffers;

/// <summary>
/// Read access to one FlatBuffers table. Every offset read from the bytes is checked against the
/// buffer before it is followed, so hostile metadata yields <see cref="ArrowFormatException"/>.
/// </summary>
/// <remarks>
/// Layout: a table starts with an int32 whose value, subtracted from the table position, locates its
/// vtable; the vtable is uint16 vtable size, uint16 table size, then one uint16 per field giving the
/// field's position inside the table (0 = absent, use the default). Reference fields hold a uint32
/// offset relative to their own position.
/// </remarks>
internal readonly struct FlatBufferTable
{
    private readonly ReadOnlyMemory<byte> _buffer;
    private readonly int _position;
    private readonly int _vtable;
    private readonly int _vtableSize;
    private readonly int _tableSize;
    private readonly string _name;

    private FlatBufferTable(ReadOnlyMemory<byte> buffer, int position, string name)
    {
        _buffer = buffer;
        _position = position;
        _name = name;
        var span = buffer.Span;
        if (position < 0 || position > span.Length - 4)
            throw Fail($"table at {position} is outside the {span.Length}-byte metadata");
        var vtable = (long)position - BinaryPrimitives.ReadInt32LittleEndian(span[position..]);
        if (vtable < 0 || vtable > span.Length - 4)
            throw Fail($"vtable at {vtable} is outside the metadata");
        _vtable = (int)vtable;
        _vtableSize = BinaryPrimitives.ReadUInt16LittleEndian(span[_vtable..]);
        _tableSize = BinaryPrimitives.ReadUInt16LittleEndian(span[(_vtable + 2)..]);
        if (_vtableSize < 4 || _vtableSize % 2 != 0 || _vtable + _vtableSize > span.Length)
            throw Fail($"vtable size {_vtableSize} is invalid");
        if (_tableSize < 4 || position + _tableSize > span.Length)
            throw Fail($"table size {_tableSize} runs past the metadata");
    }

    /// <summary>The root table of a FlatBuffer (the first uint32 is the root table's offset).</summary>
    internal static FlatBufferTable Root(ReadOnlyMemory<byte> buffer, string name)
    {
        if (buffer.Length < 4)
            throw new ArrowFormatException($"Arrow metadata of {buffer.Length} bytes is too short to hold a {name} FlatBuffer.");
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(buffer.Span);
        if (offset > int.MaxValue)
            throw new ArrowFormatException($"Arrow {name} root offset {offset} is invalid.");
        return new FlatBufferTable(buffer, (int)offset, name);
    }

    internal bool Has(int field) => FieldPosition(field, 1) != 0;

    internal byte GetByte(int field, byte defaultValue = 0)
    {
        var at = FieldPosition(field, 1);
        return at == 0 ? defaultValue : _buffer.Span[at];
    }

    internal bool GetBool(int field, bool defaultValue = false) => GetByte(field, defaultValue ? (byte)1 : (byte)0) != 0;

    internal short GetShort(int field, short defaultValue = 0)
    {
        var at = FieldPosition(field, 2);
        return at == 0 ? defaultValue : BinaryPrimitives.ReadInt16LittleEndian(_buffer.Span[at..]);
    }

    internal int GetInt(int field, int defaultValue = 0)
    {
        var at = FieldPosition(field, 4);
        return at == 0 ? defaultValue : BinaryPrimitives.ReadInt32LittleEndian(_buffer.Span[at..]);
    }

    internal long GetLong(int field, long defaultValue = 0)
    {
        var at = FieldPosition(field, 8);
        return at == 0 ? defaultValue : BinaryPrimitives.ReadInt64LittleEndian(_buffer.Span[at..]);
    }

    /// <summary>A sub-table (also a union's value), or null when absent.</summary>
    internal FlatBufferTable? GetTable(int field, string name)
    {
        var target = Follow(field);
        return target < 0 ? null : new FlatBufferTable(_buffer, target, name);
    }

    /// <summary>Size of the whole FlatBuffer this table lives in.</summary>
    internal int BufferLength => _buffer.Length;

    internal string? GetString(int field)
    {
        long unlimited = long.MaxValue;
        return GetString(field, ref unlimited);
    }

    /// <summary>
    /// A string field, charged against <paramref name="byteBudget"/>: many tables may share one long
    /// string, so decoding without a budget could allocate far more than the metadata's size.
    /// </summary>
    internal string? GetString(int field, ref long byteBudget)
    {
        var target = Follow(field);
        if (target < 0)
            return null;
        var bytes = VectorBytes(target, 1, out var count);
        byteBudget -= count;
        if (byteBudget < 0)
            throw Fail("strings shared between tables add up to more text than the metadata can hold");
        return Encoding.UTF8.GetString(bytes[..count]);
    }

    /// <summary>The elements of a vector of inline structs (or scalars) as raw bytes, or empty when absent.</summary>
    internal ReadOnlySpan<byte> GetStructVector(int field, int elementSize, out int count)
    {
        count = 0;
        var target = Follow(field);
        return target < 0 ? default : VectorBytes(target, elementSize, out count);
    }

    /// <summary>The number of tables in a vector of tables (0 when absent).</summary>
    internal int GetTableVectorLength(int field)
    {
        var target = Follow(field);
        if (target < 0)
            return 0;
        VectorBytes(target, 4, out var count);
        return count;
    }

    /// <summary>Element <paramref name="index"/> of a vector of tables (index below <see cref="GetTableVectorLength"/>).</summary>
    internal FlatBufferTable GetTableVectorElement(int field, int index, string name)
    {
        var target = Follow(field);
        var elements = VectorBytes(target, 4, out _);
        var slot = target + 4 + index * 4;
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(elements[(index * 4)..]);
        if (offset > int.MaxValue || slot + (long)offset > _buffer.Length)
            throw Fail($"vector element {index} offset {offset} is outside the metadata");
        return new FlatBufferTable(_buffer, slot + (int)offset, name);
    }

    private ReadOnlySpan<byte> VectorBytes(int target, int elementSize, out int count)
    {
        var span = _buffer.Span;
        if (target > span.Length - 4)
            throw Fail($"vector at {target} is outside the metadata");
        var length = BinaryPrimitives.ReadUInt32LittleEndian(span[target..]);
        if ((ulong)length * (ulong)elementSize > (ulong)(span.Length - target - 4))
            throw Fail($"vector of {length} elements at {target} runs past the metadata");
        count = (int)length;
        return span.Slice(target + 4, count * elementSize);
    }

    /// <summary>Position the reference field points at, or -1 when absent.</summary>
    private int Follow(int field)
    {
        var at = FieldPosition(field, 4);
        if (at == 0)
            return -1;
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.Span[at..]);
        var target = (long)at + offset;
        if (offset == 0 || target > _buffer.Length - 4)
            throw Fail($"field {field} points to {target}, outside the metadata");
        return (int)target;
    }

    /// <summary>Absolute position of a field's inline bytes, or 0 when the field is absent.</summary>
    private int FieldPosition(int field, int size)
    {
        var entry = 4 + field * 2;
        if (entry + 2 > _vtableSize)
            return 0;
        int relative = BinaryPrimitives.ReadUInt16LittleEndian(_buffer.Span[(_vtable + entry)..]);
        if (relative == 0)
            return 0;
        if (relative < 4 || relative + size > _tableSize)
            throw Fail($"field {field} at {relative} lies outside the {_tableSize}-byte table");
        return _position + relative;
    }

    private ArrowFormatException Fail(string problem) => new($"Corrupt Arrow {_name} metadata: {problem}.");
}
