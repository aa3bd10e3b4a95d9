using NUnit.Framework;
using Spark.Connect.ApacheArrow;
using Spark.Connect.Arrow;
using Spark.Connect.Arrow.FlatBuffers;
using A = Apache.Arrow;

namespace Spark.Connect.Tests.Arrow;

/// <summary>
/// Dictionary-encoded columns: initial, replacement and delta DictionaryBatches, indices checked against the
/// dictionary, and what a hostile stream can't do with them.
/// </summary>
[TestFixture]
public sealed class ArrowDictionaryTests
{
    [Test]
    public void Rows_read_their_dictionary_entries_and_null_indices_are_null_rows()
    {
        var stream = RawMessages.Concat(DictionaryMessages.Schema(), DictionaryMessages.Utf8Dictionary(0, false, "paris", "oslo"),
            DictionaryMessages.Indices([1, 0, null, 1]));
        var reader = new ArrowStreamReader(stream);
        var column = (DictionaryColumn)reader.ReadNextBatch()!.Columns[0];

        Assert.That(reader.Schema.Fields[0].Type, Is.EqualTo(ArrowType.Dictionary(ArrowType.Int32, ArrowType.Utf8)));
        Assert.That(Enumerable.Range(0, 4).Select(i => column.IsNull(i) ? null : ((StringColumn)column.Dictionary).GetString(column.GetIndex(i))),
            Is.EqualTo(new[] { "oslo", "paris", null, "oslo" }));
        Assert.That(column.Dictionary.Length, Is.EqualTo(2), "rows share the dictionary's values: nothing is expanded");
    }

    [Test]
    public void A_replacement_dictionary_applies_to_later_batches_only()
    {
        var stream = RawMessages.Concat(DictionaryMessages.Schema(), DictionaryMessages.Utf8Dictionary(0, false, "a", "b"),
            DictionaryMessages.Indices([0, 1]), DictionaryMessages.Utf8Dictionary(0, false, "x"), DictionaryMessages.Indices([0]));
        var batches = new ArrowStreamReader(stream).ReadAllBatches();

        Assert.That(CanonicalJson.Render(batches[0].Columns[0]).ToJsonString(), Is.EqualTo("""["a","b"]"""));
        Assert.That(CanonicalJson.Render(batches[1].Columns[0]).ToJsonString(), Is.EqualTo("""["x"]"""));
    }

    [Test]
    public void Deltas_extend_the_dictionary_and_leave_earlier_batches_as_they_were()
    {
        var stream = RawMessages.Concat(DictionaryMessages.Schema(), DictionaryMessages.Utf8Dictionary(0, false, "a"),
            DictionaryMessages.Indices([0]), DictionaryMessages.Utf8Dictionary(0, true, "bé", ""),
            DictionaryMessages.Indices([2, 1, 0]), DictionaryMessages.Utf8Dictionary(0, true, "c"), DictionaryMessages.Indices([3, 1]));
        var reader = new ArrowStreamReader(stream);
        var first = reader.ReadNextBatch()!;
        var firstRendered = CanonicalJson.Render(first.Columns[0]).ToJsonString();
        var rest = reader.ReadAllBatches();

        Assert.That(Strings(rest[0]), Is.EqualTo(new[] { "", "bé", "a" }));
        Assert.That(Strings(rest[1]), Is.EqualTo(new[] { "c", "bé" }));
        Assert.That(((DictionaryColumn)rest[1].Columns[0]).Dictionary.Length, Is.EqualTo(4));
        Assert.That(CanonicalJson.Render(first.Columns[0]).ToJsonString(), Is.EqualTo(firstRendered).And.EqualTo("""["a"]"""));
        Assert.That(((DictionaryColumn)first.Columns[0]).Dictionary.Length, Is.EqualTo(1));
    }

