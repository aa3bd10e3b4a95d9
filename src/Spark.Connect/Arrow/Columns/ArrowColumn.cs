namespace Spark.Connect.Arrow;

/// <summary>
/// One column of a record batch: a zero-copy view over Arrow buffers. Cast to the typed subclass
/// matching <see cref="ArrowField.Type"/> (e.g. <see cref="PrimitiveColumn{T}"/> of <see cref="long"/>
/// for int64) to read values.
/// </summary>
public abstract class ArrowColumn
{
    private protected ArrowColumn(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers, ArrowColumn[] children)
    {
        Field = field;
        Length = length;
        NullCount = nullCount;
        Buffers = buffers;
        ChildColumns = children;
        Validity = new BufferView(nullCount == 0 || buffers.Length == 0 ? ReadOnlyMemory<byte>.Empty : buffers[0]);
    }

    /// <summary>The field (name, type, nullability) this column holds.</summary>
    public ArrowField Field { get; }

    /// <summary>Number of values (rows).</summary>
    public int Length { get; }

    /// <summary>Number of null values.</summary>
    public int NullCount { get; }

    /// <summary>
    /// The validity bitmap (bit set = value present, least significant bit first); empty when the
    /// column has no nulls.
    /// </summary>
    public ReadOnlySpan<byte> ValidityBitmap => Validity.Span;

    /// <summary>The Arrow buffers in IPC order (validity first where the type has one).</summary>
    internal ReadOnlyMemory<byte>[] Buffers { get; }

    /// <summary>Child columns in IPC order.</summary>
    internal ArrowColumn[] ChildColumns { get; }

    private protected BufferView Validity { get; }

    /// <summary>The validated validity bitmap (empty when the column has no nulls), for zero-copy hand-over to other Arrow libraries.</summary>
    internal ReadOnlyMemory<byte> ValidityMemory => Validity.Memory;

    /// <summary>Whether the value at <paramref name="index"/> is null.</summary>
    public bool IsNull(int index)
    {
        CheckIndex(index);
        if (NullCount == 0)
            return false;
        // Only the null type has nulls without a bitmap (the factory checks the bitmap's size otherwise).
        return Validity.Length == 0 || (Validity.Read<byte>(index >> 3) & (1 << (index & 7))) == 0;
    }

    /// <summary>Whether the value at <paramref name="index"/> is present.</summary>
    public bool IsValid(int index) => !IsNull(index);

    /// <summary>Throws when <paramref name="index"/> is not a row of this column.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private protected void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Length)
            ThrowIndexOutOfRange(index);
    }

    // Kept out of line so the hot check above stays small enough to inline.
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowIndexOutOfRange(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"Column '{Field.Name}' has {Length} rows.");

    /// <summary>The column's name, type and length.</summary>
    public override string ToString() => $"{Field.Name}: {Field.Type} [{Length} rows, {NullCount} null]";
}

/// <summary>A column of the null type: every value is null.</summary>
public sealed class NullColumn : ArrowColumn
{
    internal NullColumn(ArrowField field, int length) : base(field, length, length, [], [])
    {
    }
}

/// <summary>A bit-packed boolean column.</summary>
public sealed class BooleanColumn : ArrowColumn, IFixedWidthValues
{
    private readonly BufferView _bits;

    internal BooleanColumn(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers)
        : base(field, length, nullCount, buffers, []) => _bits = new BufferView(buffers[1]);

    /// <summary>The value bits (least significant bit first); read bit <c>i</c> for row <c>i</c>.</summary>
    public ReadOnlySpan<byte> ValueBits => _bits.Span;

    ReadOnlyMemory<byte> IFixedWidthValues.ValueMemory => _bits.Memory;

    /// <summary>The value at <paramref name="index"/> (false for nulls).</summary>
    public bool GetValue(int index)
    {
        CheckIndex(index);
        return (_bits.Read<byte>(index >> 3) & (1 << (index & 7))) != 0;
    }
}

/// <summary>
/// A column whose values sit in one validated buffer (fixed-width values or value bits), after realignment
/// where it was needed: what other Arrow libraries can wrap without copying or checking again.
/// </summary>
internal interface IFixedWidthValues
{
    /// <summary>The value buffer, at least as long as the column's rows need.</summary>
    ReadOnlyMemory<byte> ValueMemory { get; }
}
