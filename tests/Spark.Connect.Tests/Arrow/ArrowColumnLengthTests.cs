using NUnit.Framework;
using Spark.Connect.Arrow;

namespace Spark.Connect.Tests.Arrow;

/// <summary>
/// Every top-level column of a record batch must have the batch's length (Arrow columnar format). A
/// client seen in the wild (a .NET client's createDataFrame whose Int16 builder ignored <c>byte</c>
/// values) sent an int16 column with 0 values in a 3-row batch; the reader must refuse it and say which
/// column, of which type, is short, rather than pad it with nulls and lose the client's values.
/// </summary>
[TestFixture]
public sealed class ArrowColumnLengthTests
{
    // Schema of the failing stream, reduced: an int32 column that is complete and an int16 column that is not.
    private static readonly byte[] SchemaMessage = RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(
        RawMessages.Field("id", 2, RawMessages.Int(32)), RawMessages.Field("b", 2, RawMessages.Int(16))));

    private static byte[] Stream(long batchRows, long idRows, long bRows)
    {
        // Body: id values at 0 (16 bytes), b values at 16 (8 bytes); validity bitmaps absent (no nulls).
        var body = new byte[24];
        for (var i = 0; i < 3; i++)
        {
            BitConverter.GetBytes(i + 1).CopyTo(body, i * 4);
            BitConverter.GetBytes((short)(i + 10)).CopyTo(body, 16 + i * 2);
        }
        var batch = RawMessages.Batch(batchRows, [(idRows, 0), (bRows, 0)],
            [(0, 0), (0, idRows * 4), (16, 0), (16, bRows * 2)]);
        return RawMessages.Concat(SchemaMessage, RawMessages.Frame(RawMessages.RecordBatch, batch, body));
    }

    [Test]
    public void A_column_with_as_many_values_as_its_batch_decodes()
    {
        var batch = new ArrowStreamReader(Stream(3, 3, 3)).ReadNextBatch()!;

        Assert.That(batch.Length, Is.EqualTo(3));
        var b = (PrimitiveColumn<short>)batch.Column("b");
        Assert.That(Enumerable.Range(0, 3).Select(b.GetValue), Is.EqualTo(new short[] { 10, 11, 12 }));
    }

    [Test]
    public void A_column_with_fewer_values_than_its_batch_is_rejected_naming_the_column_and_its_type()
    {
        var reader = new ArrowStreamReader(Stream(3, 3, 0));

        var error = Assert.Throws<ArrowFormatException>(() => reader.ReadNextBatch());

        Assert.That(error!.Message, Does.Contain("'b' (int16) has 0 values but its record batch has 3 rows"));
        Assert.That(error.Message, Does.Contain("must have the batch's length"));
    }

    [Test]
    public void A_column_with_more_values_than_its_batch_is_rejected()
    {
        var reader = new ArrowStreamReader(Stream(2, 2, 3));

        var error = Assert.Throws<ArrowFormatException>(() => reader.ReadNextBatch());

        Assert.That(error!.Message, Does.Contain("'b' (int16) has 3 values but its record batch has 2 rows"));
    }

    [Test]
    public void A_list_column_of_empty_lists_has_a_shorter_child_and_decodes()
    {
        // The same client sent byte[] as list<int16> of three empty lists: the child column has 0 values,
        // which is valid (children are sized by the offsets, not by the batch).
        var schema = new ArrowSchema([ArrowField.List("l", new ArrowField("element", ArrowType.Int16))]);
        var builder = new RecordBatchBuilder(schema);
        for (var i = 0; i < 3; i++)
            builder.Column<ListBuilder>(0).Append();

        var batch = new ArrowStreamReader(ArrowStreamWriter.WriteToArray(schema, [builder.Build()])).ReadNextBatch()!;

        var list = (ListColumn)batch.Column("l");
        Assert.That(batch.Length, Is.EqualTo(3));
        Assert.That(list.Values.Length, Is.EqualTo(0));
        Assert.That(Enumerable.Range(0, 3).Select(i => (list.IsNull(i), list.GetLength(i))), Is.All.EqualTo((false, 0)));
    }
}
