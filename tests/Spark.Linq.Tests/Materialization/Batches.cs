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

    /// <summary>
    /// Every row through the whole-batch path (pooled column copies); for whole-value types the
    /// streaming row reader (per-row accessors) must agree, since the two are generated separately.
    /// </summary>
    public static List<T> Read<T>(RecordBatch batch, ColumnNamingPolicy? naming = null)
    {
        var materializer = ArrowMaterializer<T>.For(batch.Schema, naming);
        var rows = materializer.ReadAll([batch]);
        if (TypeNames.IsLeaf(typeof(T)))
            Assert.That(materializer.ReadRows(batch).ToList(), Is.EqualTo(rows), "streamed rows differ from the batch path");
        return rows;
    }

    public static ArrowField Field(string name, ArrowType type, bool nullable = true) => new(name, type, nullable);
}
