using System.Text;
using Spark.Connect.Arrow;
using Spark.Connect.Local.Tests.DuckDb;

namespace Spark.Connect.Local.Tests.Results;

/// <summary>The converter's span-based reads of strings and validity, at the edges of DuckDB's layouts.</summary>
public class StringAndNullEdgeTests : ArrowResultTestBase
{
    [Test]
    public void Strings_around_the_inline_limit_and_multi_byte_utf8_convert_exactly()
    {
        Connection.ExecuteNonQuery("CREATE TABLE strings(id INTEGER, s VARCHAR, b BLOB)");
        using (var insert = Connection.Prepare("INSERT INTO strings VALUES (?, ?, ?)"))
        {
            for (var i = 0; i < DuckDbVectorSpanTests.EdgeStrings.Length; i++)
            {
                insert.Bind(1, i);
                insert.Bind(2, DuckDbVectorSpanTests.EdgeStrings[i]);
                insert.Bind(3, Encoding.UTF8.GetBytes(DuckDbVectorSpanTests.EdgeStrings[i]));
                using var _ = insert.Execute();
            }
        }
        var batch = ConvertOne("SELECT s, b FROM strings ORDER BY id");
        var texts = Enumerable.Range(0, batch.Length).Select(row => Str(batch.Column(0), row));
        var blobs = Enumerable.Range(0, batch.Length).Select(row => ((BinaryColumn)batch.Column(1)).GetBytes(row).ToArray());
        Assert.That(texts, Is.EqualTo(DuckDbVectorSpanTests.EdgeStrings));
        Assert.That(blobs, Is.EqualTo(DuckDbVectorSpanTests.EdgeStrings.Select(Encoding.UTF8.GetBytes)));
    }

    [Test]
    public void Nulls_on_both_sides_of_64_row_words_land_on_the_same_rows_in_arrow()
    {
        // 5000 rows: three DuckDB chunks, each with nulls at rows 63/64, 127/128, ... and a scattered pattern,
        // in a fixed-width, a string and a list column.
        var batch = ConvertOne("""
            SELECT i, CASE WHEN i % 64 IN (0, 63) OR i % 7 = 3 THEN NULL ELSE i END AS v,
                   CASE WHEN i % 64 IN (0, 63) OR i % 7 = 3 THEN NULL ELSE 'value number ' || i END AS s,
                   CASE WHEN i % 64 IN (0, 63) OR i % 7 = 3 THEN NULL ELSE [i] END AS l
            FROM range(5000) t(i) ORDER BY i
            """);
        var ids = ((PrimitiveColumn<long>)batch.Column(0)).Values.ToArray();
        var wrong = ids.Where((id, row) =>
        {
            var expectedNull = id % 64 is 0 or 63 || id % 7 == 3;
            return expectedNull
                ? Long(batch.Column(1), row) is not null || Str(batch.Column(2), row) is not null || !batch.Column(3).IsNull(row)
                : Long(batch.Column(1), row) != id || Str(batch.Column(2), row) != $"value number {id}" || batch.Column(3).IsNull(row);
        }).ToList();
        Assert.That(ids, Has.Length.EqualTo(5000));
        Assert.That(wrong, Is.Empty);
    }
}
