using Spark.Connect.Arrow;
using Spark.Linq.Materialization;

namespace Spark.Linq.Tests.Materialization;

/// <summary>Builds record batches for materializer tests, round-tripped through our IPC writer and reader.</summary>
internal static class Batches
{
    /// <summary>One batch of <paramref name="fields"/>, filled by <paramref name="fill"/>, written and read back as an Arrow stream.</summary>
    public static RecordBatch Of(ArrowField[] fields, Action<RecordBatchBuilder> fill)
    {
        var builder = new RecordBatchBuilder(new ArrowSchema(fields));
        fill(builder);
        return RoundTrip(builder.Build());
    }

    /// <summary>A single-column batch.</summary>
    public static RecordBatch Single<TBuilder>(ArrowField field, Action<TBuilder> fill) where TBuilder : ArrowColumnBuilder =>
        Of([field], b => fill(b.Column<TBuilder>(0)));

    public static RecordBatch RoundTrip(RecordBatch batch)
    {
        var bytes = ArrowStreamWriter.WriteToArray(batch.Schema, [batch]);
        return new ArrowStreamReader(bytes).ReadAllBatches().Single();
    }

    public static List<T> Read<T>(RecordBatch batch, ColumnNamingPolicy? naming = null) =>
        ArrowMaterializer<T>.For(batch.Schema, naming).ReadAll([batch]);

    public static ArrowField Field(string name, ArrowType type, bool nullable = true) => new(name, type, nullable);
}
