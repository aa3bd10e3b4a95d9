using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Spark.Connect.Arrow;

namespace Spark.Linq.Materialization;

/// <summary>
/// Per-batch copies of a column's spans into pooled arrays. Expression-compiled code can't hold a
/// span in a local, and reading through the columns' per-row accessors costs a bounds check and a
/// buffer dispatch per value; one memcpy per column per batch makes every later read a plain
/// array load. The arrays go back to the pool when the batch is done.
/// </summary>
internal static class ColumnArrays
{
    internal static T[] Values<T>(PrimitiveColumn<T> column) where T : unmanaged => Copy(column.Values);

    internal static Int128[] Unscaled(Decimal128Column column) => Copy(MemoryMarshal.Cast<byte, Int128>(column.RawValues));

    /// <summary>The validity bitmap, or null when the column has no nulls (the common case costs nothing).</summary>
    internal static byte[]? Validity(ArrowColumn column) => column.NullCount == 0 ? null : Copy(column.ValidityBitmap);

    internal static int[] Offsets(StringColumn column) => Copy(column.Offsets);

    internal static byte[] Data(StringColumn column) => Copy(column.ValueData);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsNull(byte[]? validity, int row) => validity is not null && (validity[row >> 3] & (1 << (row & 7))) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static string Utf8(byte[] data, int[] offsets, int row)
    {
        var start = offsets[row];
        return Encoding.UTF8.GetString(data, start, offsets[row + 1] - start);
    }

    internal static void Return<T>(T[]? array)
    {
        if (array is { Length: > 0 })
            ArrayPool<T>.Shared.Return(array);
    }

    private static T[] Copy<T>(ReadOnlySpan<T> values)
    {
        if (values.IsEmpty)
            return [];
        var array = ArrayPool<T>.Shared.Rent(values.Length);
        values.CopyTo(array);
        return array;
    }
}
