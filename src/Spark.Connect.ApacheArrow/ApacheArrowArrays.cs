using Apache.Arrow;
using Apache.Arrow.Types;
using Spark.Connect.Arrow;

namespace Spark.Connect.ApacheArrow;

/// <summary>
/// Builds Apache.Arrow <see cref="ArrayData"/> over the buffers of our columns, which the reader has already
/// validated (lengths, offsets within their data, bitmaps long enough). Every <see cref="ArrowBuffer"/> wraps the
/// same <see cref="ReadOnlyMemory{T}"/> our column reads; the one copy is a dictionary's index buffer when a null row
/// holds an index outside the dictionary (see <see cref="DictionaryColumn"/>), since Apache.Arrow may follow it.
/// </summary>
internal static class ApacheArrowArrays
{
    // An empty column may come with no offsets at all; Apache.Arrow reads one offset even then.
    private static readonly ReadOnlyMemory<byte> ZeroOffsets = new byte[8];
    private static readonly ArrowBuffer[] NoBuffers = [];
    private static readonly ArrayData[] NoChildren = [];

    internal static ArrayData ToData(ArrowColumn column, IArrowType type)
    {
        var validity = column.NullCount == 0 ? ArrowBuffer.Empty : new ArrowBuffer(column.ValidityMemory);
        switch (column)
        {
            case NullColumn:
                return new ArrayData(type, column.Length, column.Length, 0, NoBuffers, NoChildren);
            case BinaryColumn binary:
                return new ArrayData(type, column.Length, column.NullCount, 0,
                    [validity, Offsets(binary.OffsetMemory), new ArrowBuffer(binary.DataMemory)], NoChildren);
            case MapColumn map:
                return new ArrayData(type, column.Length, column.NullCount, 0, [validity, Offsets(map.OffsetMemory)],
                    [ToData(map.Entries, ((MapType)type).Fields[0].DataType)]);
            case ListColumn list:
                var itemType = type is LargeListType large ? large.ValueDataType : ((ListType)type).ValueDataType;
                return new ArrayData(type, column.Length, column.NullCount, 0, [validity, Offsets(list.OffsetMemory)],
                    [ToData(list.Values, itemType)]);
            case StructColumn members:
                var fields = ((StructType)type).Fields;
                return new ArrayData(type, column.Length, column.NullCount, 0, [validity],
                    members.Children.Select((child, i) => ToData(child, fields[i].DataType)).ToArray());
            case DictionaryColumn encoded:
                return new ArrayData(type, column.Length, column.NullCount, 0, [validity, new ArrowBuffer(encoded.IndicesForViews())], NoChildren,
                    ToData(encoded.Dictionary, ((DictionaryType)type).ValueType));
            case IFixedWidthValues values:
                return new ArrayData(type, column.Length, column.NullCount, 0, [validity, new ArrowBuffer(values.ValueMemory)], NoChildren);
            default:
                throw new NotSupportedException($"Column '{column.Field.Name}' ({column.Field.Type}) has no Apache.Arrow counterpart here.");
        }
    }

    private static ArrowBuffer Offsets(ReadOnlyMemory<byte> offsets) => new(offsets.IsEmpty ? ZeroOffsets : offsets);
}
