using Spark.Connect.Arrow;
using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Tests.Results;

public class BatchingAndErrorTests : ArrowResultTestBase
{
    private static long[] Values(IEnumerable<RecordBatch> batches) =>
        batches.SelectMany(b => ((PrimitiveColumn<long>)b.Column("range")).Values.ToArray()).ToArray();

    [Test]
    public void Range_10000_arrives_complete_and_in_order_in_one_default_batch()
    {
        var batches = Convert("SELECT * FROM range(10000)");
        Assert.That(batches.Select(b => b.Length), Is.EqualTo(new[] { 10000 }));
        Assert.That(Values(batches), Is.EqualTo(Enumerable.Range(0, 10000).Select(i => (long)i)));
    }

    [Test]
    public void The_row_bound_splits_chunks_to_close_batches_exactly()
    {
        var batches = Convert("SELECT * FROM range(10000)", new DuckDbArrowConverter(maxRowsPerBatch: 3000));
        Assert.That(batches.Select(b => b.Length), Is.EqualTo(new[] { 3000, 3000, 3000, 1000 }));
        Assert.That(Values(batches), Is.EqualTo(Enumerable.Range(0, 10000).Select(i => (long)i)));
    }

    [Test]
    public void The_byte_bound_closes_a_batch_after_the_chunk_that_reaches_it()
    {
        // 1000 rows of BIGINT estimate at 8000 bytes, so with a 1-byte target each DuckDB chunk is its own batch.
        var batches = Convert("SELECT * FROM range(10000)", new DuckDbArrowConverter(maxBytesPerBatch: 1));
        Assert.That(batches, Has.Count.GreaterThan(1));
        Assert.That(batches.Select(b => b.Length), Is.All.InRange(1, 2048));
        Assert.That(Values(batches), Is.EqualTo(Enumerable.Range(0, 10000).Select(i => (long)i)));
    }

    [Test]
    public void An_empty_result_yields_one_batch_with_the_schema_and_no_rows()
    {
        var batches = Convert("SELECT i AS n, 'x' AS s FROM range(10) t(i) WHERE i > 100");
        Assert.That(batches, Has.Count.EqualTo(1));
        Assert.That(batches[0].Length, Is.Zero);
        Assert.That(batches[0].Schema.ToString(), Is.EqualTo("n: int64, s: utf8"));
    }

    [Test]
    public void Batches_are_produced_lazily_chunk_by_chunk()
    {
        using var result = Connection.Query("SELECT * FROM range(100000)");
        using var batches = new DuckDbArrowConverter(maxRowsPerBatch: 2048).ReadBatches(result).GetEnumerator();
        Assert.That(batches.MoveNext(), Is.True);
        Assert.That(batches.Current.Length, Is.EqualTo(2048));
        // The rest of the result is still in DuckDB: a chunk fetched now continues where the batch ended.
        using var next = result.FetchChunk()!;
        Assert.That(next.GetVector(0).GetData<long>()[0], Is.EqualTo(2048));
    }

    [TestCase("SELECT 1 AS ok, uuid() AS id", "id", "UUID")]
    [TestCase("SELECT TIME '12:00:00' AS t", "t", "TIME")]
    [TestCase("SELECT [gen_random_uuid()] AS ids", "ids", "UUID")]
    [TestCase("SELECT {'inner': 'a'::ENUM_T} AS s", "s", "ENUM")]
    public void Unsupported_types_fail_naming_the_column_and_the_type(string sql, string column, string type)
    {
        Connection.ExecuteNonQuery("CREATE TYPE ENUM_T AS ENUM ('a', 'b')");
        using var result = Connection.Query(sql);
        var error = Assert.Throws<NotSupportedException>(() => new DuckDbArrowConverter().ReadBatches(result))!;
        Assert.That(error.Message, Does.Contain($"'{column}'").And.Contain(type).And.Contain("CAST"));
    }

    [Test]
    public void A_hugeint_beyond_38_digits_fails_with_a_clear_error()
    {
        using var result = Connection.Query("SELECT 170141183460469231731687303715884105727::HUGEINT AS big");
        var error = Assert.Throws<OverflowException>(() => new DuckDbArrowConverter().ReadBatches(result).ToList())!;
        Assert.That(error.Message, Does.Contain("'big'").And.Contain("DECIMAL(38,0)"));
    }
}
