using Spark.Connect.Arrow;

namespace Spark.Linq.Tests.Materialization;

/// <summary>Spark's year-month interval (Arrow Interval(YEAR_MONTH), int32 months) reads as its count of months.</summary>
public class YearMonthIntervalReadTests
{
    private static RecordBatch Months(params int?[] values) =>
        Batches.Single<PrimitiveBuilder<int>>(Batches.Field("ym", ArrowType.Interval(ArrowIntervalUnit.YearMonth)), b => { foreach (var v in values) b.Append(v); });

    [Test]
    public void MonthsReadAsIntOrLongWithNulls()
    {
        var batch = Months(14, null, -122, int.MinValue);
        Assert.That(Batches.Read<int?>(batch), Is.EqualTo(new int?[] { 14, null, -122, int.MinValue }));
        Assert.That(Batches.Read<long?>(batch), Is.EqualTo(new long?[] { 14, null, -122, int.MinValue }));
    }

    [Test]
    public void OtherTargetsAndNullsIntoNonNullableAreRefusedByName()
    {
        var batch = Months(1, null);
        Assert.That(() => Batches.Read<TimeSpan>(batch), Throws.TypeOf<SparkMaterializationException>().With.Message.Contains("interval[YearMonth]"));
        Assert.That(() => Batches.Read<int>(batch), Throws.TypeOf<SparkMaterializationException>().With.Message.Contains("null at row 1"));
    }
}
