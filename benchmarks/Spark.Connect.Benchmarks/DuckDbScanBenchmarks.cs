using BenchmarkDotNet.Attributes;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Results;

namespace Spark.Connect.Benchmarks;

/// <summary>
/// The local engine's result path without gRPC: a 1 M-row DuckDB table (nullable INTEGER, DOUBLE, a short
/// VARCHAR stored inline by DuckDB, a long VARCHAR stored behind a pointer) scanned chunk by chunk, against
/// converting the same scan to Arrow batches with <see cref="DuckDbArrowConverter"/>. See docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class DuckDbScanBenchmarks
{
    private const string Scan = "SELECT id, amount, code, label FROM scan_bench";
    private DuckDbDatabase _database = null!;
    private DuckDbConnection _connection = null!;
    private readonly DuckDbArrowConverter _converter = new();

    [Params(1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void CreateTable()
    {
        _database = DuckDbDatabase.Open();
        _connection = _database.Connect();
        // Every tenth id is NULL; code is ≤ 12 bytes (inline in duckdb_string_t), label is longer (out of line).
        _connection.ExecuteNonQuery(
            "CREATE TABLE scan_bench AS SELECT CASE WHEN i % 10 = 0 THEN NULL ELSE i::INTEGER END AS id, " +
            "i * 0.25 AS amount, 'c' || (i % 1000) AS code, 'a longer label for row number ' || i AS label " +
            $"FROM range({Rows}) t(i)");
    }

    [GlobalCleanup]
    public void Close()
    {
        _connection.Dispose();
        _database.Dispose();
    }

    /// <summary>DuckDB's own work: the query and every chunk fetched, no value read.</summary>
    [Benchmark(Baseline = true)]
    public long FetchChunksOnly()
    {
        using var result = _connection.Query(Scan);
        long rows = 0;
        while (result.FetchChunk() is { } chunk)
        {
            using (chunk)
                rows += chunk.RowCount;
        }
        return rows;
    }

    /// <summary>The same scan converted to bounded Arrow record batches, as the server sends them.</summary>
    [Benchmark]
    public long ConvertToArrowBatches()
    {
        using var result = _connection.Query(Scan);
        long rows = 0;
        foreach (var batch in _converter.ReadBatches(result))
            rows += batch.Length;
        return rows;
    }
}
