using System.Text;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Tests.DuckDb;

/// <summary>Strings and validity read as spans over DuckDB's memory, at the edges of their layouts.</summary>
public class DuckDbVectorSpanTests : DuckDbTestBase
{
    // Byte lengths 0, 12 (the last inline length), 13 (the first out-of-line one), and multi-byte UTF-8
    // ending exactly at, and one byte past, the inline limit.
    internal static readonly string[] EdgeStrings =
    [
        "", "abcdefghijkl", "abcdefghijklm", "éééééé", "😀😀😀", "😀😀😀a", "ü€😀 long enough to live out of line ✓",
    ];

    [Test]
    public void Strings_at_the_inline_boundary_and_multi_byte_utf8_read_back_byte_for_byte()
    {
        var rows = InsertStrings(EdgeStrings);
        using var result = Connection.Query("SELECT s FROM strings ORDER BY id");
        var read = ReadAll(result, (chunk, row) => (Bytes: chunk.GetVector(0).GetUtf8(row).ToArray(), Text: chunk.GetVector(0).GetString(row)));
        Assert.That(read.Select(r => r.Text), Is.EqualTo(rows));
        Assert.That(read.Select(r => r.Bytes), Is.EqualTo(rows.Select(Encoding.UTF8.GetBytes)));
        Assert.That(read.Select(r => r.Bytes.Length), Is.EqualTo(new[] { 0, 12, 13, 12, 12, 13, 45 }));
    }

    [Test]
    public void Reading_a_null_or_out_of_range_string_throws_instead_of_following_an_undefined_entry()
    {
        using var result = Connection.Query("SELECT s FROM (VALUES ('a'), (NULL)) t(s)");
        using var chunk = result.FetchChunk()!;
        var vector = chunk.GetVector(0);
        Assert.That(vector.GetString(0), Is.EqualTo("a"));
        Assert.Throws<InvalidOperationException>(() => vector.GetUtf8(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => vector.GetUtf8(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => vector.GetUtf8(-1));
        Assert.Throws<InvalidOperationException>(() => chunk.GetVector(0).GetData<int>());
        using var numbers = Connection.Query("SELECT 1");
        using var numberChunk = numbers.FetchChunk()!;
        Assert.Throws<InvalidOperationException>(() => numberChunk.GetVector(0).GetStrings());
    }

    [Test]
    public void Null_masks_are_read_bit_by_bit_across_64_row_words_and_chunks()
    {
        // Nulls on both sides of every word boundary (rows 63/64, 127/128, ...) plus a scattered pattern;
        // 5000 rows span three DuckDB chunks.
        using var result = Connection.Query(
            "SELECT i, CASE WHEN i % 64 IN (0, 63) OR i % 7 = 3 THEN NULL ELSE i END AS v FROM range(5000) t(i) ORDER BY i");
        var mismatches = new List<long>();
        long nulls = 0;
        while (result.FetchChunk() is { } chunk)
        {
            using (chunk)
            {
                var ids = chunk.GetVector(0).GetData<long>();
                var values = chunk.GetVector(1);
                var validity = values.Validity;
                Assert.That(validity.Words.Length, Is.EqualTo((chunk.RowCount + 63) / 64));
                for (var row = 0; row < chunk.RowCount; row++)
                {
                    var id = ids[row];
                    var expectedNull = id % 64 is 0 or 63 || id % 7 == 3;
                    if (validity.IsValid(row) == expectedNull || values.IsValid(row) == expectedNull)
                        mismatches.Add(id);
                    if (!expectedNull && values.GetData<long>()[row] != id)
                        mismatches.Add(id);
                    nulls += expectedNull ? 1 : 0;
                }
                Assert.Throws<ArgumentOutOfRangeException>(() => values.Validity.IsValid(chunk.RowCount));
            }
        }
        Assert.That(mismatches, Is.Empty);
        Assert.That(nulls, Is.GreaterThan(800));
    }

    [Test]
    public void Spans_are_not_handed_out_after_the_chunk_is_disposed()
    {
        using var result = Connection.Query("SELECT NULL::VARCHAR AS s");
        var chunk = result.FetchChunk()!;
        var vector = chunk.GetVector(0);
        Assert.That(vector.Validity.IsValid(0), Is.False);
        chunk.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _ = vector.Validity);
        Assert.Throws<ObjectDisposedException>(() => vector.GetStrings());
    }

    private string[] InsertStrings(string[] values)
    {
        Connection.ExecuteNonQuery("CREATE TABLE strings(id INTEGER, s VARCHAR)");
        using var insert = Connection.Prepare("INSERT INTO strings VALUES (?, ?)");
        for (var i = 0; i < values.Length; i++)
        {
            insert.Bind(1, i);
            insert.Bind(2, values[i]);
            using var _ = insert.Execute();
        }
        return values;
    }
}
