using System.Runtime.CompilerServices;
using Apache.Arrow;
using ApacheRecordBatch = Apache.Arrow.RecordBatch;
using RecordBatch = Spark.Connect.Arrow.RecordBatch;
using Spark.Connect.Arrow;

namespace Spark.Connect.ApacheArrow;

/// <summary>
/// Apache.Arrow views of what <see cref="ArrowStreamReader"/> decoded: the bytes from Spark are parsed and
/// validated once, by our reader, and Apache.Arrow arrays are then laid over the same buffers.
/// </summary>
/// <remarks>
/// <para>Zero-copy: each <c>ArrowBuffer</c> wraps the memory our column reads, so a conversion costs a few small
/// objects per column whatever the row count. (Our reader itself copies a buffer only to realign it, to decompress
/// it or to grow a delta dictionary; the view uses that copy. A dictionary's indices are copied only when a null row
/// holds an index outside the dictionary, which Apache.Arrow might follow.)</para>
/// <para>Lifetime: that memory is garbage-collected managed memory (with Spark.Linq and the Spark.Connect client,
/// the response's immutable bytes, or arrays the reader allocated), so the Apache.Arrow batch stays valid after
/// our <see cref="RecordBatch"/>, the reader and the response are gone, and disposing it frees nothing of ours.
/// The one rule is the reader's own: memory you passed to <see cref="ArrowStreamReader"/> must not change while
/// a view of it is in use; if you reuse such a buffer, copy first (<c>ArrayData.Clone()</c>).</para>
/// </remarks>
public static class ApacheArrowInterop
{
    // The reader hands every batch of a stream the same ArrowSchema: convert it once.
    private static readonly ConditionalWeakTable<ArrowSchema, Schema> Schemas = new();

    /// <summary>The batch as an Apache.Arrow <see cref="ApacheRecordBatch"/> over the same memory.</summary>
    public static ApacheRecordBatch ToApacheArrow(this RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var schema = batch.Schema.ToApacheArrow();
        var arrays = new IArrowArray[batch.Columns.Count];
        for (var i = 0; i < arrays.Length; i++)
            arrays[i] = ArrowArrayFactory.BuildArray(ApacheArrowArrays.ToData(batch.Columns[i], schema.FieldsList[i].DataType));
        return new ApacheRecordBatch(schema, arrays, batch.Length);
    }

    /// <summary>The schema as an Apache.Arrow <see cref="Schema"/> (cached per schema object).</summary>
    public static Schema ToApacheArrow(this ArrowSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return Schemas.GetValue(schema, ApacheArrowTypes.ToSchema);
    }

    /// <summary>One column as an Apache.Arrow array over the same memory (cast it to the array class of its type).</summary>
    public static IArrowArray ToApacheArrow(this ArrowColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return ArrowArrayFactory.BuildArray(ApacheArrowArrays.ToData(column, ApacheArrowTypes.ToType(column.Field)));
    }

    /// <summary>
    /// Each batch of a result stream as an Apache.Arrow batch, e.g. <c>query.ToArrowBatchesAsync().ToApacheArrow()</c>
    /// with Spark.Linq; the sequence streams exactly as the source does.
    /// </summary>
    public static async IAsyncEnumerable<ApacheRecordBatch> ToApacheArrow(this IAsyncEnumerable<RecordBatch> batches,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        await foreach (var batch in batches.WithCancellation(cancellationToken).ConfigureAwait(false))
            yield return batch.ToApacheArrow();
    }
}
