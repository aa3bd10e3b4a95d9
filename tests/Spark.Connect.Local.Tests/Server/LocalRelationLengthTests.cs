using Google.Protobuf;
using Spark.Connect.Arrow;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>
/// A LocalRelation whose Arrow stream has a column shorter than its record batch (what a .NET client's
/// createDataFrame sent when its int16 builder ignored <c>byte</c> values) is refused over the wire with
/// INVALID_LOCAL_RELATION naming the column and its type, instead of being padded with nulls.
/// </summary>
public sealed class LocalRelationLengthTests : LocalServerTestBase
{
    private static readonly ArrowSchema Schema = new([new ArrowField("id", ArrowType.Int32), new ArrowField("b", ArrowType.Int16)]);

    private static byte[] ThreeRows()
    {
        var builder = new RecordBatchBuilder(Schema);
        for (var i = 0; i < 3; i++)
        {
            builder.Column<PrimitiveBuilder<int>>(0).Append(i + 1);
            builder.Column<PrimitiveBuilder<short>>(1).Append((short)(i + 10));
        }
        return ArrowStreamWriter.WriteToArray(Schema, [builder.Build()]);
    }

    /// <summary>
    /// The same stream with column b's field node saying 0 values: the record batch's nodes vector holds
    /// two 16-byte (length 3, null count 0) structs in a row, and the second one's length becomes 0.
    /// </summary>
    private static byte[] ThreeRowsWithAnEmptyColumn()
    {
        var bytes = ThreeRows();
        var node = BitConverter.GetBytes(3L).Concat(BitConverter.GetBytes(0L)).ToArray();
        var nodes = node.Concat(node).ToArray();
        var at = bytes.AsSpan().IndexOf(nodes);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), "field nodes not found in the stream");
        Assert.That(bytes.AsSpan(at + 1).IndexOf(nodes), Is.EqualTo(-1), "field nodes found twice");
        BitConverter.GetBytes(0L).CopyTo(bytes, at + 16);
        return bytes;
    }

    private static Plan Local(byte[] arrow) =>
        new() { Root = new Relation { LocalRelation = new LocalRelation { Data = ByteString.CopyFrom(arrow) } } };

    [Test]
    public async Task The_complete_stream_collects_its_rows()
    {
        var rows = await RowsAsync(NewClient(), Local(ThreeRows()));

        Assert.That(rows, Is.EqualTo(new[]
        {
            new object?[] { 1, (short)10 }, new object?[] { 2, (short)11 }, new object?[] { 3, (short)12 },
        }));
    }

    [Test]
    public async Task A_column_shorter_than_its_batch_is_an_invalid_local_relation_naming_the_column_and_type()
    {
        var client = NewClient();

        var error = await Assert.ThrowsAsync<SparkException>(() => RowsAsync(client, Local(ThreeRowsWithAnEmptyColumn())));

        Assert.That(error!.ErrorClass, Is.EqualTo("INVALID_LOCAL_RELATION"));
        Assert.That(error.Message, Does.Contain("'b' (int16) has 0 values but its record batch has 3 rows"));
        // The session keeps working: the refusal left nothing behind.
        Assert.That(await RowsAsync(client, Sql("SELECT 1 AS x")), Is.EqualTo(new[] { new object?[] { 1 } }));
    }
}
