namespace Spark.Connect.Arrow;

/// <summary>
/// A list or large_list column: row <c>i</c> is the range <c>[GetStart(i), GetStart(i) + GetLength(i))</c>
/// of the child column <see cref="Values"/>.
/// </summary>
public class ListColumn : ArrowColumn
{
    private readonly BufferView _offsets;
    private readonly bool _large;

    internal ListColumn(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers, ArrowColumn child, bool large)
        : base(field, length, nullCount, buffers, [child])
    {
        _large = large;
        _offsets = new BufferView(ColumnBuffers.Aligned(buffers[1], large ? 8 : 4));
    }

    /// <summary>The child column holding every row's elements back to back.</summary>
    public ArrowColumn Values => ChildColumns[0];

    /// <summary>Whether offsets are 64-bit (large_list).</summary>
    internal bool IsLarge => _large;

    /// <summary>The validated (and aligned) offsets buffer; empty for an empty column.</summary>
    internal ReadOnlyMemory<byte> OffsetMemory => _offsets.Memory;

    /// <summary>Index in <see cref="Values"/> of the first element of row <paramref name="index"/>.</summary>
    public int GetStart(int index)
    {
        CheckIndex(index);
        return Offset(index);
    }

    /// <summary>Number of elements in row <paramref name="index"/> (0 for nulls).</summary>
    public int GetLength(int index)
    {
        CheckIndex(index);
        return Offset(index + 1) - Offset(index);
    }

    // Offsets were validated (monotonic, within the child) when the column was built.
    private int Offset(int i) => _large
        ? (int)_offsets.Read<long>(i * 8)
        : _offsets.Read<int>(i * 4);
}

/// <summary>
/// A map column: a list of key/value entries. Row <c>i</c>'s entries are positions
/// <c>[GetStart(i), GetStart(i) + GetLength(i))</c> of <see cref="Keys"/> and <see cref="Items"/>.
/// </summary>
public sealed class MapColumn : ListColumn
{
    internal MapColumn(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers, StructColumn entries)
        : base(field, length, nullCount, buffers, entries, large: false)
    {
    }

    /// <summary>The entries struct column (key, value).</summary>
    public StructColumn Entries => (StructColumn)Values;

    /// <summary>The keys of all entries.</summary>
    public ArrowColumn Keys => Entries.Children[0];

    /// <summary>The values of all entries.</summary>
    public ArrowColumn Items => Entries.Children[1];

    /// <summary>Whether the writer declared keys sorted within each map.</summary>
    public bool KeysSorted => Field.Type.KeysSorted;
}

/// <summary>A struct column: one child column per member; row <c>i</c> is row <c>i</c> of every child.</summary>
public sealed class StructColumn : ArrowColumn
{
    internal StructColumn(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers, ArrowColumn[] children)
        : base(field, length, nullCount, buffers, children)
    {
    }

    /// <summary>The member columns, in field order.</summary>
    public IReadOnlyList<ArrowColumn> Children => ChildColumns;

    /// <summary>The member column named <paramref name="name"/>, or null.</summary>
    public ArrowColumn? GetChild(string name) => Array.Find(ChildColumns, c => c.Field.Name == name);
}
