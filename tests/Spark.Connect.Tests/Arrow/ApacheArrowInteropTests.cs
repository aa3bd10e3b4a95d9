using NUnit.Framework;
using Spark.Connect.ApacheArrow;
using Spark.Connect.Arrow;
using A = Apache.Arrow;
using AT = Apache.Arrow.Types;

namespace Spark.Connect.Tests.Arrow;

/// <summary>
/// Apache.Arrow batches built over what our reader validated: every type keeps its values, nothing is parsed
/// twice or copied, and the Apache.Arrow batch lives as long as the memory it views, as documented.
/// </summary>
[TestFixture]
public sealed class ApacheArrowInteropTests
{
    [TestCase(ArrowCompressionCodec.None)]
    [TestCase(ArrowCompressionCodec.Lz4Frame)]
    [TestCase(ArrowCompressionCodec.Zstd)]
    public void Every_type_keeps_every_value(ArrowCompressionCodec codec)
    {
        var schema = SampleStreams.EveryTypeSchema;
        var stream = ArrowStreamWriter.WriteToArray(schema, SampleStreams.Batches(schema, 11, 40, 0, 7), codec);
        var batches = new ArrowStreamReader(stream).ReadAllBatches();

        foreach (var batch in batches)
        {
            var converted = batch.ToApacheArrow();
            Assert.That(converted.Length, Is.EqualTo(batch.Length));
            Assert.That(converted.ColumnCount, Is.EqualTo(schema.Fields.Count));
            for (var c = 0; c < batch.Columns.Count; c++)
                ApacheArrowComparison.AssertSameValues(batch.Columns[c], converted.Column(c), schema.Fields[c].Name);
        }
    }

    [Test]
    public void Types_keep_their_parameters()
    {
        var fields = SampleStreams.EveryTypeSchema.ToApacheArrow().FieldsList.ToDictionary(f => f.Name);

        Assert.That(fields["decimal"].DataType, Is.TypeOf<AT.Decimal128Type>().With.Property("Precision").EqualTo(38).And.Property("Scale").EqualTo(10));
        Assert.That(fields["ts_us_utc"].DataType, Is.TypeOf<AT.TimestampType>()
            .With.Property("Unit").EqualTo(AT.TimeUnit.Microsecond).And.Property("Timezone").EqualTo("UTC"));
        Assert.That(((AT.TimestampType)fields["ts_ns"].DataType).Timezone, Is.Null);
        Assert.That(fields["duration_us"].DataType, Is.TypeOf<AT.DurationType>().With.Property("Unit").EqualTo(AT.TimeUnit.Microsecond));
        Assert.That(fields["mdn"].DataType, Is.TypeOf<AT.IntervalType>().With.Property("Unit").EqualTo(AT.IntervalUnit.MonthDayNanosecond));
        Assert.That(fields["large_list"].DataType, Is.TypeOf<AT.LargeListType>());
        var map = (AT.MapType)fields["map"].DataType;
        Assert.That((map.KeySorted, map.KeyField.IsNullable, map.KeyField.DataType.TypeId, map.ValueField.DataType.TypeId),
            Is.EqualTo((true, false, AT.ArrowTypeId.String, AT.ArrowTypeId.Double)));
        Assert.That(fields["int64"].IsNullable, Is.False);
        Assert.That(fields["int32"].IsNullable, Is.True);
    }

    [Test]
    public void Apache_arrow_writes_the_views_back_to_a_stream_our_reader_decodes_identically()
    {
        var schema = SampleStreams.EveryTypeSchema;
        var original = new ArrowStreamReader(SampleStreams.EveryTypeStream(seed: 3)).ReadAllBatches();
        var output = new MemoryStream();
        using (var writer = new A.Ipc.ArrowStreamWriter(output, schema.ToApacheArrow(), leaveOpen: true))
        {
            foreach (var batch in original)
                writer.WriteRecordBatch(batch.ToApacheArrow());
            writer.WriteEnd();
        }

        var reread = new ArrowStreamReader(output.ToArray());
        var expected = CanonicalJson.Describe(schema, original);
        var actual = CanonicalJson.Describe(reread.Schema, reread.ReadAllBatches());
        var differences = CanonicalJson.Differences(expected, actual, "stream").Take(10).ToList();
        Assert.That(differences, Is.Empty, string.Join("\n", differences));
    }

    [Test]
    public void The_view_shares_the_readers_memory_instead_of_copying_it()
    {
        var schema = new ArrowSchema([new ArrowField("x", ArrowType.Int64, nullable: false)]);
        var builder = new RecordBatchBuilder(schema);
        builder.Column<PrimitiveBuilder<long>>(0).Append(0x0102030405060708);
        var stream = ArrowStreamWriter.WriteToArray(schema, [builder.Build()]);
        var batch = new ArrowStreamReader(stream).ReadAllBatches().Single();
        var view = (A.Int64Array)batch.ToApacheArrow().Column(0);

        // Changing the bytes the reader was given shows through both: one buffer, no copy (hence the reader's rule
        // that the memory must not change while views of it are in use).
        var at = stream.AsSpan().IndexOf(BitConverter.GetBytes(0x0102030405060708L));
        BitConverter.GetBytes(42L).CopyTo(stream, at);

        Assert.That(view.GetValue(0), Is.EqualTo(42L));
        Assert.That(((PrimitiveColumn<long>)batch.Columns[0]).GetValue(0), Is.EqualTo(42L));
    }

    [Test]
    public void The_view_outlives_the_source_batch_and_reader_and_disposing_it_frees_nothing_of_ours()
    {
        var (view, expected) = ConvertAndForgetTheSource();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var strings = (A.StringArray)view.Column("utf8");
        Assert.That(Enumerable.Range(0, strings.Length).Select(i => strings.GetString(i)), Is.EqualTo(expected));

        var source = new ArrowStreamReader(SampleStreams.EveryTypeStream(seed: 5)).ReadAllBatches()[0];
        var before = CanonicalJson.Render(source.Column("utf8")).ToJsonString();
        source.ToApacheArrow().Dispose();
        Assert.That(CanonicalJson.Render(source.Column("utf8")).ToJsonString(), Is.EqualTo(before));
    }

    [Test]
    public void Empty_batches_convert_with_the_one_offset_apache_arrow_reads()
    {
        var empty = new ArrowStreamReader(SampleStreams.EveryTypeStream()).ReadAllBatches().Single(b => b.Length == 0);
        var view = empty.ToApacheArrow();

        Assert.That(view.Length, Is.Zero);
        Assert.That(((A.StringArray)view.Column("utf8")).ValueOffsets.ToArray(), Is.EqualTo(new[] { 0 }));
        Assert.That(((A.ListArray)view.Column("list")).ValueOffsets.ToArray(), Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void A_single_column_converts_on_its_own()
    {
        var batch = new ArrowStreamReader(SampleStreams.EveryTypeStream(seed: 9)).ReadAllBatches()[0];
        var column = batch.Column("struct");
        ApacheArrowComparison.AssertSameValues(column, column.ToApacheArrow(), "struct");
        Assert.That(batch.Schema.ToApacheArrow(), Is.SameAs(batch.Schema.ToApacheArrow()), "one Apache.Arrow schema per stream");
    }

    private static (A.RecordBatch View, List<string?> Expected) ConvertAndForgetTheSource()
    {
        var source = new ArrowStreamReader(SampleStreams.EveryTypeStream(seed: 5)).ReadAllBatches()[0];
        var column = (StringColumn)source.Column("utf8");
        return (source.ToApacheArrow(), Enumerable.Range(0, column.Length).Select(column.GetString).ToList());
    }
}
