using System.Buffers.Binary;

namespace Spark.Connect.Arrow.Ipc;

/// <summary>
/// Extends one dictionary with delta DictionaryBatches. Buffers grow by doubling and each delta is appended once,
/// so a stream of many small deltas costs time linear in its size; the column returned after each delta is a view
/// of the first rows of the growing buffers, which later appends never change (they write only past those rows).
/// Flat value types only (fixed-width, boolean, binary and strings): nested dictionaries are refused by name.
/// </summary>
internal sealed class DictionaryDelta
{
    private readonly ArrowField _field;
    private readonly int _width;
    private readonly bool _variable;
    private readonly bool _large;
    private byte[] _validity = [];
    private byte[] _values = [];
    private byte[] _offsets = [];
    private int _length;
    private int _nullCount;
    private long _dataLength;

    internal DictionaryDelta(ArrowColumn initial)
    {
        _field = initial.Field;
        var type = _field.Type;
        _variable = type.Id is ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 or ArrowTypeId.Binary or ArrowTypeId.LargeBinary;
        _large = type.Id is ArrowTypeId.LargeUtf8 or ArrowTypeId.LargeBinary;
        _width = type.Id == ArrowTypeId.Boolean ? 0 : type.FixedWidth;
        if (!_variable && _width == 0 && type.Id != ArrowTypeId.Boolean)
            throw new ArrowFormatException($"Arrow delta dictionaries of type {type} (field '{_field.Name}') are not supported; flat value types are.");
        if (_variable)
            Grow(ref _offsets, 0, _large ? 8 : 4);
        AppendRows(initial);
    }

    /// <summary>Appends <paramref name="delta"/>'s entries and returns the whole dictionary so far.</summary>
    internal ArrowColumn Append(ArrowColumn delta)
    {
        AppendRows(delta);
        var validity = _validity.AsMemory(0, ColumnFactory.BitmapBytes(_length));
        ReadOnlyMemory<byte>[] buffers = _variable
            ? [validity, _offsets.AsMemory(0, (_length + 1) * (_large ? 8 : 4)), _values.AsMemory(0, (int)_dataLength)]
            : [validity, _values.AsMemory(0, _width == 0 ? ColumnFactory.BitmapBytes(_length) : _length * _width)];
        // Every appended value came from a validated column, so only the constant-time checks run again.
        return ColumnFactory.Create(_field, _length, _nullCount, buffers, [], trusted: true);
    }

    private void AppendRows(ArrowColumn column)
    {
        var start = _length;
        if ((long)start + column.Length > int.MaxValue)
            throw new ArrowFormatException($"Arrow delta dictionaries for field '{_field.Name}' add up to more than {int.MaxValue} entries.");
        _length += column.Length;
        _nullCount += column.NullCount;
        Grow(ref _validity, ColumnFactory.BitmapBytes(start), ColumnFactory.BitmapBytes(_length));
        for (var i = 0; i < column.Length; i++)
            SetBit(_validity, start + i, !column.IsNull(i));
        if (_variable)
            AppendVariable((BinaryColumn)column, start);
        else if (_width == 0)
            AppendBits((BooleanColumn)column, start);
        else
            AppendFixed(((IFixedWidthValues)column).ValueMemory.Span[..(column.Length * _width)], start);
    }

    private void AppendFixed(ReadOnlySpan<byte> values, int start)
    {
        Grow(ref _values, start * _width, _length * _width);
        values.CopyTo(_values.AsSpan(start * _width));
    }

    private void AppendBits(BooleanColumn column, int start)
    {
        Grow(ref _values, ColumnFactory.BitmapBytes(start), ColumnFactory.BitmapBytes(_length));
        for (var i = 0; i < column.Length; i++)
            SetBit(_values, start + i, column.GetValue(i));
    }

    private void AppendVariable(BinaryColumn column, int start)
    {
        if (column.Length == 0)
            return;
        var width = _large ? 8 : 4;
        long first = _large ? column.LargeOffsets[0] : column.Offsets[0];
        long last = _large ? column.LargeOffsets[column.Length] : column.Offsets[column.Length];
        var newDataLength = _dataLength + (last - first);
        if (!_large && newDataLength > int.MaxValue || newDataLength > Array.MaxLength)
            throw new ArrowFormatException($"Arrow delta dictionaries for field '{_field.Name}' ({_field.Type}) hold more bytes than its offsets can address.");
        Grow(ref _values, (int)_dataLength, (int)newDataLength);
        column.ValueData[(int)first..(int)last].CopyTo(_values.AsSpan((int)_dataLength));
        Grow(ref _offsets, (start + 1) * width, (_length + 1) * width);
        for (var i = 1; i <= column.Length; i++)
        {
            long offset = (_large ? column.LargeOffsets[i] : column.Offsets[i]) - first + _dataLength;
            var at = _offsets.AsSpan((start + i) * width);
            if (_large)
                BinaryPrimitives.WriteInt64LittleEndian(at, offset);
            else
                BinaryPrimitives.WriteInt32LittleEndian(at, (int)offset);
        }
        _dataLength = newDataLength;
    }

    /// <summary>Makes <paramref name="buffer"/> hold <paramref name="needed"/> bytes, keeping its first <paramref name="used"/>; doubles when it must move.</summary>
    private static void Grow(ref byte[] buffer, int used, int needed)
    {
        if (needed <= buffer.Length)
            return;
        var grown = new byte[(int)Math.Min(Array.MaxLength, Math.Max(needed, buffer.Length * 2L))];
        buffer.AsSpan(0, used).CopyTo(grown);
        buffer = grown;
    }

    private static void SetBit(byte[] bits, int index, bool value)
    {
        if (value)
            bits[index >> 3] |= (byte)(1 << (index & 7));
        else
            bits[index >> 3] &= (byte)~(1 << (index & 7));
    }
}
