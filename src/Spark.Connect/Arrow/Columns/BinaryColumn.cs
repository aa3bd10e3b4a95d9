using System.Runtime.InteropServices;
using System.Text;

namespace Spark.Connect.Arrow;

/// <summary>
/// A variable-length binary column (binary or large_binary; utf8 columns use <see cref="StringColumn"/>):
/// values are slices of one data buffer delimited by <c>Length + 1</c> offsets, all validated on read.
/// </summary>
public class BinaryColumn : ArrowColumn
{
    private readonly BufferView _offsets;
    private readonly BufferView _data;

    internal BinaryColumn(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers, bool large)
        : base(field, length, nullCount, buffers, [])
    {
        IsLarge = large;
        _offsets = new BufferView(ColumnBuffers.Aligned(buffers[1], large ? 8 : 4));
        _data = new BufferView(buffers[2]);
    }

    /// <summary>Whether offsets are 64-bit (large_binary / large_utf8).</summary>
    public bool IsLarge { get; }

    /// <summary>The 32-bit offsets (<c>Length + 1</c> of them, or none for an empty column).</summary>
    /// <exception cref="InvalidOperationException">The column has 64-bit offsets; use <see cref="LargeOffsets"/>.</exception>
    public ReadOnlySpan<int> Offsets => IsLarge
        ? throw new InvalidOperationException($"Column '{Field.Name}' has 64-bit offsets; use LargeOffsets.")
        : MemoryMarshal.Cast<byte, int>(_offsets.Span)[..OffsetCount];

    /// <summary>The 64-bit offsets (<c>Length + 1</c> of them, or none for an empty column).</summary>
    /// <exception cref="InvalidOperationException">The column has 32-bit offsets; use <see cref="Offsets"/>.</exception>
    public ReadOnlySpan<long> LargeOffsets => IsLarge
        ? MemoryMarshal.Cast<byte, long>(_offsets.Span)[..OffsetCount]
        : throw new InvalidOperationException($"Column '{Field.Name}' has 32-bit offsets; use Offsets.");

    /// <summary>The concatenated value bytes.</summary>
    public ReadOnlySpan<byte> ValueData => _data.Span;

    private int OffsetCount => Length == 0 ? 0 : Length + 1;

    /// <summary>The validated (and aligned) offsets buffer; empty for an empty column.</summary>
    internal ReadOnlyMemory<byte> OffsetMemory => _offsets.Memory;

    /// <summary>The value bytes the offsets index.</summary>
    internal ReadOnlyMemory<byte> DataMemory => _data.Memory;

    /// <summary>The bytes of the value at <paramref name="index"/> (empty for nulls).</summary>
    public ReadOnlySpan<byte> GetBytes(int index)
    {
        CheckIndex(index);
        int start, end;
        if (IsLarge)
        {
            start = (int)_offsets.Read<long>(index * 8);
            end = (int)_offsets.Read<long>(index * 8 + 8);
        }
        else
        {
            start = _offsets.Read<int>(index * 4);
            end = _offsets.Read<int>(index * 4 + 4);
        }
        return _data.Span[start..end];
    }

    /// <summary>The value at <paramref name="index"/> as a new array, or null for a null row.</summary>
    public byte[]? GetByteArray(int index) => IsNull(index) ? null : GetBytes(index).ToArray();
}

/// <summary>A UTF-8 string column (utf8 or large_utf8).</summary>
public sealed class StringColumn : BinaryColumn
{
    internal StringColumn(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers, bool large)
        : base(field, length, nullCount, buffers, large)
    {
    }

    /// <summary>The value at <paramref name="index"/>, or null for a null row.</summary>
    public string? GetString(int index) => IsNull(index) ? null : Encoding.UTF8.GetString(GetBytes(index));
}
