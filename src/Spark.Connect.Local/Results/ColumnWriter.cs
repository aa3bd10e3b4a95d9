using Spark.Connect.Arrow;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Results;

/// <summary>
/// Copies rows of one DuckDB vector into the Arrow builder made for it by <see cref="DuckDbArrowTypes"/>.
/// Nested types recurse into child writers, so a writer tree mirrors the column's type tree.
/// </summary>
internal abstract class ColumnWriter
{
    /// <summary>Appends rows [start, start + count) and returns roughly how many Arrow bytes they added.</summary>
    internal abstract long Append(DuckDbVector vector, int start, int count, ArrowColumnBuilder builder);

    /// <summary>The writer for a DuckDB type; <paramref name="spark"/>, the column's planned Spark type if known, picks the interval kind.</summary>
    internal static ColumnWriter For(DuckDbLogicalType type, DataType? spark = null) => type.Id switch
    {
        DuckDbTypeId.SqlNull => new NullWriter(),
        DuckDbTypeId.Boolean => new BooleanWriter(),
        DuckDbTypeId.TinyInt => new CopyingWriter<sbyte>(),
        DuckDbTypeId.SmallInt => new CopyingWriter<short>(),
        DuckDbTypeId.Integer or DuckDbTypeId.Date => new CopyingWriter<int>(),
        DuckDbTypeId.BigInt or DuckDbTypeId.Timestamp or DuckDbTypeId.TimestampTz => new CopyingWriter<long>(),
        DuckDbTypeId.UTinyInt => new WideningWriter<byte, short>(v => v),
        DuckDbTypeId.USmallInt => new WideningWriter<ushort, int>(v => v),
        DuckDbTypeId.UInteger => new WideningWriter<uint, long>(v => v),
        DuckDbTypeId.Float => new CopyingWriter<float>(),
        DuckDbTypeId.Double => new CopyingWriter<double>(),
        DuckDbTypeId.TimestampS => new WideningWriter<long, long>(v => checked(v * 1_000_000)),
        DuckDbTypeId.TimestampMs => new WideningWriter<long, long>(v => checked(v * 1_000)),
        DuckDbTypeId.TimestampNs => new WideningWriter<long, long>(NanosToMicros),
        DuckDbTypeId.Interval => SparkResultTypes.IntervalWriter(spark),
        DuckDbTypeId.Decimal or DuckDbTypeId.UBigInt or DuckDbTypeId.HugeInt or DuckDbTypeId.UHugeInt => new DecimalWriter(type.Id),
        DuckDbTypeId.Varchar or DuckDbTypeId.Blob => new BytesWriter(),
        DuckDbTypeId.List => new ListWriter(For(type.ListChild!, SparkResultTypes.Element(spark))),
        DuckDbTypeId.Map => new MapWriter(For(type.MapKey!, SparkResultTypes.Key(spark)), For(type.MapValue!, SparkResultTypes.Value(spark))),
        DuckDbTypeId.Struct => new StructWriter(type.StructFields.Select((f, i) => For(f.Type, SparkResultTypes.Field(spark, i))).ToArray()),
        _ => throw new NotSupportedException($"DuckDB type {type} has no Arrow writer."),
    };

    // Floors, so an instant before 1970 keeps its microsecond rather than rounding toward the epoch.
    private static long NanosToMicros(long nanos)
    {
        var (micros, rest) = long.DivRem(nanos, 1_000);
        return rest < 0 ? micros - 1 : micros;
    }
}

internal sealed class NullWriter : ColumnWriter
{
    internal override long Append(DuckDbVector vector, int start, int count, ArrowColumnBuilder builder)
    {
        for (var i = 0; i < count; i++)
            builder.AppendNull();
        return 0;
    }
}

