namespace Spark.Connect.Arrow;

/// <summary>Builds a fixed-width column of <typeparamref name="T"/> (integers, floats, dates, timestamps, intervals).</summary>
/// <typeparam name="T">The stored value type, as in <see cref="PrimitiveColumn{T}"/>.</typeparam>
public class PrimitiveBuilder<T> : ArrowColumnBuilder where T : unmanaged
{
    private readonly GrowableBuffer _values = new();

    internal PrimitiveBuilder(ArrowField field) : base(field)
    {
    }

    /// <summary>Appends a value.</summary>
    public void Append(T value)
    {
        _values.Append(value);
        AddRow(true);
    }

    /// <summary>Appends a value, or a null when <paramref name="value"/> is null.</summary>
    public void Append(T? value)
    {
        if (value is { } v)
            Append(v);
        else
            AppendNull();
    }

    /// <inheritdoc />
    public override void AppendNull()
    {
        _values.Append(default(T));
        AddRow(false);
    }

    /// <summary>
    /// Appends <paramref name="values"/> in one copy, row <c>i</c> valid when bit <paramref name="start"/> + i
    /// of <paramref name="validityWords"/> is set (empty: all valid). Null slots are zeroed, as
    /// <see cref="AppendNull"/> leaves them, so whatever the source held there is not passed on.
    /// </summary>
    internal void AppendRange(ReadOnlySpan<T> values, ReadOnlySpan<ulong> validityWords, int start)
    {
        var target = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(_values.Extend(checked(values.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>())));
        values.CopyTo(target);
        for (var i = 0; !validityWords.IsEmpty && i < values.Length;)
        {
            var bit = start + i;
            if ((bit & 63) == 0 && i + 64 <= values.Length && validityWords[bit >> 6] == ulong.MaxValue)
            {
                i += 64; // a word of 64 valid rows: nothing to clear
                continue;
            }
            if (((validityWords[bit >> 6] >> (bit & 63)) & 1) == 0)
                target[i] = default;
            i++;
        }
        AddRows(validityWords, start, values.Length);
    }

    private protected override (ReadOnlyMemory<byte>[], ArrowColumn[]) DetachContents(bool lend) => ([_values.Detach(lend)], []);
}

/// <summary>Builds a date32 column (days since 1970-01-01).</summary>
public sealed class Date32Builder : PrimitiveBuilder<int>
{
    internal Date32Builder(ArrowField field) : base(field)
    {
    }

    /// <summary>Appends a date.</summary>
    public void Append(DateOnly date) => Append(date.DayNumber - ColumnBuffers.EpochDayNumber);
}

/// <summary>Builds a timestamp column in the field's unit.</summary>
public sealed class TimestampBuilder : PrimitiveBuilder<long>
{
    internal TimestampBuilder(ArrowField field) : base(field)
    {
    }

    /// <summary>Appends an instant (converted to UTC, truncated to the field's unit).</summary>
    public void Append(DateTimeOffset value) => Append(FromTicks(value.UtcTicks - DateTime.UnixEpoch.Ticks, Field.Type.Unit));

    internal static long FromTicks(long ticks, ArrowTimeUnit unit) => unit switch
    {
        ArrowTimeUnit.Second => ticks / TimeSpan.TicksPerSecond,
        ArrowTimeUnit.Millisecond => ticks / TimeSpan.TicksPerMillisecond,
        ArrowTimeUnit.Microsecond => ticks / 10,
        _ => checked(ticks * 100),
    };
}

/// <summary>Builds a duration column in the field's unit.</summary>
public sealed class DurationBuilder : PrimitiveBuilder<long>
{
    internal DurationBuilder(ArrowField field) : base(field)
    {
    }

    /// <summary>Appends a time span (truncated to the field's unit).</summary>
    public void Append(TimeSpan value) => Append(TimestampBuilder.FromTicks(value.Ticks, Field.Type.Unit));
}

/// <summary>Builds a time32 column (seconds or milliseconds since midnight).</summary>
public sealed class Time32Builder : PrimitiveBuilder<int>
{
    internal Time32Builder(ArrowField field) : base(field)
    {
    }

    /// <summary>Appends a time of day (truncated to the field's unit).</summary>
    public void Append(TimeOnly value) => Append((int)TimestampBuilder.FromTicks(value.Ticks, Field.Type.Unit));
}

/// <summary>Builds a time64 column (microseconds or nanoseconds since midnight), as Spark's TIME type.</summary>
public sealed class Time64Builder : PrimitiveBuilder<long>
{
    internal Time64Builder(ArrowField field) : base(field)
    {
    }

    /// <summary>Appends a time of day (truncated to the field's unit).</summary>
    public void Append(TimeOnly value) => Append(TimestampBuilder.FromTicks(value.Ticks, Field.Type.Unit));
}

/// <summary>Builds a decimal128 column at the field's precision and scale.</summary>
public sealed class Decimal128Builder : ArrowColumnBuilder
{
    private readonly GrowableBuffer _values = new();

    internal Decimal128Builder(ArrowField field) : base(field)
    {
    }

    /// <summary>Appends the unscaled 128-bit integer (value × 10^Scale).</summary>
    public void AppendUnscaled(Int128 unscaled)
    {
        _values.Append(unscaled);
        AddRow(true);
    }

    /// <summary>Appends <paramref name="value"/> rescaled exactly to the field's scale.</summary>
    /// <exception cref="ArgumentException">The value has more fractional digits than the scale allows, or too many digits.</exception>
    public void Append(decimal value)
    {
        if (!DecimalConversion.TryToUnscaled(value, Field.Type.Scale, out var unscaled)
            || Int128.Abs(unscaled) >= DecimalConversion.PowerOfTen(Field.Type.Precision))
            throw new ArgumentException($"{value} cannot be stored exactly in column '{Field.Name}' ({Field.Type}).", nameof(value));
        AppendUnscaled(unscaled);
    }

    /// <inheritdoc />
    public override void AppendNull()
    {
        _values.Append(Int128.Zero);
        AddRow(false);
    }

    private protected override (ReadOnlyMemory<byte>[], ArrowColumn[]) DetachContents(bool lend) => ([_values.Detach(lend)], []);
}
