using System.Runtime.InteropServices;

namespace Spark.Connect.Arrow;

/// <summary>
/// Checks that a column's buffers are consistent with its type and length, then wraps them in the
/// typed column class. Both the IPC reader and the builders go through here, so every column a
/// caller can see has been validated once.
/// </summary>
internal static class ColumnFactory
{
    /// <summary>Number of buffers the IPC format carries for a field of this type (validity included).</summary>
    internal static int BufferCount(ArrowType type) => type.Id switch
    {
        ArrowTypeId.Null => 0,
        ArrowTypeId.Struct => 1,
        ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 or ArrowTypeId.Binary or ArrowTypeId.LargeBinary => 3,
        _ => 2,
    };

    /// <param name="field">The column's field.</param>
    /// <param name="length">Rows.</param>
    /// <param name="nullCount">Null rows.</param>
    /// <param name="buffers">The buffers in IPC order.</param>
    /// <param name="children">Child columns, already built.</param>
    /// <param name="trusted">
    /// The values were validated before (a grown dictionary): skip the checks that scan every value (offsets, times),
    /// keeping the constant-time size checks.
    /// </param>
    internal static ArrowColumn Create(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers, ArrowColumn[] children,
        bool trusted = false)
    {
        var type = field.Type;
        if (length < 0)
            throw Fail(field, $"negative length {length}");
        if (nullCount < 0 || nullCount > length)
            throw Fail(field, $"null count {nullCount} outside 0..{length}");
        if (buffers.Length != BufferCount(type))
            throw Fail(field, $"expected {BufferCount(type)} buffers, found {buffers.Length}");
        if (type.Id == ArrowTypeId.Null)
            return new NullColumn(field, length);
        if (nullCount > 0 && buffers[0].Length < BitmapBytes(length))
            throw Fail(field, $"validity bitmap has {buffers[0].Length} bytes, {BitmapBytes(length)} needed for {length} rows");

        switch (type.Id)
        {
            case ArrowTypeId.Boolean:
                RequireBytes(field, buffers[1], BitmapBytes(length), "value bitmap");
                return new BooleanColumn(field, length, nullCount, buffers);
            case ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 or ArrowTypeId.Binary or ArrowTypeId.LargeBinary:
            {
                var large = type.Id is ArrowTypeId.LargeUtf8 or ArrowTypeId.LargeBinary;
                if (trusted)
                    RequireBytes(field, buffers[1], length == 0 ? 0 : (length + 1L) * (large ? 8 : 4), "offsets buffer");
                else
                    CheckOffsets(field, buffers[1], length, large, buffers[2].Length, "value data");
                return type.Id is ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8
                    ? new StringColumn(field, length, nullCount, buffers, large)
                    : new BinaryColumn(field, length, nullCount, buffers, large);
            }
            case ArrowTypeId.List or ArrowTypeId.LargeList:
                RequireChildren(field, children, 1);
                CheckOffsets(field, buffers[1], length, type.Id == ArrowTypeId.LargeList, children[0].Length, "child column");
                return new ListColumn(field, length, nullCount, buffers, children[0], type.Id == ArrowTypeId.LargeList);
            case ArrowTypeId.Map:
                RequireChildren(field, children, 1);
                if (children[0] is not StructColumn { Children.Count: 2 } entries)
                    throw Fail(field, "map entries must be a struct of key and value");
                CheckOffsets(field, buffers[1], length, false, entries.Length, "entries column");
                return new MapColumn(field, length, nullCount, buffers, entries);
            case ArrowTypeId.Struct:
                RequireChildren(field, children, field.Children.Count);
                foreach (var child in children)
                {
                    if (child.Length < length)
                        throw Fail(field, $"member '{child.Field.Name}' has {child.Length} rows, fewer than the struct's {length}");
                }
                return new StructColumn(field, length, nullCount, buffers, children);
        }

        RequireBytes(field, buffers[1], (long)length * type.FixedWidth, "value buffer");
        return type.Id switch
        {
            ArrowTypeId.Int8 => new PrimitiveColumn<sbyte>(field, length, nullCount, buffers),
            ArrowTypeId.Int16 => new PrimitiveColumn<short>(field, length, nullCount, buffers),
            ArrowTypeId.Int32 => new PrimitiveColumn<int>(field, length, nullCount, buffers),
            ArrowTypeId.Int64 or ArrowTypeId.Date64 => new PrimitiveColumn<long>(field, length, nullCount, buffers),
            ArrowTypeId.UInt8 => new PrimitiveColumn<byte>(field, length, nullCount, buffers),
            ArrowTypeId.UInt16 => new PrimitiveColumn<ushort>(field, length, nullCount, buffers),
            ArrowTypeId.UInt32 => new PrimitiveColumn<uint>(field, length, nullCount, buffers),
            ArrowTypeId.UInt64 => new PrimitiveColumn<ulong>(field, length, nullCount, buffers),
            ArrowTypeId.Float32 => new PrimitiveColumn<float>(field, length, nullCount, buffers),
            ArrowTypeId.Float64 => new PrimitiveColumn<double>(field, length, nullCount, buffers),
            ArrowTypeId.Decimal128 => new Decimal128Column(field, length, nullCount, buffers),
            ArrowTypeId.Date32 => new Date32Column(field, length, nullCount, buffers),
            ArrowTypeId.Timestamp => new TimestampColumn(field, length, nullCount, buffers),
            ArrowTypeId.Duration => new DurationColumn(field, length, nullCount, buffers),
            ArrowTypeId.Time32 => TimeColumns.Time32(field, length, nullCount, buffers, trusted),
            ArrowTypeId.Time64 => TimeColumns.Time64(field, length, nullCount, buffers, trusted),
            ArrowTypeId.Interval => type.IntervalUnit switch
            {
                ArrowIntervalUnit.YearMonth => new PrimitiveColumn<int>(field, length, nullCount, buffers),
                ArrowIntervalUnit.DayTime => new PrimitiveColumn<ArrowDayTimeInterval>(field, length, nullCount, buffers),
                _ => new PrimitiveColumn<ArrowMonthDayNanoInterval>(field, length, nullCount, buffers),
            },
            _ => throw Fail(field, $"type {type} is not supported"),
        };
    }