internal sealed class BooleanWriter : ColumnWriter
{
    internal override long Append(DuckDbVector vector, int start, int count, ArrowColumnBuilder builder)
    {
        var target = (BooleanBuilder)builder;
        var values = vector.GetData<byte>();
        var validity = vector.Validity;
        for (var row = start; row < start + count; row++)
        {
            if (validity.IsValid(row))
                target.Append(values[row] != 0);
            else
                target.AppendNull();
        }
        return (count + 7) / 8 * 2;
    }
}

/// <summary>Fixed-width values, converted one by one (identity, widening, or a unit change).</summary>
internal sealed class WideningWriter<TSource, TArrow>(Func<TSource, TArrow> convert) : ColumnWriter
    where TSource : unmanaged where TArrow : unmanaged
{
    internal override unsafe long Append(DuckDbVector vector, int start, int count, ArrowColumnBuilder builder)
    {
        var target = (PrimitiveBuilder<TArrow>)builder;
        var values = vector.GetData<TSource>();
        var validity = vector.Validity;
        for (var row = start; row < start + count; row++)
        {
            if (validity.IsValid(row))
                target.Append(convert(values[row]));
            else
                target.AppendNull();
        }
        return (long)count * sizeof(TArrow);
    }
}

/// <summary>Fixed-width values Arrow stores exactly as DuckDB does: one bulk copy per slice, validity a word at a time.</summary>
internal sealed class CopyingWriter<T> : ColumnWriter where T : unmanaged
{
    internal override unsafe long Append(DuckDbVector vector, int start, int count, ArrowColumnBuilder builder)
    {
        ((PrimitiveBuilder<T>)builder).AppendRange(vector.GetData<T>().Slice(start, count), vector.Validity.Words, start);
        return (long)count * sizeof(T);
    }
}

internal sealed class DecimalWriter(DuckDbTypeId source) : ColumnWriter
{
    private static readonly Int128 Decimal38Limit = Int128.Parse("100000000000000000000000000000000000000");

    internal override long Append(DuckDbVector vector, int start, int count, ArrowColumnBuilder builder)
    {
        var target = (Decimal128Builder)builder;
        var validity = vector.Validity;
        for (var row = start; row < start + count; row++)
        {
            if (validity.IsValid(row))
                target.AppendUnscaled(Read(vector, row));
            else
                target.AppendNull();
        }
        return count * 16L;
    }

    private Int128 Read(DuckDbVector vector, int row)
    {
        switch (source)
        {
            case DuckDbTypeId.Decimal:
                return vector.GetUnscaledDecimal(row);
            case DuckDbTypeId.UBigInt:
                return vector.GetData<ulong>()[row];
            case DuckDbTypeId.HugeInt:
                return CheckRange(vector.GetData<Int128>()[row]);
            default:
                var unsigned = vector.GetData<UInt128>()[row];
                return unsigned < (UInt128)Decimal38Limit ? (Int128)unsigned : throw TooWide(unsigned.ToString());
        }
    }

    private static Int128 CheckRange(Int128 value) =>
        Int128.Abs(value) < Decimal38Limit ? value : throw TooWide(value.ToString());

    // The converter adds the column name when it rethrows.
    private static OverflowException TooWide(string value) => new(
        $"{value} has more than 38 digits, the limit of Spark's DECIMAL(38,0); CAST the column to DOUBLE or VARCHAR in the query.");
}

internal sealed class BytesWriter : ColumnWriter
{
    internal override long Append(DuckDbVector vector, int start, int count, ArrowColumnBuilder builder)
    {
        var target = (BinaryBuilder)builder;
        var strings = vector.GetStrings();
        var validity = vector.Validity;
        long bytes = count * 4L;
        for (var row = start; row < start + count; row++)
        {
            if (validity.IsValid(row))
            {
                var value = strings[row];
                target.AppendValueOnly(value);
                bytes += value.Length;
            }
            else
            {
                target.AppendEmptyOnly();
            }
        }
        // The validity bits go in a word at a time once the slice's values are in.
        target.CompleteRows(validity.Words, start, count);
        return bytes;
    }
}
