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
    public void The_byte_bound_keeps_batches_of_wide_rows_near_the_target()
    {
        const int RowBytes = 1000;
        const long Target = 50_000;
        using var result = Connection.Query($"SELECT i, repeat('x', {RowBytes}) AS s FROM range(3000) t(i)");
        var streams = new DuckDbArrowConverter(maxBytesPerBatch: Target).ReadIpcStreams(result).ToList();
        var batches = streams.Select(s => new ArrowStreamReader(s).ReadAllBatches().Single()).ToList();

        // A whole 2048-row chunk would be ~2 MB; batches must instead close within a couple of rows of the target.
        Assert.That(streams.Select(s => (long)s.Length), Is.All.LessThanOrEqualTo(Target + 2 * RowBytes + 4096));
        Assert.That(batches.Sum(b => b.Length), Is.EqualTo(3000));
        Assert.That(batches, Has.Count.InRange(3000 * RowBytes / Target, 3000 * RowBytes / Target + 2));
        var ids = batches.SelectMany(b => ((PrimitiveColumn<long>)b.Column("i")).Values.ToArray());
        Assert.That(ids, Is.EqualTo(Enumerable.Range(0, 3000).Select(i => (long)i)));
        Assert.That(batches.All(b => Enumerable.Range(0, b.Length).All(r => Str(b.Column("s"), r)!.Length == RowBytes)), Is.True);
    }

    [Test]
    public void Narrow_rows_fill_a_batch_up_to_the_byte_target()
    {
        var batches = Convert("SELECT * FROM range(5000)", new DuckDbArrowConverter(maxBytesPerBatch: 20_000));
        // 8 bytes a row: 20,000 bytes hold 2,500 rows, so 5,000 rows make two batches.
        Assert.That(batches.Select(b => b.Length), Is.EqualTo(new[] { 2500, 2500 }));
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

    [Test]
    public void Uhugeint_converts_within_38_digits_and_fails_beyond()
    {
        var batch = ConvertOne("SELECT 99999999999999999999999999999999999999::UHUGEINT AS u");
        Assert.That(batch.Column("u").Field.Type, Is.EqualTo(ArrowType.Decimal128(38, 0)));
        Assert.That(((Decimal128Column)batch.Column("u")).GetUnscaled(0),
            Is.EqualTo(Int128.Parse("99999999999999999999999999999999999999")));
        using var result = Connection.Query("SELECT 340282366920938463463374607431768211455::UHUGEINT AS top");
        var error = Assert.Throws<OverflowException>(() => new DuckDbArrowConverter().ReadBatches(result).ToList())!;
        Assert.That(error.Message, Does.Contain("'top'").And.Contain("340282366920938463463374607431768211455"));
    }

    [Test]
    public void An_interval_too_long_for_a_day_time_interval_fails_naming_the_column()
    {
        using var result = Connection.Query("SELECT INTERVAL (200000000) DAY AS span");
        var error = Assert.Throws<OverflowException>(() => new DuckDbArrowConverter().ReadBatches(result).ToList())!;
        Assert.That(error.Message, Does.Contain("'span'").And.Contain("duration[us]"));
    }

    [Test]
    public void An_interval_with_months_fails_naming_the_column_and_the_months()
    {
        using var result = Connection.Query("SELECT INTERVAL 1 DAY AS fine UNION ALL SELECT INTERVAL 14 MONTH");
        var error = Assert.Throws<OverflowException>(() => new DuckDbArrowConverter().ReadBatches(result).ToList())!;
        Assert.That(error.Message, Does.Contain("'fine'").And.Contain("14 month(s)").And.Contain("day-time interval"));
    }
}