    /// <summary>
    /// A dictionary-encoded column: its indices are checked like any integer column, then every present index
    /// must name an entry of <paramref name="dictionary"/>, so reading a value never leaves the dictionary.
    /// </summary>
    internal static DictionaryColumn CreateDictionary(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers, ArrowColumn dictionary)
    {
        var type = field.Type;
        if (type.Id != ArrowTypeId.Dictionary)
            throw Fail(field, "is not dictionary-encoded");
        var indices = Create(new ArrowField(field.Name, type.IndexType!, field.Nullable), length, nullCount, buffers, []);
        return new DictionaryColumn(field, indices, dictionary);
    }

    internal static int BitmapBytes(int length) => (int)(((long)length + 7) / 8);

    private static void RequireChildren(ArrowField field, ArrowColumn[] children, int expected)
    {
        if (children.Length != expected)
            throw Fail(field, $"expected {expected} child columns, found {children.Length}");
    }

    private static void RequireBytes(ArrowField field, ReadOnlyMemory<byte> buffer, long needed, string what)
    {
        if (buffer.Length < needed)
            throw Fail(field, $"{what} has {buffer.Length} bytes, {needed} needed");
    }

    /// <summary>Offsets must start at or after 0, never decrease, and end within the data they index.</summary>
    private static void CheckOffsets(ArrowField field, ReadOnlyMemory<byte> buffer, int length, bool large, long limit, string target)
    {
        if (length == 0)
            return;
        var width = large ? 8 : 4;
        RequireBytes(field, buffer, ((long)length + 1) * width, "offsets buffer");
        var bytes = buffer.Span[..((length + 1) * width)];
        long previous = large ? ReadLong(bytes, 0) : ReadInt(bytes, 0);
        if (previous < 0)
            throw Fail(field, $"first offset {previous} is negative");
        for (var i = 1; i <= length; i++)
        {
            long current = large ? ReadLong(bytes, i) : ReadInt(bytes, i);
            if (current < previous)
                throw Fail(field, $"offset {i} ({current}) is smaller than offset {i - 1} ({previous})");
            previous = current;
        }
        if (previous > limit)
            throw Fail(field, $"last offset {previous} is beyond the {target} ({limit})");
    }

    private static int ReadInt(ReadOnlySpan<byte> bytes, int i) => MemoryMarshal.Read<int>(bytes[(i * 4)..]);

    private static long ReadLong(ReadOnlySpan<byte> bytes, int i) => MemoryMarshal.Read<long>(bytes[(i * 8)..]);

    internal static ArrowFormatException Fail(ArrowField field, string problem) =>
        new($"Arrow column '{field.Name}' ({field.Type}): {problem}.");
}
