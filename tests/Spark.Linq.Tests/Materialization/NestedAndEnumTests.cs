using System.ComponentModel.DataAnnotations.Schema;
using Spark.Connect.Arrow;

namespace Spark.Linq.Tests.Materialization;

/// <summary>Structs into nested objects, lists into arrays and lists, maps into dictionaries, enums from numbers and names.</summary>
public class NestedAndEnumTests
{
    public enum Status : short { Open = 1, Closed = 2 }

    public sealed class Address
    {
        public string City { get; set; } = "";
        [Column("zip_code")] public string? Zip { get; set; }
    }

    public sealed record Tagged(long Id, Address? ShipTo, List<string?>? Tags, int[] Scores);

    public sealed class WithMap
    {
        public Dictionary<string, long?>? Counts { get; set; }
        public IReadOnlyDictionary<int, List<double>>? Series { get; set; }
    }

    public sealed class WithEnums
    {
        public Status ByNumber { get; set; }
        public Status? ByName { get; set; }
    }

    private static readonly ArrowField ShipTo = ArrowField.Struct("ShipTo", [Batches.Field("City", ArrowType.Utf8), Batches.Field("zip_code", ArrowType.Utf8)]);
    private static readonly ArrowField Tags = ArrowField.List("Tags", Batches.Field("item", ArrowType.Utf8));
    private static readonly ArrowField Scores = ArrowField.List("Scores", Batches.Field("item", ArrowType.Int32, false));

    private static RecordBatch TaggedBatch() => Batches.Of([Batches.Field("Id", ArrowType.Int64), ShipTo, Tags, Scores], b =>
    {
        var id = b.Column<PrimitiveBuilder<long>>(0);
        var address = b.Column<StructBuilder>(1);
        var tags = b.Column<ListBuilder>(2);
        var scores = b.Column<ListBuilder>(3);
        id.Append(1L);
        ((Utf8Builder)address.Children[0]).Append("Oslo"); ((Utf8Builder)address.Children[1]).Append("0150"); address.Append();
        tags.Append(); ((Utf8Builder)tags.Values).Append("a"); ((Utf8Builder)tags.Values).Append((string?)null);
        scores.Append(); ((PrimitiveBuilder<int>)scores.Values).Append(3); ((PrimitiveBuilder<int>)scores.Values).Append(4);
        id.Append(2L);
        address.AppendNull();
        tags.AppendNull();
        scores.Append();
    });

    [Test]
    public void StructsBecomeNestedObjectsAndListsBecomeListsAndArrays()
    {
        var rows = Batches.Read<Tagged>(TaggedBatch());
        Assert.That(rows[0].ShipTo!.City, Is.EqualTo("Oslo"));
        Assert.That(rows[0].ShipTo!.Zip, Is.EqualTo("0150"));
        Assert.That(rows[0].Tags, Is.EqualTo(new[] { "a", null }));
        Assert.That(rows[0].Scores, Is.EqualTo(new[] { 3, 4 }));
        Assert.That(rows[1].ShipTo, Is.Null);
        Assert.That(rows[1].Tags, Is.Null);
        Assert.That(rows[1].Scores, Is.Empty);
    }

    [Test]
    public void ASingleStructColumnReadsAsTheSelectedObject()
    {
        var batch = Batches.Of([ShipTo], b =>
        {
            var address = b.Column<StructBuilder>(0);
            ((Utf8Builder)address.Children[0]).Append("Rome"); ((Utf8Builder)address.Children[1]).Append((string?)null); address.Append();
        });
        var row = Batches.Read<Address>(batch).Single();
        Assert.That((row.City, row.Zip), Is.EqualTo(("Rome", (string?)null)));
    }

    [Test]
    public void ListsOfStructsAndInterfaceTypedCollections()
    {
        var field = ArrowField.List("points", ArrowField.Struct("item", [Batches.Field("X", ArrowType.Int32), Batches.Field("Y", ArrowType.Int32)]));
        var batch = Batches.Single<ListBuilder>(field, list =>
        {
            var point = (StructBuilder)list.Values;
            list.Append();
            for (var i = 0; i < 3; i++) { ((PrimitiveBuilder<int>)point.Children[0]).Append(i); ((PrimitiveBuilder<int>)point.Children[1]).Append(i * i); point.Append(); }
            list.Append();
            ((PrimitiveBuilder<int>)point.Children[0]).Append(9); ((PrimitiveBuilder<int>)point.Children[1]).Append(8); point.Append();
        });
        var rows = Batches.Read<IReadOnlyList<(int X, int Y)>>(batch);
        Assert.That(rows[0], Is.EqualTo(new[] { (0, 0), (1, 1), (2, 4) }));
        Assert.That(rows[1], Is.EqualTo(new[] { (9, 8) }));
    }

    [Test]
    public void MapsBecomeDictionariesIncludingNestedListValues()
    {
        var counts = ArrowField.Map("Counts", ArrowType.Utf8, Batches.Field("value", ArrowType.Int64));
        var series = ArrowField.Map("Series", ArrowType.Int32, ArrowField.List("value", Batches.Field("item", ArrowType.Float64)));
        var batch = Batches.Of([counts, series], b =>
        {
            var c = b.Column<MapBuilder>(0);
            var s = b.Column<MapBuilder>(1);
            c.Append(); ((Utf8Builder)c.Keys).Append("a"); ((PrimitiveBuilder<long>)c.Items).Append(1L); ((Utf8Builder)c.Keys).Append("b"); ((PrimitiveBuilder<long>)c.Items).AppendNull();
            s.Append(); ((PrimitiveBuilder<int>)s.Keys).Append(7); var list = (ListBuilder)s.Items; list.Append(); ((PrimitiveBuilder<double>)list.Values).Append(0.5);
            c.AppendNull();
            s.Append();
        });
        var rows = Batches.Read<WithMap>(batch);
        Assert.That(rows[0].Counts, Is.EqualTo(new Dictionary<string, long?> { ["a"] = 1, ["b"] = null }));
        Assert.That(rows[0].Series![7], Is.EqualTo(new[] { 0.5 }));
        Assert.That(rows[1].Counts, Is.Null);
        Assert.That(rows[1].Series, Is.Empty);
    }

