using System.ComponentModel.DataAnnotations.Schema;
using Spark.Connect.Arrow;
using Spark.Linq.Materialization;

namespace Spark.Linq.Tests.Materialization;

/// <summary>Binding rows onto classes, records, anonymous types, tuples and scalars, by the translator's column names.</summary>
public class ShapeBindingTests
{
    public sealed class Settable
    {
        public long Id { get; set; }
        [Column("display_name")] public string? Name { get; set; }
        public int? Rank;
        [NotMapped] public string Ignored { get; set; } = "untouched";
        public string Computed => $"#{Id}";
    }

    public sealed class InitOnly
    {
        public long OrderId { get; init; }
        public double? UnitPrice { get; init; }
    }

    public sealed record Positional(long Id, string Name);

    public sealed class MixedConstructor(long id)
    {
        public long Id { get; } = id;
        public string? Label { get; set; }
    }

    public readonly record struct Point(int X, int Y);

    private static RecordBatch IdNameRank() => Batches.Of(
        [Batches.Field("Id", ArrowType.Int64, false), Batches.Field("display_name", ArrowType.Utf8), Batches.Field("Rank", ArrowType.Int32)],
        b =>
        {
            b.Column<PrimitiveBuilder<long>>(0).Append(1L); b.Column<Utf8Builder>(1).Append("one"); b.Column<PrimitiveBuilder<int>>(2).Append(10);
            b.Column<PrimitiveBuilder<long>>(0).Append(2L); b.Column<Utf8Builder>(1).Append((string?)null); b.Column<PrimitiveBuilder<int>>(2).AppendNull();
        });

    [Test]
    public void SettablePropertiesAndFieldsUseColumnAttributesAndSkipNotMappedAndComputedMembers()
    {
        var rows = Batches.Read<Settable>(IdNameRank());
        Assert.That(rows.Select(r => (r.Id, r.Name, r.Rank, r.Ignored, r.Computed)), Is.EqualTo(new[]
        {
            (1L, (string?)"one", (int?)10, "untouched", "#1"),
            (2L, null, null, "untouched", "#2"),
        }));
    }

    [Test]
    public void InitOnlyMembersUnderSnakeCaseNaming()
    {
        var batch = Batches.Of([Batches.Field("order_id", ArrowType.Int64), Batches.Field("unit_price", ArrowType.Float64)], b =>
        {
            b.Column<PrimitiveBuilder<long>>(0).Append(5L);
            b.Column<PrimitiveBuilder<double>>(1).AppendNull();
        });
        var row = Batches.Read<InitOnly>(batch, ColumnNamingPolicy.SnakeCase).Single();
        Assert.That((row.OrderId, row.UnitPrice), Is.EqualTo((5L, (double?)null)));
    }

    [Test]
    public void RecordsAndConstructorsMatchParametersToPropertiesCaseInsensitively()
    {
        var batch = Batches.Of([Batches.Field("Name", ArrowType.Utf8), Batches.Field("Id", ArrowType.Int64), Batches.Field("Label", ArrowType.Utf8)], b =>
        {
            b.Column<Utf8Builder>(0).Append("n"); b.Column<PrimitiveBuilder<long>>(1).Append(9L); b.Column<Utf8Builder>(2).Append("l");
        });
        Assert.That(Batches.Read<Positional>(batch), Is.EqualTo(new[] { new Positional(9, "n") }));
        var mixed = Batches.Read<MixedConstructor>(batch).Single();
        Assert.That((mixed.Id, mixed.Label), Is.EqualTo((9L, "l")));
    }

    [Test]
    public void RecordStructs()
    {
        var batch = Batches.Of([Batches.Field("Y", ArrowType.Int32), Batches.Field("X", ArrowType.Int32)], b =>
        {
            b.Column<PrimitiveBuilder<int>>(0).Append(2); b.Column<PrimitiveBuilder<int>>(1).Append(1);
        });
        Assert.That(Batches.Read<Point>(batch), Is.EqualTo(new[] { new Point(1, 2) }));
    }

    [Test]
    public void AnonymousTypesBindByMemberName()
    {
        var template = new { display_name = (string?)"", Id = 0L };
        var rows = Read(template, IdNameRank());
        Assert.That(rows, Is.EqualTo(new[] { new { display_name = (string?)"one", Id = 1L }, new { display_name = (string?)null, Id = 2L } }));
    }

    private static List<T> Read<T>(T template, RecordBatch batch) => Batches.Read<T>(batch);

    [Test]
    public void TuplesAndValueTuplesBindByPosition()
    {
        var batch = IdNameRank();
        Assert.That(Batches.Read<(long, string?, int?)>(batch), Is.EqualTo(new[] { (1L, (string?)"one", (int?)10), (2L, null, null) }));
        Assert.That(Batches.Read<Tuple<long, string?>>(batch), Is.EqualTo(new[] { Tuple.Create(1L, (string?)"one"), Tuple.Create(2L, (string?)null) }));
    }

    [Test]
    public void ValueTuplesLongerThanSevenContinueInRest()
    {
        var fields = Enumerable.Range(0, 9).Select(i => Batches.Field("c" + i, ArrowType.Int32)).ToArray();
        var batch = Batches.Of(fields, b => { for (var i = 0; i < 9; i++) b.Column<PrimitiveBuilder<int>>(i).Append(i * 10); });
        Assert.That(Batches.Read<(int, int, int, int, int, int, int, int, int)>(batch).Single(), Is.EqualTo((0, 10, 20, 30, 40, 50, 60, 70, 80)));
    }

