using System.Buffers;
using Spark.Connect.Arrow;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Results;

/// <summary>
/// Turns a streaming DuckDB result into Arrow record batches typed the way Spark types them, one DuckDB
/// chunk (≤ 2048 rows) at a time, so only the batch being built is ever held in memory.
/// </summary>
/// <remarks>
/// Batch bounding: a batch is closed as soon as it holds <see cref="MaxRowsPerBatch"/> rows (chunks are
/// split to hit the row bound exactly) or its estimated Arrow size reaches <see cref="MaxBytesPerBatch"/>.
/// Chunks are appended in slices sized from the running bytes-per-row estimate, so with rows of similar
/// width a batch overshoots the byte target by about one row; a slice of unusually wide rows can overshoot
/// by that slice. A result with no rows still yields one batch with zero rows, as Spark does.
/// </remarks>
internal sealed class DuckDbArrowConverter
{
    /// <summary>Spark's default for <c>spark.sql.execution.arrow.maxRecordsPerBatch</c>.</summary>
    internal const int DefaultMaxRowsPerBatch = 10_000;

    /// <summary>Spark Connect's default for <c>spark.connect.grpc.arrow.maxBatchSize</c> (4 MiB).</summary>
    internal const long DefaultMaxBytesPerBatch = 4L * 1024 * 1024;

