namespace Spark.Connect.Arrow;

/// <summary>
/// A dictionary-encoded column: row <c>i</c> is entry <see cref="GetIndex"/>(i) of <see cref="Dictionary"/>, or null
/// when the index is null. Nothing is expanded: rows share the dictionary's values, so a small stream can't turn into
/// a large column. Every present index was checked to name a dictionary entry when the column was built.
/// </summary>
public sealed class DictionaryColumn : ArrowColumn
{
    private readonly bool _nullSlotsInRange;

    internal DictionaryColumn(ArrowField field, ArrowColumn indices, ArrowColumn dictionary)
        : base(field, indices.Length, indices.NullCount, indices.Buffers, [])
    {
        Indices = indices;
        Dictionary = dictionary;
        _nullSlotsInRange = true;
        for (var row = 0; row < indices.Length; row++)
        {
            var index = RawIndex(row);
            if ((ulong)index < (ulong)dictionary.Length)
                continue;
            if (!indices.IsNull(row))
                throw ColumnFactory.Fail(field, $"index {index} at row {row} is outside the {dictionary.Length}-entry dictionary {field.Type.DictionaryId}");
            // Writers may leave anything under a null; only views handed to other libraries care (see IndicesForViews).
            _nullSlotsInRange = false;
        }
    }

    /// <summary>The integer indices (a <see cref="PrimitiveColumn{T}"/> of the index type); their nulls are the column's nulls.</summary>
    public ArrowColumn Indices { get; }

    /// <summary>The dictionary's values: a column of the value type (its field has the value type and this field's children).</summary>
    public ArrowColumn Dictionary { get; }

    /// <summary>The dictionary entry of row <paramref name="index"/> (unspecified for a null row: check <see cref="ArrowColumn.IsNull"/>).</summary>
    public int GetIndex(int index)
    {
        CheckIndex(index);
        var value = RawIndex(index);
        return (ulong)value < (ulong)Dictionary.Length ? (int)value : 0;
    }

    /// <summary>
    /// The index buffer for a zero-copy view in another library: the received one, or, when some null row holds an index
    /// outside the dictionary (allowed, and harmless here), a copy with those slots set to 0, since other readers may
    /// follow an index without checking the row for null first.
    /// </summary>
    internal ReadOnlyMemory<byte> IndicesForViews()
    {
        var values = ((IFixedWidthValues)Indices).ValueMemory;
        if (_nullSlotsInRange)
            return values;
        var width = Field.Type.IndexType!.FixedWidth;
        var copy = values[..(Length * width)].ToArray();
        for (var row = 0; row < Length; row++)
        {
            if ((ulong)RawIndex(row) >= (ulong)Dictionary.Length)
                copy.AsSpan(row * width, width).Clear();
        }
        return copy;
    }

    private long RawIndex(int row) => Indices switch
    {
        PrimitiveColumn<sbyte> c => c.GetValue(row),
        PrimitiveColumn<short> c => c.GetValue(row),
        PrimitiveColumn<int> c => c.GetValue(row),
        PrimitiveColumn<long> c => c.GetValue(row),
        PrimitiveColumn<byte> c => c.GetValue(row),
        PrimitiveColumn<ushort> c => c.GetValue(row),
        PrimitiveColumn<uint> c => c.GetValue(row),
        // Beyond long's range is beyond any dictionary: map it to -1, which every check rejects.
        PrimitiveColumn<ulong> c => c.GetValue(row) > long.MaxValue ? -1 : (long)c.GetValue(row),
        _ => throw new InvalidOperationException($"Dictionary indices of type {Indices.Field.Type}."),
    };
}
