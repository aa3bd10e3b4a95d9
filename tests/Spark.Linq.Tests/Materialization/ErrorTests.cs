using Spark.Connect.Arrow;

namespace Spark.Linq.Tests.Materialization;

/// <summary>Every materialization error names what was wrong: the column, the CLR type, the Arrow type, the row.</summary>
public class ErrorTests
{
    public sealed class Row
    {
        public long Id { get; set; }
        public string? Name { get; set; }
    }

    public sealed class Holder
    {
        public Inner Nested { get; set; } = new();
    }

    public sealed class Inner
    {
        public int Count { get; set; }
    }

    public sealed class NoUsableConstructor(string unrelated)
    {
        public string Value { get; } = unrelated;
        public int Id { get; set; }
    }

    [Test]
    public void AMissingColumnListsTheColumnsThatArrived()
    {
        var batch = Batches.Of([Batches.Field("Id", ArrowType.Int64), Batches.Field("name_x", ArrowType.Utf8)], _ => { });
        var e = Assert.Throws<SparkMaterializationException>(() => Batches.Read<Row>(batch));
        Assert.That(e!.Message, Does.Contain("no column 'Name'").And.Contain("Row.Name").And.Contain("Id (int64), name_x (utf8)"));
        Assert.That(e.Column, Is.EqualTo("Name"));
    }

    [Test]
    public void ATypeMismatchNamesTheColumnTheClrTypeAndTheArrowType()
    {
        var batch = Batches.Of([Batches.Field("Id", ArrowType.Utf8), Batches.Field("Name", ArrowType.Utf8)], _ => { });
        var e = Assert.Throws<SparkMaterializationException>(() => Batches.Read<Row>(batch));
        Assert.That(e!.Message, Does.Contain("Column 'Id' is utf8").And.Contain("as long"));
    }

    [Test]
    public void ANullForANonNullableValueTypeNamesTheColumnAndRow()
    {
        var batch = Batches.Of([Batches.Field("Id", ArrowType.Int64), Batches.Field("Name", ArrowType.Utf8)], b =>
        {
            b.Column<PrimitiveBuilder<long>>(0).Append(1L); b.Column<Utf8Builder>(1).Append("a");
            b.Column<PrimitiveBuilder<long>>(0).AppendNull(); b.Column<Utf8Builder>(1).Append("b");
        });
        var e = Assert.Throws<SparkMaterializationException>(() => Batches.Read<Row>(batch));
        Assert.That(e!.Message, Does.Contain("Column 'Id' has a null at row 1").And.Contain("long?"));
        Assert.That((e.Column, e.Row), Is.EqualTo(("Id", (int?)1)));
    }

    [Test]
    public void NestedMembersAreNamedByTheirPath()
    {
        var nested = ArrowField.Struct("Nested", [Batches.Field("Count", ArrowType.Int32)]);
        var batch = Batches.Single<StructBuilder>(nested, s => { ((PrimitiveBuilder<int>)s.Children[0]).AppendNull(); s.Append(); });
        var e = Assert.Throws<SparkMaterializationException>(() => Batches.Read<Holder>(batch));
        Assert.That(e!.Message, Does.Contain("Column 'Nested.Count' has a null at row 0"));
        var wrongType = Batches.Single<StructBuilder>(ArrowField.Struct("Nested", [Batches.Field("Count", ArrowType.Float64)]), _ => { });
        Assert.That(Assert.Throws<SparkMaterializationException>(() => Batches.Read<Holder>(wrongType))!.Message,
            Does.Contain("Column 'Nested.Count' is float64").And.Contain("as int"));
    }

    [Test]
    public void DecimalsBeyondSystemDecimalNameTheColumnAndRow()
    {
        var batch = Batches.Single<Decimal128Builder>(Batches.Field("big", ArrowType.Decimal128(38, 0)), b =>
        {
            b.AppendUnscaled(1);
            b.AppendUnscaled(Int128.Parse("99999999999999999999999999999999999999"));
        });
        var e = Assert.Throws<SparkMaterializationException>(() => Batches.Read<decimal>(batch));
        Assert.That(e!.Message, Does.Contain("'big'").And.Contain("row 1").And.Contain("99999999999999999999999999999999999999"));
        Assert.That((e.Column, e.Row), Is.EqualTo(("big", (int?)1)));
    }