    [Test]
    public void EnumsFromNumbersAndFromCaseSensitiveNames()
    {
        var batch = Batches.Of([Batches.Field("ByNumber", ArrowType.Int16), Batches.Field("ByName", ArrowType.Utf8)], b =>
        {
            b.Column<PrimitiveBuilder<short>>(0).Append((short)2); b.Column<Utf8Builder>(1).Append("Open");
            b.Column<PrimitiveBuilder<short>>(0).Append((short)1); b.Column<Utf8Builder>(1).Append((string?)null);
        });
        var rows = Batches.Read<WithEnums>(batch);
        Assert.That(rows.Select(r => (r.ByNumber, r.ByName)), Is.EqualTo(new[] { (Status.Closed, (Status?)Status.Open), (Status.Open, null) }));
    }

    [TestCase("open")]
    [TestCase("Pending")]
    [TestCase("2")]
    public void UnknownEnumNamesNameTheColumnAndValue(string name)
    {
        var batch = Batches.Single<Utf8Builder>(Batches.Field("status", ArrowType.Utf8), b => { b.Append("Open"); b.Append(name); });
        var e = Assert.Throws<SparkMaterializationException>(() => Batches.Read<Status>(batch));
        Assert.That(e!.Message, Does.Contain("'status'").And.Contain($"\"{name}\"").And.Contain("row 1").And.Contain("Open, Closed"));
        Assert.That((e.Column, e.Row), Is.EqualTo(("status", (int?)1)));
    }

    [Test]
    public void EnumsFromWiderIntegersAreCheckedPerValue()
    {
        var fits = Batches.Single<PrimitiveBuilder<int>>(Batches.Field("status", ArrowType.Int32), b => b.Append(1));
        Assert.That(Batches.Read<Status>(fits), Is.EqualTo(new[] { (Status)1 }));
        var tooBig = Batches.Single<PrimitiveBuilder<int>>(Batches.Field("status", ArrowType.Int32), b => b.Append(100_000));
        Assert.Throws<SparkMaterializationException>(() => Batches.Read<Status>(tooBig));
    }

    public readonly record struct Range(int From, int To);

    public sealed class Event
    {
        public Range? Window { get; set; }
        public DateTimeOffset? At { get; set; }
        public IEnumerable<long[]>? Buckets { get; set; }
    }

    [Test]
    public void NullableStructsFromStructColumnsAndListsOfLists()
    {
        var window = ArrowField.Struct("Window", [Batches.Field("From", ArrowType.Int32), Batches.Field("To", ArrowType.Int32)]);
        var at = Batches.Field("At", ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC"));
        var buckets = ArrowField.List("Buckets", ArrowField.List("item", Batches.Field("item", ArrowType.Int64)));
        var instant = new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var batch = Batches.Of([window, at, buckets], b =>
        {
            var w = b.Column<StructBuilder>(0);
            var t = b.Column<TimestampBuilder>(1);
            var outer = b.Column<ListBuilder>(2);
            var inner = (ListBuilder)outer.Values;
            ((PrimitiveBuilder<int>)w.Children[0]).Append(1); ((PrimitiveBuilder<int>)w.Children[1]).Append(5); w.Append();
            t.Append(instant);
            outer.Append(); inner.Append(); ((PrimitiveBuilder<long>)inner.Values).Append(7L); inner.Append(); inner.AppendNull();
            w.AppendNull();
            t.AppendNull();
            outer.AppendNull();
        });
        var rows = Batches.Read<Event>(batch);
        Assert.That(rows[0].Window, Is.EqualTo(new Range(1, 5)));
        Assert.That(rows[0].At, Is.EqualTo(instant));
        Assert.That(rows[0].Buckets, Is.EqualTo(new[] { new[] { 7L }, Array.Empty<long>(), null }));
        Assert.That((rows[1].Window, rows[1].At, rows[1].Buckets), Is.EqualTo(((Range?)null, (DateTimeOffset?)null, (IEnumerable<long[]>?)null)));
    }

    [Test]
    public void ANullStructForANonNullableStructMemberNamesTheColumnAndRow()
    {
        var window = ArrowField.Struct("w", [Batches.Field("From", ArrowType.Int32), Batches.Field("To", ArrowType.Int32)]);
        var batch = Batches.Single<StructBuilder>(window, w => w.AppendNull());
        var e = Assert.Throws<SparkMaterializationException>(() => Batches.Read<(Range, int)>(Batches.Of([window, Batches.Field("n", ArrowType.Int32)], b =>
        {
            b.Column<StructBuilder>(0).AppendNull(); b.Column<PrimitiveBuilder<int>>(1).Append(1);
        })));
        Assert.That(e!.Message, Does.Contain("Column 'w' has a null at row 0"));
        Assert.That(Batches.Read<Range?>(batch), Is.EqualTo(new Range?[] { null }));
    }
}
