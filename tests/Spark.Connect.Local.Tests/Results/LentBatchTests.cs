using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Tests.Results;

/// <summary>
/// The server's result stream builds every batch in the same reused buffers (<c>ReadLentBatches</c>), writing each
/// out before the next is built. Whatever the previous batch left in those buffers (longer strings, set validity
/// bits, more list entries) must not show in the next: each batch's IPC bytes equal those of a batch built in fresh
/// buffers, for every type the converter writes and for batch bounds that shrink and grow.
/// </summary>
public class LentBatchTests : ArrowResultTestBase
{
    private const string EveryKind = """
        SELECT i,
               CASE WHEN i % 7 = 3 THEN NULL ELSE i * 3 END AS l,
               CASE WHEN i % 4 = 1 THEN NULL ELSE i % 2 = 0 END AS b,
               CASE WHEN i % 5 = 2 THEN NULL WHEN i % 5 = 4 THEN '' ELSE repeat('é', CAST((i * 37) % 50 AS INTEGER)) END AS s,
               CASE WHEN i % 6 = 5 THEN NULL ELSE CAST(i AS DECIMAL(18, 2)) / 7 END AS m,
               CASE WHEN i % 9 = 8 THEN NULL ELSE range(CAST((i * 13) % 6 AS BIGINT)) END AS xs,
               CASE WHEN i % 8 = 7 THEN NULL ELSE {'k': CAST(i AS INTEGER), 'v': CASE WHEN i % 3 = 0 THEN NULL ELSE 'v' || i END} END AS st,
               CASE WHEN i % 10 = 9 THEN NULL ELSE MAP {'a': i, 'b': CASE WHEN i % 2 = 0 THEN NULL ELSE i END} END AS mp,
               CAST(NULL AS INTEGER) AS always_null,
               CASE WHEN i % 11 = 10 THEN NULL ELSE INTERVAL 1 DAY * (i % 40) END AS dt
        FROM range(4000) t(i) ORDER BY i
        """;

    [TestCase(1)]
    [TestCase(37)]
    [TestCase(1000)]
    public void Lent_batches_write_the_same_ipc_bytes_as_batches_in_fresh_buffers(int rowsPerBatch)
    {
        var converter = new DuckDbArrowConverter(maxRowsPerBatch: rowsPerBatch);
        var owned = Ipc(EveryKind, r => converter.ReadBatches(r));
        var lent = Ipc(EveryKind, r => converter.ReadLentBatches(r));

        Assert.That(lent, Has.Count.EqualTo(owned.Count).And.Count.EqualTo((4000 + rowsPerBatch - 1) / rowsPerBatch));
        for (var i = 0; i < owned.Count; i++)
            Assert.That(lent[i], Is.EqualTo(owned[i]), $"batch {i}");
    }

    [Test]
    public void A_smaller_batch_after_a_larger_one_shows_nothing_of_it()
    {
        // The byte bound closes the batch of long strings early; the short and null rows that follow reuse its buffers.
        const string sql = """
            SELECT CASE WHEN i < 300 THEN repeat('x', 2000) WHEN i % 2 = 0 THEN NULL ELSE 'y' END AS s,
                   CASE WHEN i < 300 THEN i ELSE NULL END AS n
            FROM range(900) t(i) ORDER BY i
            """;
        var converter = new DuckDbArrowConverter(maxRowsPerBatch: 500, maxBytesPerBatch: 100_000);
        var owned = Ipc(sql, r => converter.ReadBatches(r));
        var lent = Ipc(sql, r => converter.ReadLentBatches(r));

        Assert.That(owned, Has.Count.GreaterThan(2), "the byte bound split the result");
        Assert.That(lent, Is.EqualTo(owned));
        var last = new Spark.Connect.Arrow.ArrowStreamReader(lent[^1]).ReadAllBatches().Single();
        Assert.That(Str(last.Column(0), last.Length - 1), Is.EqualTo("y"));
        Assert.That(last.Column(1).NullCount, Is.EqualTo(last.Length));
    }

    // Each batch is written out before the enumerator moves on, as the server does.
    private List<byte[]> Ipc(string sql, Func<Spark.Connect.Local.DuckDb.DuckDbResult, IEnumerable<Spark.Connect.Arrow.RecordBatch>> read)
    {
        using var result = Connection.Query(sql);
        return read(result).Select(DuckDbArrowConverter.ToIpcStream).ToList();
    }
}
