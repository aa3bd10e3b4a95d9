using Spark.Connect.Arrow;

namespace Spark.Linq.Tests.Execution;

/// <summary>Every Arrow type the materializer reads, through the whole execution path once (the materializer's own tests go deep).</summary>
public class EveryArrowTypeTests : ScriptedServerTestBase
{
    public enum Level { Low, High }

    public sealed record Point(int X, string? Name);

    public sealed record AllTypes(
        bool? Bool, sbyte? Int8, short? Int16, int? Int32, long? Int64, byte? UInt8, ushort? UInt16, uint? UInt32, ulong? UInt64,
        float? Float32, double? Float64, decimal? Decimal, string? Utf8, char? LargeUtf8, Guid? Uuid, Level? Level, byte[]? Binary, byte[]? LargeBinary,
        DateOnly? Date32, DateTime? Date64, DateTime? Instant, DateTime? Wall, TimeSpan? Duration,
        List<int>? List, long[]? LargeList, Point? Struct, Dictionary<string, double?>? Map, string? Nothing);

    private static readonly ArrowSchema Schema = new([
        new ArrowField("Bool", ArrowType.Boolean), new ArrowField("Int8", ArrowType.Int8), new ArrowField("Int16", ArrowType.Int16),
        new ArrowField("Int32", ArrowType.Int32), new ArrowField("Int64", ArrowType.Int64), new ArrowField("UInt8", ArrowType.UInt8),
        new ArrowField("UInt16", ArrowType.UInt16), new ArrowField("UInt32", ArrowType.UInt32), new ArrowField("UInt64", ArrowType.UInt64),
        new ArrowField("Float32", ArrowType.Float32), new ArrowField("Float64", ArrowType.Float64), new ArrowField("Decimal", ArrowType.Decimal128(10, 3)),
        new ArrowField("Utf8", ArrowType.Utf8), new ArrowField("LargeUtf8", ArrowType.LargeUtf8), new ArrowField("Uuid", ArrowType.Utf8),
        new ArrowField("Level", ArrowType.Utf8), new ArrowField("Binary", ArrowType.Binary), new ArrowField("LargeBinary", ArrowType.LargeBinary),
        new ArrowField("Date32", ArrowType.Date32), new ArrowField("Date64", ArrowType.Date64),
        new ArrowField("Instant", ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC")), new ArrowField("Wall", ArrowType.Timestamp(ArrowTimeUnit.Millisecond, null)),
        new ArrowField("Duration", ArrowType.Duration(ArrowTimeUnit.Nanosecond)),
        ArrowField.List("List", new ArrowField("item", ArrowType.Int32, nullable: false)),
        new ArrowField("LargeList", ArrowType.LargeList, true, [new ArrowField("item", ArrowType.Int64, nullable: false)]),
        ArrowField.Struct("Struct", [new ArrowField("X", ArrowType.Int32, nullable: false), new ArrowField("Name", ArrowType.Utf8)]),
        ArrowField.Map("Map", ArrowType.Utf8, new ArrowField("value", ArrowType.Float64)),
        new ArrowField("Nothing", ArrowType.Null),
    ]);

    private static readonly AllTypes Full = new(
        true, -1, -300, 70_000, long.MinValue, 200, 60_000, 4_000_000_000, ulong.MaxValue, 0.5f, -2.25, -1234567.891m, "héllo", 'é',
        Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), Level.High, [1, 2], [], new DateOnly(2024, 2, 29), new DateTime(2000, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        new DateTime(2021, 6, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(10), new DateTime(1999, 12, 31, 23, 59, 59, 999), TimeSpan.FromTicks(-1234567),
        [1, 2, 3], [long.MaxValue], new Point(4, null), new Dictionary<string, double?> { ["a"] = 1, ["b"] = null }, null);

    private static void Fill(RecordBatchBuilder b)
    {
        var c = b.Columns;
        ((BooleanBuilder)c[0]).Append(true);
        ((PrimitiveBuilder<sbyte>)c[1]).Append(-1);
        ((PrimitiveBuilder<short>)c[2]).Append(-300);
        ((PrimitiveBuilder<int>)c[3]).Append(70_000);
        ((PrimitiveBuilder<long>)c[4]).Append(long.MinValue);
        ((PrimitiveBuilder<byte>)c[5]).Append(200);
        ((PrimitiveBuilder<ushort>)c[6]).Append(60_000);
        ((PrimitiveBuilder<uint>)c[7]).Append(4_000_000_000);
        ((PrimitiveBuilder<ulong>)c[8]).Append(ulong.MaxValue);
        ((PrimitiveBuilder<float>)c[9]).Append(0.5f);
        ((PrimitiveBuilder<double>)c[10]).Append(-2.25);
        ((Decimal128Builder)c[11]).Append(-1234567.891m);
        ((Utf8Builder)c[12]).Append("héllo");
        ((Utf8Builder)c[13]).Append("é");
        ((Utf8Builder)c[14]).Append("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        ((Utf8Builder)c[15]).Append("High");
        ((BinaryBuilder)c[16]).Append([1, 2]);
        ((BinaryBuilder)c[17]).Append([]);
        ((Date32Builder)c[18]).Append(new DateOnly(2024, 2, 29));
        ((PrimitiveBuilder<long>)c[19]).Append(new DateTimeOffset(2000, 1, 2, 3, 4, 5, TimeSpan.Zero).ToUnixTimeMilliseconds());
        ((TimestampBuilder)c[20]).Append(new DateTimeOffset(2021, 6, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(10));
        ((TimestampBuilder)c[21]).Append(new DateTimeOffset(1999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero));
        ((DurationBuilder)c[22]).Append(TimeSpan.FromTicks(-1234567));
        var list = (ListBuilder)c[23];
        list.Append();
        foreach (var i in new[] { 1, 2, 3 }) ((PrimitiveBuilder<int>)list.Values).Append(i);
        var large = (ListBuilder)c[24];
        large.Append();
        ((PrimitiveBuilder<long>)large.Values).Append(long.MaxValue);
        var point = (StructBuilder)c[25];
        ((PrimitiveBuilder<int>)point.Children[0]).Append(4);
        point.Children[1].AppendNull();
        point.Append();
        var map = (MapBuilder)c[26];
        map.Append();
        ((Utf8Builder)map.Keys).Append("a");
        ((PrimitiveBuilder<double>)map.Items).Append(1);
        ((Utf8Builder)map.Keys).Append("b");
        map.Items.AppendNull();
        c[27].AppendNull();
        foreach (var column in c) column.AppendNull();
    }

    [Test]
    public async Task Every_arrow_type_binds_to_its_clr_member_with_values_and_nulls()
    {
        AnswerWith(Schema, Batch(Schema, Fill));

        var rows = await Spark.Table<AllTypes>("everything").ToListAsync();

        Assert.That(rows, Has.Count.EqualTo(2));
        var empty = new AllTypes(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null);
        Assert.Multiple(() =>
        {
            foreach (var property in typeof(AllTypes).GetProperties())
            {
                Assert.That(property.GetValue(rows[0]), Is.EqualTo(property.GetValue(Full)), property.Name);
                Assert.That(property.GetValue(rows[1]), Is.EqualTo(property.GetValue(empty)), property.Name + " (null row)");
            }
            Assert.That(rows[0].Instant!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(rows[0].Wall!.Value.Kind, Is.EqualTo(DateTimeKind.Unspecified));
        });
    }
}
