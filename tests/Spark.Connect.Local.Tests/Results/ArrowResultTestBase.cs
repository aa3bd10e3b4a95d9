using Spark.Connect.Arrow;
using Spark.Connect.Local.Results;
using Spark.Connect.Local.Tests.DuckDb;

namespace Spark.Connect.Local.Tests.Results;

/// <summary>Runs SQL on DuckDB, converts the result to Arrow IPC streams and reads them back with our reader.</summary>
public abstract class ArrowResultTestBase : DuckDbTestBase
{
    /// <summary>Every IPC stream decoded; each must hold exactly one batch (as one Spark arrow_batch does).</summary>
    internal List<RecordBatch> Convert(string sql, DuckDbArrowConverter? converter = null)
    {
        using var result = Connection.Query(sql);
        var batches = new List<RecordBatch>();
        foreach (var stream in (converter ?? new DuckDbArrowConverter()).ReadIpcStreams(result))
        {
            var reader = new ArrowStreamReader(stream);
            var inStream = reader.ReadAllBatches();
            Assert.That(inStream, Has.Count.EqualTo(1), "each IPC stream carries one batch");
            batches.Add(inStream[0]);
        }
        return batches;
    }

    /// <summary>The single batch of a small result.</summary>
    internal RecordBatch ConvertOne(string sql)
    {
        var batches = Convert(sql);
        Assert.That(batches, Has.Count.EqualTo(1));
        return batches[0];
    }

    internal static long? Long(ArrowColumn column, int row) => ((PrimitiveColumn<long>)column).GetNullable(row);

    internal static string? Str(ArrowColumn column, int row) => ((StringColumn)column).GetString(row);

    internal static long MicrosSinceEpoch(DateTime utc) => (utc - DateTime.UnixEpoch).Ticks / 10;
}
