namespace Spark.Connect.Arrow;

/// <summary>
/// Accumulates values for one column; <see cref="Build()"/> hands them over as an immutable
/// <see cref="ArrowColumn"/> and starts over. Create one with <see cref="Create"/> (or through
/// <see cref="RecordBatchBuilder"/>) and cast to the typed builder for the field's type.
/// </summary>
public abstract class ArrowColumnBuilder
{
    private readonly BitBuffer _validity = new();

    private protected ArrowColumnBuilder(ArrowField field) => Field = field;

    /// <summary>The field the built column will have.</summary>
    public ArrowField Field { get; }

    /// <summary>Values appended so far.</summary>
    public int Length { get; private set; }

    /// <summary>Nulls appended so far.</summary>
    public int NullCount { get; private set; }

    /// <summary>Appends a null value.</summary>
    public abstract void AppendNull();

    /// <summary>The builder for <paramref name="field"/>'s type (e.g. <see cref="PrimitiveBuilder{T}"/> of long for int64).</summary>
    public static ArrowColumnBuilder Create(ArrowField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var type = field.Type;
        return type.Id switch
        {
            ArrowTypeId.Null => new NullBuilder(field),
            ArrowTypeId.Boolean => new BooleanBuilder(field),
            ArrowTypeId.Int8 => new PrimitiveBuilder<sbyte>(field),
            ArrowTypeId.Int16 => new PrimitiveBuilder<short>(field),
            ArrowTypeId.Int32 => new PrimitiveBuilder<int>(field),
            ArrowTypeId.Int64 or ArrowTypeId.Date64 => new PrimitiveBuilder<long>(field),
            ArrowTypeId.UInt8 => new PrimitiveBuilder<byte>(field),
            ArrowTypeId.UInt16 => new PrimitiveBuilder<ushort>(field),
            ArrowTypeId.UInt32 => new PrimitiveBuilder<uint>(field),
            ArrowTypeId.UInt64 => new PrimitiveBuilder<ulong>(field),
            ArrowTypeId.Float32 => new PrimitiveBuilder<float>(field),
            ArrowTypeId.Float64 => new PrimitiveBuilder<double>(field),
            ArrowTypeId.Date32 => new Date32Builder(field),
            ArrowTypeId.Timestamp => new TimestampBuilder(field),
            ArrowTypeId.Duration => new DurationBuilder(field),
            ArrowTypeId.Time32 => new Time32Builder(field),
            ArrowTypeId.Time64 => new Time64Builder(field),
            ArrowTypeId.Interval => type.IntervalUnit switch
            {
                ArrowIntervalUnit.YearMonth => new PrimitiveBuilder<int>(field),
                ArrowIntervalUnit.DayTime => new PrimitiveBuilder<ArrowDayTimeInterval>(field),
                _ => new PrimitiveBuilder<ArrowMonthDayNanoInterval>(field),
            },
            ArrowTypeId.Decimal128 => new Decimal128Builder(field),
            ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 => new Utf8Builder(field),
            ArrowTypeId.Binary or ArrowTypeId.LargeBinary => new BinaryBuilder(field),
            ArrowTypeId.List or ArrowTypeId.LargeList => new ListBuilder(field),
            ArrowTypeId.Struct => new StructBuilder(field),
            ArrowTypeId.Map => new MapBuilder(field),
            _ => throw new NotSupportedException($"No builder for Arrow type {type}."),
        };
    }

    /// <summary>The column built from the appended values; the builder is left empty.</summary>
    public ArrowColumn Build() => Build(lend: false);

    /// <summary>
    /// The column built from the appended values; the builder is left empty. With <paramref name="lend"/>, the column
    /// views the builder's buffers, which the next rows overwrite: it is valid only until the next append.
    /// </summary>
    internal ArrowColumn Build(bool lend)
    {
        var length = Length;
        var nullCount = NullCount;
        var validity = _validity.Detach(lend);
        var (buffers, children) = DetachContents(lend);
        Length = 0;
        NullCount = 0;
        var all = Field.Type.Id == ArrowTypeId.Null ? buffers : [validity, .. buffers];
        try
        {
            return ColumnFactory.Create(Field, length, nullCount, all, children);
        }
        catch (ArrowFormatException e)
        {
            throw new InvalidOperationException($"The builder for '{Field.Name}' holds inconsistent data: {e.Message}", e);
        }
    }

    /// <summary>Counts one appended row.</summary>
    private protected void AddRow(bool valid)
    {
        _validity.Append(valid);
        Length++;
        if (!valid)
            NullCount++;
    }

    /// <summary>
    /// Counts <paramref name="count"/> appended rows at once, their validity taken from bits
    /// [<paramref name="start"/>, <paramref name="start"/> + count) of <paramref name="validityWords"/>
    /// (64-bit little-endian words, set = valid); an empty span means every row is valid.
    /// </summary>
    private protected void AddRows(ReadOnlySpan<ulong> validityWords, int start, int count)
    {
        if (validityWords.IsEmpty)
            _validity.AppendSet(count);
        else
            NullCount += _validity.AppendBits(validityWords, start, count);
        Length += count;
    }

    /// <summary>The type-specific buffers (after validity) and the built child columns.</summary>
    private protected abstract (ReadOnlyMemory<byte>[] Buffers, ArrowColumn[] Children) DetachContents(bool lend);
}

/// <summary>Builds a null-type column.</summary>
public sealed class NullBuilder : ArrowColumnBuilder
{
    internal NullBuilder(ArrowField field) : base(field)
    {
    }

    /// <inheritdoc />
    public override void AppendNull() => AddRow(false);

    private protected override (ReadOnlyMemory<byte>[], ArrowColumn[]) DetachContents(bool lend) => ([], []);
}

/// <summary>Builds a boolean column.</summary>
public sealed class BooleanBuilder : ArrowColumnBuilder
{
    private readonly BitBuffer _values = new();

    internal BooleanBuilder(ArrowField field) : base(field)
    {
    }

    /// <summary>Appends a value.</summary>
    public void Append(bool value)
    {
        _values.Append(value);
        AddRow(true);
    }

    /// <inheritdoc />
    public override void AppendNull()
    {
        _values.Append(false);
        AddRow(false);
    }

    private protected override (ReadOnlyMemory<byte>[], ArrowColumn[]) DetachContents(bool lend) => ([_values.Detach(lend)], []);
}