    [Test]
    public void DecimalsWithUnrepresentableFractionsAreRefused()
    {
        var batch = Batches.Single<Decimal128Builder>(Batches.Field("tiny", ArrowType.Decimal128(38, 35)), b => b.AppendUnscaled(Int128.Parse("12345678901234567890123456789012345")));
        Assert.Throws<SparkMaterializationException>(() => Batches.Read<decimal>(batch));
    }

    [Test]
    public void TimestampsOutsideDateTimeNameTheColumnAndRow()
    {
        var batch = Batches.Single<PrimitiveBuilder<long>>(Batches.Field("t", ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC")), b => { b.Append(0L); b.Append(long.MaxValue); });
        var e = Assert.Throws<SparkMaterializationException>(() => Batches.Read<DateTime>(batch));
        Assert.That(e!.Message, Does.Contain("'t' at row 1"));
    }

    [Test]
    public void CharsAndGuidsRejectOtherStrings()
    {
        var batch = Batches.Single<Utf8Builder>(Batches.Field("c", ArrowType.Utf8), b => b.Append("ab"));
        Assert.That(Assert.Throws<SparkMaterializationException>(() => Batches.Read<char>(batch))!.Message, Does.Contain("\"ab\" is not a single character"));
        Assert.That(Assert.Throws<SparkMaterializationException>(() => Batches.Read<Guid>(batch))!.Message, Does.Contain("\"ab\" is not a GUID"));
    }

    [Test]
    public void TypesWithoutAUsableConstructorAreRefused()
    {
        var batch = Batches.Of([Batches.Field("Id", ArrowType.Int32)], _ => { });
        Assert.That(Assert.Throws<SparkMaterializationException>(() => Batches.Read<NoUsableConstructor>(batch))!.Message, Does.Contain("no public constructor"));
    }

    [Test]
    public void TuplesNeedEnoughColumnsAndScalarsNeedOne()
    {
        var batch = Batches.Of([Batches.Field("a", ArrowType.Int32)], _ => { });
        Assert.That(Assert.Throws<SparkMaterializationException>(() => Batches.Read<(int, int)>(batch))!.Message, Does.Contain("needs 2 columns").And.Contain("a (int32)"));
        var none = new RecordBatch(new ArrowSchema([]), 0, []);
        Assert.That(Assert.Throws<SparkMaterializationException>(() => Batches.Read<int>(none))!.Message, Does.Contain("no columns"));
    }

    [Test]
    public void UnsupportedArrowTypesAreNamed()
    {
        var batch = Batches.Single<PrimitiveBuilder<ArrowMonthDayNanoInterval>>(Batches.Field("span", ArrowType.Interval(ArrowIntervalUnit.MonthDayNano)),
            b => b.Append(new ArrowMonthDayNanoInterval(1, 2, 3)));
        Assert.That(Assert.Throws<SparkMaterializationException>(() => Batches.Read<int>(batch))!.Message, Does.Contain("'span' is interval[MonthDayNano]"));
    }

    [Test]
    public void ANullMapKeyFromAFaultyWriterIsNamed()
    {
        var batch = Batches.Single<MapBuilder>(ArrowField.Map("m", ArrowType.Utf8, Batches.Field("value", ArrowType.Int32)), m =>
        {
            m.Append(); ((Utf8Builder)m.Keys).Append("a"); ((PrimitiveBuilder<int>)m.Items).Append(1);
            ((Utf8Builder)m.Keys).AppendNull(); ((PrimitiveBuilder<int>)m.Items).Append(2);
        });
        var e = Assert.Throws<SparkMaterializationException>(() => Batches.Read<Dictionary<string, int>>(batch));
        Assert.That(e!.Message, Does.Contain("'m.key' has a null map key at entry 1"));
    }
}
