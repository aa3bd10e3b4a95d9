using NUnit.Framework;
using Spark.Connect.Arrow;

namespace Spark.Connect.Tests.Arrow;

/// <summary>
/// The builders' bulk appends (a span of values plus a slice of a 64-bit-word validity bitmap) must build the
/// same column as appending the rows one by one, wherever the slice starts and however long it is.
/// </summary>
[TestFixture]
public sealed class ArrowBulkAppendTests
{
    private static readonly ArrowField Field = new("v", ArrowType.Int64, true);

    [TestCase(0, 64, 0)]
    [TestCase(3, 61, 5)]
    [TestCase(60, 9, 1)]
    [TestCase(57, 130, 7)]
    [TestCase(0, 200, 0)]
    public void Bulk_append_matches_row_by_row(int start, int count, int rowsBefore)
    {
        var random = new Random(start * 1000 + count);
        var words = Enumerable.Range(0, 5).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.NextInt64() << 1)).ToArray();
        var values = Enumerable.Range(0, 320).Select(i => (long)i * 7 + 1).ToArray();
        bool Valid(int bit) => ((words[bit >> 6] >> (bit & 63)) & 1) != 0;

        var bulk = (PrimitiveBuilder<long>)ArrowColumnBuilder.Create(Field);
        var byRow = (PrimitiveBuilder<long>)ArrowColumnBuilder.Create(Field);
        for (var i = 0; i < rowsBefore; i++)
        {
            bulk.Append(-i);
            byRow.Append(-i);
        }
        bulk.AppendRange(values.AsSpan(start, count), words, start);
        for (var i = start; i < start + count; i++)
        {
            if (Valid(i)) byRow.Append(values[i]);
            else byRow.AppendNull();
        }

        var expected = (PrimitiveColumn<long>)byRow.Build();
        var actual = (PrimitiveColumn<long>)bulk.Build();
        Assert.That(actual.Length, Is.EqualTo(expected.Length));
        Assert.That(actual.NullCount, Is.EqualTo(expected.NullCount));
        Assert.That(Enumerable.Range(0, actual.Length).Select(actual.GetNullable), Is.EqualTo(Enumerable.Range(0, expected.Length).Select(expected.GetNullable)));
        Assert.That(actual.Values.ToArray(), Is.EqualTo(expected.Values.ToArray()), "null slots are zero, as AppendNull leaves them");
    }

    [TestCase(0, 100)]
    [TestCase(5, 3)]
    [TestCase(3, 77)]
    public void Bulk_append_without_a_bitmap_marks_every_row_valid(int rowsBefore, int count)
    {
        var builder = (PrimitiveBuilder<long>)ArrowColumnBuilder.Create(Field);
        for (var i = 0; i < rowsBefore; i++)
            builder.AppendNull();
        builder.AppendRange(Enumerable.Range(0, count).Select(i => (long)i).ToArray(), [], 0);
        var column = (PrimitiveColumn<long>)builder.Build();
        Assert.That(column.NullCount, Is.EqualTo(rowsBefore));
        Assert.That(Enumerable.Range(0, column.Length).Select(column.IsNull), Is.EqualTo(Enumerable.Range(0, rowsBefore + count).Select(i => i < rowsBefore)));
    }
}