    [Test]
    public void ScalarsReadTheFirstColumn()
    {
        Assert.That(Batches.Read<long>(IdNameRank()), Is.EqualTo(new[] { 1L, 2L }));
    }

    [Test]
    public void EmptyBatchesGiveNoRowsAndManyBatchesAppendInOrder()
    {
        var materializer = ArrowMaterializer<Settable>.For(IdNameRank().Schema);
        var empty = Batches.Of(IdNameRank().Schema.Fields.ToArray(), _ => { });
        Assert.That(materializer.ReadAll([empty]), Is.Empty);
        var rows = materializer.ReadAll([IdNameRank(), empty, IdNameRank(), IdNameRank()]);
        Assert.That(rows.Select(r => r.Id), Is.EqualTo(new[] { 1L, 2L, 1L, 2L, 1L, 2L }));
    }

    [Test]
    public void StreamedRowsMatchTheListAndRejectRowsOutsideTheBatch()
    {
        var batch = IdNameRank();
        var materializer = ArrowMaterializer<(long Id, string? Name, int? Rank)>.For(batch.Schema);
        Assert.That(materializer.ReadRows(batch), Is.EqualTo(materializer.ReadAll([batch])));
        var read = materializer.BindRows(batch);
        Assert.That(read(1), Is.EqualTo((2L, (string?)null, (int?)null)));
        Assert.Throws<ArgumentOutOfRangeException>(() => read(2));
    }

    [Test]
    public void ManyBatchesFromOneStreamShareTheSchemaAndTheMaterializer()
    {
        var schema = new ArrowSchema([Batches.Field("v", ArrowType.Int64)]);
        var builder = new RecordBatchBuilder(schema);
        var batches = new List<RecordBatch>();
        for (var i = 0; i < 2500; i++)
        {
            builder.Column<PrimitiveBuilder<long>>(0).Append(i % 7 == 0 ? null : i);
            if (i % 1000 == 999 || i == 2499) batches.Add(builder.Build());
        }
        var read = new ArrowStreamReader(ArrowStreamWriter.WriteToArray(schema, batches));
        var rows = ArrowMaterializer<long?>.For(read.Schema).ReadAll(read.ReadAllBatches());
        Assert.That(rows, Is.EqualTo(Enumerable.Range(0, 2500).Select(i => i % 7 == 0 ? null : (long?)i)));
    }

    [Test]
    public void TheCacheReturnsOneMaterializerPerTypeSchemaShapeAndPolicy()
    {
        var first = ArrowMaterializer<Settable>.For(IdNameRank().Schema);
        Assert.That(ArrowMaterializer<Settable>.For(IdNameRank().Schema), Is.SameAs(first), "a new schema object of the same shape");
        Assert.That(ArrowMaterializer<Settable>.For(IdNameRank().Schema, ColumnNamingPolicy.SnakeCase), Is.Not.SameAs(first));
        var otherShape = Batches.Of([Batches.Field("Id", ArrowType.Int64), Batches.Field("display_name", ArrowType.LargeUtf8), Batches.Field("Rank", ArrowType.Int32)], _ => { });
        Assert.That(ArrowMaterializer<Settable>.For(otherShape.Schema), Is.Not.SameAs(first));
    }

    [Test]
    public void ABatchOfAnotherShapeIsRefused()
    {
        var materializer = ArrowMaterializer<long>.For(new ArrowSchema([Batches.Field("v", ArrowType.Int64)]));
        var other = Batches.Single<PrimitiveBuilder<int>>(Batches.Field("v", ArrowType.Int32), b => b.Append(1));
        var e = Assert.Throws<SparkMaterializationException>(() => materializer.ReadAll([other]));
        Assert.That(e!.Message, Does.Contain("v: int32"));
    }

    [Test]
    public void OneMaterializerServesConcurrentCallersWithoutSharingState()
    {
        var schema = new ArrowSchema([Batches.Field("Id", ArrowType.Int64), Batches.Field("display_name", ArrowType.Utf8), Batches.Field("Rank", ArrowType.Int32)]);
        var batches = Enumerable.Range(0, 8).Select(seed => Batches.Of(schema.Fields.ToArray(), b =>
        {
            for (var i = 0; i < 500; i++)
            {
                b.Column<PrimitiveBuilder<long>>(0).Append((long)(seed * 1000 + i));
                b.Column<Utf8Builder>(1).Append(i % 5 == 0 ? null : $"n{seed}-{i}");
                b.Column<PrimitiveBuilder<int>>(2).Append(i % 3 == 0 ? null : i);
            }
        })).ToArray();
        var materializer = ArrowMaterializer<(long Id, string? Name, int? Rank)>.For(schema);
        var results = new List<(long, string?, int?)>[batches.Length];
        Parallel.For(0, batches.Length * 4, k => results[k % batches.Length] = materializer.ReadAll([batches[k % batches.Length]]));
        for (var seed = 0; seed < batches.Length; seed++)
        {
            var expected = Enumerable.Range(0, 500).Select(i => ((long)(seed * 1000 + i), i % 5 == 0 ? null : $"n{seed}-{i}", i % 3 == 0 ? null : (int?)i));
            Assert.That(results[seed], Is.EqualTo(expected));
        }
    }
}
