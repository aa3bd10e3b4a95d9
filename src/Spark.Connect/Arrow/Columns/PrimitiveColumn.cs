using System.Runtime.InteropServices;

namespace Spark.Connect.Arrow;

/// <summary>
/// A fixed-width column whose values are exposed as a span of <typeparamref name="T"/> sliced
/// straight from the received buffer (copied once only if the buffer is misaligned for <typeparamref name="T"/>).
/// Null slots hold unspecified values: check <see cref="ArrowColumn.IsNull"/>.
/// </summary>
/// <typeparam name="T">The value type: sbyte, short, int, long, byte, ushort, uint, ulong, float, double, or an interval struct.</typeparam>
public class PrimitiveColumn<T> : ArrowColumn, IFixedWidthValues where T : unmanaged
{
    private readonly BufferView _data;

    internal PrimitiveColumn(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers)
        : base(field, length, nullCount, buffers, [])
        => _data = new BufferView(ColumnBuffers.Aligned(buffers[1], Math.Min(8, System.Runtime.CompilerServices.Unsafe.SizeOf<T>())));

    /// <summary>All values, one per row (null rows included with unspecified values).</summary>
    public ReadOnlySpan<T> Values => MemoryMarshal.Cast<byte, T>(_data.Span)[..Length];

    ReadOnlyMemory<byte> IFixedWidthValues.ValueMemory => _data.Memory;

    /// <summary>The value at <paramref name="index"/>.</summary>
    public T GetValue(int index)
    {
        CheckIndex(index);
        return _data.Read<T>(index * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
    }

    /// <summary>The value at <paramref name="index"/>, or null when the row is null.</summary>
    public T? GetNullable(int index) => IsNull(index) ? null : GetValue(index);
}

/// <summary>A date32 column: days since 1970-01-01.</summary>
public sealed class Date32Column : PrimitiveColumn<int>
{
    internal Date32Column(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers)
        : base(field, length, nullCount, buffers)
    {
    }

    /// <summary>The value at <paramref name="index"/> as a <see cref="DateOnly"/>.</summary>
    public DateOnly GetDate(int index) => DateOnly.FromDayNumber(ColumnBuffers.EpochDayNumber + GetValue(index));
}

/// <summary>
/// A timestamp column: 64-bit counts of <see cref="ArrowType.Unit"/> since the Unix epoch
/// (UTC instants when <see cref="ArrowType.TimeZone"/> is set, wall-clock values otherwise).
/// </summary>
public sealed class TimestampColumn : PrimitiveColumn<long>
{
    internal TimestampColumn(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers)
        : base(field, length, nullCount, buffers)
    {
    }

    /// <summary>The time unit of the raw values.</summary>
    public ArrowTimeUnit Unit => Field.Type.Unit;

    /// <summary>The value at <paramref name="index"/> as UTC ticks-based <see cref="DateTime"/> (nanoseconds truncate to ticks).</summary>
    public DateTime GetDateTime(int index) =>
        DateTime.UnixEpoch.AddTicks(ColumnBuffers.ToTicks(GetValue(index), Unit, Field.Name));
}

/// <summary>A duration column: 64-bit elapsed time in <see cref="ArrowType.Unit"/>.</summary>
public sealed class DurationColumn : PrimitiveColumn<long>
{
    internal DurationColumn(ArrowField field, int length, int nullCount, ReadOnlyMemory<byte>[] buffers)
        : base(field, length, nullCount, buffers)
    {
    }

    /// <summary>The value at <paramref name="index"/> as a <see cref="TimeSpan"/> (nanoseconds truncate to ticks).</summary>
    public TimeSpan GetTimeSpan(int index) => TimeSpan.FromTicks(ColumnBuffers.ToTicks(GetValue(index), Field.Type.Unit, Field.Name));
}

/// <summary>A DAY_TIME interval value: days and milliseconds.</summary>
/// <param name="Days">Whole days.</param>
/// <param name="Milliseconds">Milliseconds within the interval.</param>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct ArrowDayTimeInterval(int Days, int Milliseconds);

/// <summary>A MONTH_DAY_NANO interval value: months, days and nanoseconds.</summary>
/// <param name="Months">Whole months.</param>
/// <param name="Days">Whole days.</param>
/// <param name="Nanoseconds">Nanoseconds within the interval.</param>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct ArrowMonthDayNanoInterval(int Months, int Days, long Nanoseconds);
