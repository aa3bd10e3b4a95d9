using NUnit.Framework;
using Spark.Connect.Arrow;

namespace Spark.Connect.Tests.Arrow;

[TestFixture]
public sealed class ArrowValueTests
{
    [TestCase("0", 0, "0")]
    [TestCase("12345", 2, "123.45")]
    [TestCase("-1", 10, "-0.0000000001")]
    [TestCase("79228162514264337593543950335", 0, "79228162514264337593543950335")]
    [TestCase("-79228162514264337593543950335", 28, "-7.9228162514264337593543950335")]
    [TestCase("12345000000000000000000000000000000000", 38, "0.12345")]
    public void Decimal128_converts_exactly(string unscaled, int scale, string expected)
    {
        var column = DecimalColumn(38, scale, Int128.Parse(unscaled));
        Assert.That(column.GetUnscaled(0), Is.EqualTo(Int128.Parse(unscaled)));
        Assert.That(column.GetDecimal(0), Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("79228162514264337593543950336", 0)]
    [TestCase("12345678901234567890123456789012345678", 38)]
    [TestCase("-99999999999999999999999999999999999999", 2)]
    public void Decimal128_beyond_System_Decimal_raises_a_clear_error(string unscaled, int scale)
    {
        var column = DecimalColumn(38, scale, Int128.Parse(unscaled));
        Assert.That(() => column.GetDecimal(0), Throws.TypeOf<OverflowException>().With.Message.Contains("GetUnscaled"));
        Assert.That(column.GetUnscaled(0), Is.EqualTo(Int128.Parse(unscaled)));
    }

    [Test]
    public void Decimal128_builder_rescales_exactly_and_refuses_to_round()
    {
        var builder = (Decimal128Builder)ArrowColumnBuilder.Create(new ArrowField("d", ArrowType.Decimal128(5, 2)));
        builder.Append(1.5m);
        builder.Append(-123.45m);
        Assert.That(() => builder.Append(1.005m), Throws.ArgumentException);
        Assert.That(() => builder.Append(1000m), Throws.ArgumentException, "needs 6 digits at scale 2");
        var column = (Decimal128Column)builder.Build();
        Assert.That(new[] { column.GetUnscaled(0), column.GetUnscaled(1) }, Is.EqualTo(new Int128[] { 150, -12345 }));
        Assert.That(column.GetDecimal(1), Is.EqualTo(-123.45m));
    }

    [Test]
    public void Temporal_columns_convert_to_dotnet_types()
    {
        var schema = new ArrowSchema([
            new ArrowField("d", ArrowType.Date32),
            new ArrowField("t", ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC")),
            new ArrowField("s", ArrowType.Duration(ArrowTimeUnit.Microsecond)),
        ]);
        var builder = new RecordBatchBuilder(schema);
        builder.Column<Date32Builder>(0).Append(new DateOnly(2024, 2, 29));
        builder.Column<TimestampBuilder>(1).Append(new DateTimeOffset(2024, 2, 29, 13, 14, 15, TimeSpan.FromHours(2)).AddTicks(1230));
        builder.Column<DurationBuilder>(2).Append(TimeSpan.FromDays(3) + TimeSpan.FromTicks(70));
        var batch = Reread(builder.Build());

        Assert.That(((Date32Column)batch.Column(0)).GetDate(0), Is.EqualTo(new DateOnly(2024, 2, 29)));
        Assert.That(((Date32Column)batch.Column(0)).GetValue(0), Is.EqualTo(19782));
        Assert.That(((TimestampColumn)batch.Column(1)).GetDateTime(0), Is.EqualTo(new DateTime(2024, 2, 29, 11, 14, 15, DateTimeKind.Utc).AddTicks(1230)));
        Assert.That(((DurationColumn)batch.Column(2)).GetTimeSpan(0), Is.EqualTo(TimeSpan.FromDays(3) + TimeSpan.FromTicks(70)));
    }

    [Test]
    public void Nested_builders_produce_lists_structs_and_maps()
    {
        var schema = new ArrowSchema([
            ArrowField.List("l", new ArrowField("item", ArrowType.Utf8)),
            ArrowField.Struct("s", [new ArrowField("a", ArrowType.Int32), new ArrowField("b", ArrowType.Utf8)]),
            ArrowField.Map("m", ArrowType.Utf8, new ArrowField("value", ArrowType.Int64)),
        ]);
        var builder = new RecordBatchBuilder(schema);
        var list = builder.Column<ListBuilder>(0);
        var items = (Utf8Builder)list.Values;
        list.Append(); items.Append("x"); items.Append(null);
        list.AppendNull();
        list.Append();
        var st = builder.Column<StructBuilder>(1);
        ((PrimitiveBuilder<int>)st.Children[0]).Append(7); ((Utf8Builder)st.Children[1]).Append("seven"); st.Append();
        st.AppendNull();
        ((PrimitiveBuilder<int>)st.Children[0]).Append(null); ((Utf8Builder)st.Children[1]).Append(""); st.Append();
        var map = builder.Column<MapBuilder>(2);
        map.Append(); ((Utf8Builder)map.Keys).Append("k"); ((PrimitiveBuilder<long>)map.Items).Append(1L);
        ((Utf8Builder)map.Keys).Append("j"); ((PrimitiveBuilder<long>)map.Items).AppendNull();
        map.Append();
        map.AppendNull();
        var batch = Reread(builder.Build());

        Assert.That(CanonicalJson.Describe(schema, [batch])["batches"]![0]!["columns"]!.ToJsonString(), Is.EqualTo(
            """[[["x",null],null,[]],[{"a":7,"b":"seven"},null,{"a":null,"b":""}],[[["k","1"],["j",null]],[],null]]"""));
        var m = (MapColumn)batch.Column(2);
        Assert.That((m.GetStart(0), m.GetLength(0), m.GetLength(1), m.IsNull(2)), Is.EqualTo((0, 2, 0, true)));
    }

    [Test]
    public void Builders_report_inconsistent_use()
    {
        var schema = new ArrowSchema([new ArrowField("a", ArrowType.Int32), new ArrowField("b", ArrowType.Int32)]);
        var builder = new RecordBatchBuilder(schema);
        builder.Column<PrimitiveBuilder<int>>(0).Append(1);
        Assert.That(() => builder.Build(), Throws.InvalidOperationException.With.Message.Contains("'b'"));
        Assert.That(() => builder.Column<Utf8Builder>(0), Throws.TypeOf<InvalidCastException>());

        var st = (StructBuilder)ArrowColumnBuilder.Create(ArrowField.Struct("s", [new ArrowField("x", ArrowType.Int32)]));
        st.Append();
        Assert.That(() => st.Build(), Throws.InvalidOperationException.With.Message.Contains("member 'x'"));
    }

    [Test]
    public void Strings_expose_offsets_and_bytes()
    {
        var builder = (Utf8Builder)ArrowColumnBuilder.Create(new ArrowField("s", ArrowType.Utf8));
        builder.Append("hé");
        builder.AppendNull();
        builder.Append("");
        var column = (StringColumn)Reread(new RecordBatch(new ArrowSchema([builder.Field]), 3, [builder.Build()])).Column(0);

        Assert.That(column.Offsets.ToArray(), Is.EqualTo(new[] { 0, 3, 3, 3 }));
        Assert.That(column.GetString(0), Is.EqualTo("hé"));
        Assert.That(column.GetString(1), Is.Null);
        Assert.That(column.GetString(2), Is.EqualTo(""));
        Assert.That(() => column.LargeOffsets.Length, Throws.InvalidOperationException);
    }

    private static Decimal128Column DecimalColumn(int precision, int scale, Int128 unscaled)
    {
        var builder = (Decimal128Builder)ArrowColumnBuilder.Create(new ArrowField("d", ArrowType.Decimal128(precision, scale)));
        builder.AppendUnscaled(unscaled);
        var batch = new RecordBatch(new ArrowSchema([builder.Field]), 1, [builder.Build()]);
        return (Decimal128Column)Reread(batch).Column(0);
    }

    private static RecordBatch Reread(RecordBatch batch) =>
        new ArrowStreamReader(ArrowStreamWriter.WriteToArray(batch.Schema, [batch])).ReadNextBatch()!;
}
