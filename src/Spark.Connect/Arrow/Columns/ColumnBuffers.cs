using System.Buffers;
using System.Runtime.InteropServices;

namespace Spark.Connect.Arrow;

/// <summary>Buffer helpers shared by the typed columns.</summary>
internal static class ColumnBuffers
{
    internal static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>
    /// The buffer itself when its address suits <paramref name="alignment"/>, else an aligned copy:
    /// typed spans over misaligned memory are not portable. Managed arrays never move to a
    /// different alignment modulo 8, so the check stays true after a GC.
    /// </summary>
    internal static unsafe ReadOnlyMemory<byte> Aligned(ReadOnlyMemory<byte> buffer, int alignment)
    {
        if (alignment <= 1 || buffer.IsEmpty)
            return buffer;
        fixed (byte* start = buffer.Span)
        {
            if ((nuint)start % (nuint)alignment == 0)
                return buffer;
        }
        var copy = GC.AllocateUninitializedArray<long>((buffer.Length + 7) / 8);
        var bytes = MemoryMarshal.AsBytes(copy.AsSpan());
        buffer.Span.CopyTo(bytes);
        return new AlignedBytes(copy, buffer.Length).Memory;
    }

    internal static long ToTicks(long value, ArrowTimeUnit unit, string column)
    {
        try
        {
            return unit switch
            {
                ArrowTimeUnit.Second => checked(value * TimeSpan.TicksPerSecond),
                ArrowTimeUnit.Millisecond => checked(value * TimeSpan.TicksPerMillisecond),
                ArrowTimeUnit.Microsecond => checked(value * 10),
                _ => value / 100,
            };
        }
        catch (OverflowException)
        {
            throw new OverflowException($"Value {value} ({unit}) in column '{column}' is outside the range of .NET ticks; read the raw value instead.");
        }
    }
}