    internal DuckDbArrowConverter(int maxRowsPerBatch = DefaultMaxRowsPerBatch, long maxBytesPerBatch = DefaultMaxBytesPerBatch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRowsPerBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytesPerBatch, 1);
        MaxRowsPerBatch = maxRowsPerBatch;
        MaxBytesPerBatch = maxBytesPerBatch;
    }

    internal int MaxRowsPerBatch { get; }

    internal long MaxBytesPerBatch { get; }

    /// <summary>The Arrow schema Spark would send for this result (see <see cref="DuckDbArrowTypes"/>).</summary>
    internal static ArrowSchema SchemaFor(DuckDbResult result, DataType? sparkSchema = null) => DuckDbArrowTypes.SchemaFor(result, sparkSchema);

    /// <summary>
    /// Reads the rest of <paramref name="result"/> lazily, yielding bounded batches (at least one).
    /// Unsupported column types fail before any row is read. <paramref name="sparkSchema"/>, the planned struct type
    /// when known, decides which of Spark's interval types an INTERVAL column is (<see cref="SparkResultTypes"/>).
    /// </summary>
    internal IEnumerable<RecordBatch> ReadBatches(DuckDbResult result, DataType? sparkSchema = null) => Batches(result, sparkSchema, lend: false);

    /// <summary>
    /// Like <see cref="ReadBatches"/>, but every batch views buffers the next batch overwrites: a batch is
    /// valid only until the enumerator moves on. For a consumer that writes each batch out at once (the server's
    /// result stream), it saves allocating the column arrays again for every batch.
    /// </summary>
    internal IEnumerable<RecordBatch> ReadLentBatches(DuckDbResult result, DataType? sparkSchema = null) => Batches(result, sparkSchema, lend: true);

    private IEnumerable<RecordBatch> Batches(DuckDbResult result, DataType? sparkSchema, bool lend)
    {
        ArgumentNullException.ThrowIfNull(result);
        var schema = SchemaFor(result, sparkSchema);
        var writers = result.ColumnTypes.Select((type, i) => ColumnWriter.For(type, SparkResultTypes.Field(sparkSchema, i))).ToArray();
        return StreamBatches(result, schema, writers, lend);
    }

    /// <summary>
    /// Like <see cref="ReadBatches"/>, but each batch as a complete Arrow IPC stream (schema, one batch,
    /// end marker): the payload of one Spark Connect <c>arrow_batch</c>.
    /// </summary>
    internal IEnumerable<byte[]> ReadIpcStreams(DuckDbResult result, DataType? sparkSchema = null)
    {
        var batches = ReadBatches(result, sparkSchema);
        return batches.Select(ToIpcStream);
    }

    /// <summary>One batch as a complete Arrow IPC stream.</summary>
    internal static byte[] ToIpcStream(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new ArrowStreamWriter(output, batch.Schema))
            writer.WriteBatch(batch);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// One batch as a complete Arrow IPC stream, written into a buffer of about <paramref name="capacityHint"/>
    /// bytes (the previous batch's size) and returned as a slice of it: no growth copies and no final
    /// <c>ToArray</c> (unless more than a quarter of the buffer would be unused). The buffer is fresh and referenced only by the returned memory, so it may be wrapped
    /// without copying into a message that outlives this call.
    /// </summary>
    internal static ReadOnlyMemory<byte> ToIpcMemory(RecordBatch batch, int capacityHint)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var output = new ArrayBufferWriter<byte>(Math.Max(256, capacityHint));
        using (var writer = new ArrowStreamWriter(output, batch.Schema))
            writer.WriteBatch(batch);
        // A sent response may be held for reattach and is counted by its length: when the hint was far off
        // (a first batch, a much wider one), trim so the memory held stays within a quarter of that count.
        return output.Capacity - output.WrittenCount > output.WrittenCount / 4
            ? output.WrittenSpan.ToArray()
            : output.WrittenMemory;
    }

    private IEnumerable<RecordBatch> StreamBatches(DuckDbResult result, ArrowSchema schema, ColumnWriter[] writers, bool lend)
    {
        var builder = new RecordBatchBuilder(schema);
        var rows = 0;
        long bytes = 0;
        long bytesPerRow = 0;
        var yielded = false;
        while (result.FetchChunk() is { } chunk)
        {
            using (chunk)
            {
                var vectors = Enumerable.Range(0, chunk.ColumnCount).Select(chunk.GetVector).ToArray();
                for (var start = 0; start < chunk.RowCount;)
                {
                    var count = (int)Math.Min(Math.Min(chunk.RowCount - start, MaxRowsPerBatch - rows),
                        RowsWithinByteBudget(bytes, bytesPerRow));
                    var added = AppendSlice(builder, writers, vectors, start, count);
                    bytesPerRow = Math.Max(1, (added + count - 1) / count);
                    bytes += added;
                    start += count;
                    rows += count;
                    if (rows < MaxRowsPerBatch && bytes < MaxBytesPerBatch)
                        continue;
                    yield return Build(builder, rows, lend);
                    yielded = true;
                    rows = 0;
                    bytes = 0;
                }
            }
        }
        if (rows > 0 || !yielded)
            yield return Build(builder, rows, lend);
    }

    private static long AppendSlice(RecordBatchBuilder builder, ColumnWriter[] writers, DuckDbVector[] vectors, int start, int count)
    {
        long added = 0;
        for (var c = 0; c < writers.Length; c++)
        {
            try
            {
                added += writers[c].Append(vectors[c], start, count, builder.Columns[c]);
            }
            catch (OverflowException e)
            {
                var field = builder.Schema.Fields[c];
                throw new OverflowException(
                    $"Column '{field.Name}' holds a value that does not fit Spark's type for it ({field.Type}): {e.Message}", e);
            }
        }
        return added;
    }

    // Slices are sized from the bytes per row of the previous slice, so wide rows (long strings, big
    // lists) close a batch near the byte target instead of after a whole 2048-row chunk. Until there is an
    // estimate, a small first slice keeps the first batch from overshooting by a full chunk.
    private long RowsWithinByteBudget(long bytes, long bytesPerRow)
    {
        const int FirstSliceRows = 16;
        if (bytesPerRow == 0)
            return FirstSliceRows;
        return Math.Max(1, (MaxBytesPerBatch - bytes) / bytesPerRow);
    }

    // RecordBatchBuilder takes the row count from its first column, so a result with no columns
    // (e.g. from some DDL) would otherwise always report zero rows.
    private static RecordBatch Build(RecordBatchBuilder builder, int rows, bool lend) =>
        builder.Columns.Count == 0 ? new RecordBatch(builder.Schema, rows, []) : lend ? builder.BuildLent() : builder.Build();
}
