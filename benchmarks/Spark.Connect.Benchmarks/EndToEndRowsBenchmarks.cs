using BenchmarkDotNet.Attributes;
using Spark.Connect.Local;
using Spark.Connect.Local.DuckDb;
using Spark.Linq;
using Spark.Linq.Testing;

namespace Spark.Connect.Benchmarks;

/// <summary>
/// Issue 17's end-to-end rows-per-second figure in one run: 1 M rows (long, double, string, timestamp) read
/// into <see cref="BenchRow"/> objects (a) by DuckDB alone in this process, the floor no Spark Connect path can
/// beat; (b) through the in-process local server into a <c>List</c>; (c) through the same server row by row with
/// <c>AsAsyncEnumerable</c>, each row dropped. The ratio column is the cost over the floor; the GC columns count
/// collections per 1,000 operations, so Gen2 / 1,000 is the Gen2 count per 1 M rows.
/// </summary>
[MemoryDiagnoser]
public class EndToEndRowsBenchmarks
{
    private const string TableSql =
        "CREATE TABLE bench AS SELECT i AS Id, CAST(i AS DOUBLE) * 0.25 AS Amount, 'row ' || CAST(i AS VARCHAR) AS Name, " +
        "TIMESTAMP '2025-01-01' + i * INTERVAL 1 SECOND AS \"At\" FROM range({0}) t(i)";

    private LocalSparkServer _server = null!;
    private SparkSession _spark = null!;
    private DuckDbDatabase _database = null!;
    private DuckDbConnection _connection = null!;

    [Params(1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public async Task Start()
    {
        _server = await LocalSparkServer.StartAsync();
        _server.CreateTable("bench", BenchRow.Sample(Rows));
        _spark = SparkSession.Connect(_server.ConnectionString);
        _database = DuckDbDatabase.Open();
        _connection = _database.Connect();
        _connection.ExecuteNonQuery(string.Format(System.Globalization.CultureInfo.InvariantCulture, TableSql, Rows));
    }

    [GlobalCleanup]
    public async Task Stop()
    {
        _connection.Dispose();
        _database.Dispose();
        await _spark.DisposeAsync();
        await _server.DisposeAsync();
    }

    /// <summary>The floor: DuckDB's chunks read straight into the same objects (no Arrow, no gRPC, no plan).</summary>
    [Benchmark(Baseline = true)]
    public int DuckDbDirectToList() => DuckDbDirect.ReadAll(_connection, "SELECT \"Id\", \"Amount\", \"Name\", \"At\" FROM bench").Count;

    [Benchmark]
    public async Task<int> ServerToList() => (await _spark.Table<BenchRow>("bench").ToListAsync()).Count;

    [Benchmark]
    public async Task<long> ServerAsAsyncEnumerable()
    {
        long sum = 0;
        await foreach (var row in _spark.Table<BenchRow>("bench").AsAsyncEnumerable())
            sum += row.Id + row.Name.Length;
        return sum;
    }
}

/// <summary>Reads a (BIGINT, DOUBLE, VARCHAR, TIMESTAMP) result into <see cref="BenchRow"/>s from DuckDB's vectors.</summary>
internal static class DuckDbDirect
{
    internal static List<BenchRow> ReadAll(DuckDbConnection connection, string sql)
    {
        using var result = connection.Query(sql);
        var rows = new List<BenchRow>();
        while (result.FetchChunk() is { } chunk)
        {
            using (chunk)
                AddChunk(chunk, rows);
        }
        return rows;
    }

    private static void AddChunk(DuckDbDataChunk chunk, List<BenchRow> rows)
    {
        var ids = chunk.GetVector(0).GetData<long>();
        var amounts = chunk.GetVector(1).GetData<double>();
        var names = chunk.GetVector(2).GetStrings();
        var instants = chunk.GetVector(3).GetData<long>();
        for (var i = 0; i < chunk.RowCount; i++)
        {
            rows.Add(new BenchRow
            {
                Id = ids[i],
                Amount = amounts[i],
                Name = System.Text.Encoding.UTF8.GetString(names[i]),
                At = DuckDbTime.FromMicros(instants[i]),
            });
        }
    }
}