    [Test]
    public void Many_small_deltas_cost_linear_work()
    {
        // 20,000 one-entry deltas: re-copying the dictionary per delta would move 200 million entries.
        var parts = new List<byte[]> { DictionaryMessages.Schema(), DictionaryMessages.Utf8Dictionary(0, false, "v0") };
        for (var i = 1; i < 20_000; i++)
            parts.Add(DictionaryMessages.Utf8Dictionary(0, true, "v" + i));
        parts.Add(DictionaryMessages.Indices([19_999, 0]));
        var stream = RawMessages.Concat([.. parts]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var batch = new ArrowStreamReader(stream).ReadAllBatches().Single();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(CanonicalJson.Render(batch.Columns[0]).ToJsonString(), Is.EqualTo("""["v19999","v0"]"""));
        Assert.That(allocated, Is.LessThan(stream.Length * 20L), $"{allocated} bytes allocated for a {stream.Length}-byte stream");
    }

    [TestCase(new[] { 0, 2 }, "index 2 at row 1 is outside the 2-entry dictionary 0")]
    [TestCase(new[] { -1 }, "index -1 at row 0 is outside")]
    [TestCase(new[] { int.MaxValue }, "index 2147483647 at row 0")]
    public void Indices_outside_the_dictionary_are_refused(int[] indices, string problem)
    {
        var stream = RawMessages.Concat(DictionaryMessages.Schema(), DictionaryMessages.Utf8Dictionary(0, false, "a", "b"),
            DictionaryMessages.Indices(indices.Select(i => (int?)i).ToArray()));
        Assert.That(() => new ArrowStreamReader(stream).ReadAllBatches(),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("'d'").And.Message.Contains(problem));
    }

    [Test]
    public void A_null_row_may_hold_any_index_and_views_for_apache_arrow_get_a_safe_one()
    {
        var stream = RawMessages.Concat(DictionaryMessages.Schema(), DictionaryMessages.Utf8Dictionary(0, false, "a", "b"),
            DictionaryMessages.Indices([1, null, 0], nullSlot: 1_000_000));
        var column = (DictionaryColumn)new ArrowStreamReader(stream).ReadAllBatches().Single().Columns[0];
        var view = (A.DictionaryArray)column.ToApacheArrow();

        Assert.That(column.IsNull(1), Is.True);
        Assert.That(((A.Int32Array)view.Indices).Values.ToArray(), Is.EqualTo(new[] { 1, 0, 0 }), "the null slot's index now names an entry");
        Assert.That(((PrimitiveColumn<int>)column.Indices).Values[1], Is.EqualTo(1_000_000), "our column still shows the received bytes");
        Assert.That(view.IsNull(1), Is.True);
        Assert.That(((A.StringArray)view.Dictionary).GetString(((A.Int32Array)view.Indices).GetValue(0)!.Value), Is.EqualTo("b"));
    }

    [Test]
    public void Stream_order_and_ids_are_checked()
    {
        var noDictionary = RawMessages.Concat(DictionaryMessages.Schema(), DictionaryMessages.Indices([0]));
        var deltaFirst = RawMessages.Concat(DictionaryMessages.Schema(), DictionaryMessages.Utf8Dictionary(0, true, "a"), DictionaryMessages.Indices([0]));
        var unknownId = RawMessages.Concat(DictionaryMessages.Schema(id: 4), DictionaryMessages.Utf8Dictionary(5, false, "a"));

        Assert.That(() => new ArrowStreamReader(noDictionary).ReadAllBatches(),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("uses dictionary 0, but no DictionaryBatch with that id came before it"));
        Assert.That(() => new ArrowStreamReader(deltaFirst).ReadAllBatches(),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("is a delta, but no dictionary with that id came before it"));
        Assert.That(() => new ArrowStreamReader(unknownId).ReadAllBatches(),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("id 5, which no field of the schema uses"));
    }

    [Test]
    public void One_id_can_not_stand_for_two_value_types()
    {
        var schema = RawMessages.SchemaTable(DictionaryMessages.Field("a", 5, id: 7), DictionaryMessages.Field("b", 6, id: 7));
        Assert.That(() => new ArrowStreamReader(RawMessages.Frame(RawMessages.Schema, schema)),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("share dictionary id 7 but not a value type"));
    }

    [Test]
    public void Index_types_must_be_integers_and_value_types_must_be_readable()
    {
        var floatIndices = RawMessages.Field("d", 5).Add(4, new FlatBufferObject().Add(0, 0L).Add(1, RawMessages.Int(12)));
        Assert.That(() => new ArrowStreamReader(RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(floatIndices))),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("'d'").And.Message.Contains("integer bit width 12"));
        var unionValues = DictionaryMessages.Field("u", 14);
        Assert.That(() => new ArrowStreamReader(RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(unionValues))),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("'u'").And.Message.Contains("type Union"));
    }

    [Test]
    public void Deltas_of_nested_dictionaries_are_refused_by_name()
    {
        var field = DictionaryMessages.Field("l", 12, 0, 32, RawMessages.Field("item", 2, RawMessages.Int(32)));
        var schema = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(field));
        FlatBufferObject ListBatch() => RawMessages.Batch(1, [(1, 0), (0, 0)], [(0, 0), (0, 8), (0, 0), (8, 0)]);
        var initial = RawMessages.Frame(RawMessages.DictionaryBatch, new FlatBufferObject().Add(0, 0L).Add(1, ListBatch()), new byte[8]);
        var delta = RawMessages.Frame(RawMessages.DictionaryBatch, new FlatBufferObject().Add(0, 0L).Add(1, ListBatch()).Add(2, true), new byte[8]);

        Assert.That(() => new ArrowStreamReader(RawMessages.Concat(schema, initial, delta)).ReadAllBatches(),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("delta dictionaries of type list (field 'l') are not supported"));
    }

    private static string?[] Strings(RecordBatch batch)
    {
        var column = (DictionaryColumn)batch.Columns[0];
        return Enumerable.Range(0, column.Length).Select(i => column.IsNull(i) ? null : ((StringColumn)column.Dictionary).GetString(column.GetIndex(i))).ToArray();
    }

    [Test]
    public void Our_writer_refuses_dictionary_encoded_fields_instead_of_writing_them_wrong()
    {
        var schema = new ArrowSchema([new ArrowField("d", ArrowType.Dictionary(ArrowType.Int32, ArrowType.Utf8))]);
        Assert.That(() => ArrowStreamWriter.WriteToArray(schema, []), Throws.TypeOf<NotSupportedException>().With.Message.Contains("'d'"));
    }
}
