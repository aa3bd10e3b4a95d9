using Spark.Connect.Arrow;
using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Tests.Results;

/// <summary>
/// The converter copies fixed-width vectors in bulk and their validity a word at a time. Small, odd batch
/// bounds make slices start and end mid-word and mid-byte, where such copies go wrong.
/// </summary>
public class BulkCopyConversionTests : ArrowResultTestBase
{
    private const string Query = """
        SELECT i,
               CASE WHEN i % 7 = 3 OR i % 64 IN (0, 63) THEN NULL ELSE i * 3 END AS l,
               CASE WHEN i % 5 = 1 THEN NULL ELSE CAST(i AS INTEGER) - 2500 END AS n,
               CASE WHEN i % 11 = 4 THEN NULL ELSE CAST(i AS DOUBLE) * 0.5 END AS d,
               CASE WHEN i % 13 = 6 THEN NULL ELSE TIMESTAMP '2024-02-29 23:59:59.999999' + i * INTERVAL 1 SECOND END AS t,
               CASE WHEN i % 3 = 2 THEN NULL ELSE 'é€' || repeat('x', CAST(i % 17 AS INTEGER)) END AS s
        FROM range(5000) t(i) ORDER BY i
        """;

    [TestCase(37)]
    [TestCase(1000)]
    [TestCase(10_000)]
    public void Unaligned_slices_keep_every_value_and_null_on_its_row(int rowsPerBatch)
    {
        var batches = Convert(Query, new DuckDbArrowConverter(maxRowsPerBatch: rowsPerBatch));
        var firstInstant = new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_990);
        var wrong = new List<string>();
        long expectedId = 0;
        foreach (var batch in batches)
        {
            var ids = ((PrimitiveColumn<long>)batch.Column(0)).Values;
            for (var row = 0; row < batch.Length; row++, expectedId++)
            {
                var i = ids[row];
                long? l = i % 7 == 3 || i % 64 is 0 or 63 ? null : i * 3;
                int? n = i % 5 == 1 ? null : (int)i - 2500;
                double? d = i % 11 == 4 ? null : i * 0.5;
                long? t = i % 13 == 6 ? null : MicrosSinceEpoch(firstInstant.AddSeconds(i));
                var s = i % 3 == 2 ? null : "é€" + new string('x', (int)(i % 17));
                if (i != expectedId || Long(batch.Column(1), row) != l || ((PrimitiveColumn<int>)batch.Column(2)).GetNullable(row) != n
                    || ((PrimitiveColumn<double>)batch.Column(3)).GetNullable(row) != d || Long(batch.Column(4), row) != t
                    || Str(batch.Column(5), row) != s)
                    wrong.Add($"row {i}");
            }
        }
        Assert.That(expectedId, Is.EqualTo(5000));
        Assert.That(wrong, Is.Empty);
        Assert.That(batches.Sum(b => b.Column(1).NullCount), Is.EqualTo(Enumerable.Range(0, 5000).Count(i => i % 7 == 3 || i % 64 is 0 or 63)));
    }

    [Test]
    public void Null_slots_of_bulk_copied_columns_hold_zero_not_what_duckdb_left_there()
    {
        var batch = ConvertOne("SELECT CASE WHEN i % 2 = 0 THEN NULL ELSE i + 1000 END AS v FROM range(300) t(i)");
        var values = ((PrimitiveColumn<long>)batch.Column(0)).Values.ToArray();
        Assert.That(values.Where((_, row) => row % 2 == 0), Is.All.EqualTo(0L));
        Assert.That(values.Where((_, row) => row % 2 == 1), Is.EqualTo(Enumerable.Range(0, 300).Where(i => i % 2 == 1).Select(i => i + 1000L)));
    }

    [TestCase(0)]
    [TestCase(1 << 20)]
    public void Ipc_bytes_read_back_and_hold_at_most_a_quarter_more_memory_than_their_length(int capacityHint)
    {
        using var result = Connection.Query("SELECT i, 'name ' || i AS s FROM range(3000) t(i)");
        var batch = new DuckDbArrowConverter().ReadBatches(result).Single();
        var ipc = DuckDbArrowConverter.ToIpcMemory(batch, capacityHint);

        Assert.That(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(ipc, out var segment), Is.True);
        Assert.That(segment.Array!.Length, Is.LessThanOrEqualTo(ipc.Length + ipc.Length / 4));
        var read = new ArrowStreamReader(ipc).ReadAllBatches().Single();
        Assert.That(Str(read.Column(1), 2999), Is.EqualTo("name 2999"));
        Assert.That(Long(read.Column(0), 1234), Is.EqualTo(1234));
    }
}
