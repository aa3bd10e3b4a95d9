using NUnit.Framework;
using Spark.Connect.Arrow;
using Spark.Connect.Arrow.FlatBuffers;

namespace Spark.Connect.Tests.Arrow;

/// <summary>Time32/Time64 (Spark 4.1's TIME): times of day as <see cref="TimeOnly"/>, values checked to lie within one day.</summary>
[TestFixture]
public sealed class ArrowTimeTests
{
    private static readonly TimeOnly Sample = new(23, 59, 59, 999, 999);

    [TestCase(ArrowTimeUnit.Second, "23:59:59.0000000")]
    [TestCase(ArrowTimeUnit.Millisecond, "23:59:59.9990000")]
    [TestCase(ArrowTimeUnit.Microsecond, "23:59:59.9999990")]
    [TestCase(ArrowTimeUnit.Nanosecond, "23:59:59.9999990")]
    public void Times_round_trip_truncated_to_their_unit(ArrowTimeUnit unit, string expected)
    {
        var type = unit is ArrowTimeUnit.Second or ArrowTimeUnit.Millisecond ? ArrowType.Time32(unit) : ArrowType.Time64(unit);
        var schema = new ArrowSchema([new ArrowField("t", type)]);
        var builder = new RecordBatchBuilder(schema);
        var column = builder.Columns[0];
        if (column is Time32Builder t32) { t32.Append(Sample); t32.AppendNull(); t32.Append(TimeOnly.MinValue); }
        else { var t64 = (Time64Builder)column; t64.Append(Sample); t64.AppendNull(); t64.Append(TimeOnly.MinValue); }
        var read = new ArrowStreamReader(ArrowStreamWriter.WriteToArray(schema, [builder.Build()])).ReadAllBatches().Single().Columns[0];

        Assert.That(read.Field.Type, Is.EqualTo(type));
        Func<int, TimeOnly> get = read is Time32Column c32 ? c32.GetTime : ((Time64Column)read).GetTime;
        Assert.That(get(0).ToString("HH:mm:ss.fffffff"), Is.EqualTo(expected));
        Assert.That((read.IsNull(1), get(2)), Is.EqualTo((true, TimeOnly.MinValue)));
    }

    [TestCase(3, 86_400_000_000_000L, "time 86400000000000 at row 0 is outside one day")]
    [TestCase(2, 86_400_000_000L, "time 86400000000 at row 0")]
    [TestCase(2, -1L, "time -1 at row 0")]
    [TestCase(2, long.MinValue, "outside one day")]
    public void Time64_values_outside_one_day_are_refused(short unit, long value, string problem)
    {
        var stream = Time64Stream(unit, [value], nulls: 0);
        Assert.That(() => new ArrowStreamReader(stream).ReadAllBatches(),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("'t'").And.Message.Contains(problem));
    }

    [Test]
    public void A_null_row_may_hold_any_value()
    {
        var column = (Time64Column)new ArrowStreamReader(Time64Stream(2, [long.MaxValue, 5], nulls: 1)).ReadAllBatches().Single().Columns[0];
        Assert.That((column.IsNull(0), column.GetTime(1)), Is.EqualTo((true, new TimeOnly(50))));
    }

    [Test]
    public void Time32_values_outside_one_day_are_refused()
    {
        var schema = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(
            RawMessages.Field("t", 9, new FlatBufferObject().Add(0, (short)1).Add(1, 32))));
        var batch = RawMessages.Frame(RawMessages.RecordBatch, RawMessages.Batch(2, [(2, 0)], [(0, 0), (0, 8)]),
            [.. BitConverter.GetBytes(86_399_999), .. BitConverter.GetBytes(86_400_000)]);
        Assert.That(() => new ArrowStreamReader(RawMessages.Concat(schema, batch)).ReadAllBatches(),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("time 86400000 at row 1 is outside one day (0 to 86399999 Milliseconds"));
    }

    [Test]
    public void Units_fit_their_width()
    {
        Assert.That(() => ArrowType.Time32(ArrowTimeUnit.Microsecond), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => ArrowType.Time64(ArrowTimeUnit.Second), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(ArrowType.Time64(ArrowTimeUnit.Nanosecond).ToString(), Is.EqualTo("time64[ns]"));
    }

    /// <summary>One Time64 column 't' in unit <paramref name="unit"/> (2 = us, 3 = ns); the first <paramref name="nulls"/> rows are null.</summary>
    private static byte[] Time64Stream(short unit, long[] values, int nulls)
    {
        var schema = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(
            RawMessages.Field("t", 9, new FlatBufferObject().Add(0, unit).Add(1, 64))));
        var validity = new byte[8];
        for (var i = nulls; i < values.Length; i++)
            validity[i >> 3] |= (byte)(1 << (i & 7));
        var body = RawMessages.Concat(validity, values.SelectMany(BitConverter.GetBytes).ToArray());
        var batch = RawMessages.Frame(RawMessages.RecordBatch,
            RawMessages.Batch(values.Length, [(values.Length, nulls)], [(0, nulls == 0 ? 0 : 1), (8, values.Length * 8)]), body);
        return RawMessages.Concat(schema, batch);
    }
}
