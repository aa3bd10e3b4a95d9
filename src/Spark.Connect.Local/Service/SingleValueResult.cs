using Google.Protobuf;
using Spark.Connect.Arrow;
using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Service;

/// <summary>
/// A one-row, one-column result built in memory (a formatted <c>show_string</c>, a catalog call's boolean):
/// the <c>schema</c> response and one <c>arrow_batch</c>, as for any collected relation.
/// </summary>
internal static class SingleValueResult
{
    /// <summary>One non-null string column, as Spark's show_string / html_string.</summary>
    internal static IResponseSource String(string column, string value)
    {
        var builder = new RecordBatchBuilder(new ArrowSchema([new ArrowField(column, ArrowType.Utf8, nullable: false)]));
        builder.Column<Utf8Builder>(0).Append(value);
        return Responses(builder.Build());
    }

    /// <summary>One non-null boolean column, as Spark's catalog calls that answer true or false.</summary>
    internal static IResponseSource Boolean(string column, bool value)
    {
        var builder = new RecordBatchBuilder(new ArrowSchema([new ArrowField(column, ArrowType.Boolean, nullable: false)]));
        builder.Column<BooleanBuilder>(0).Append(value);
        return Responses(builder.Build());
    }

    private static FixedResponses Responses(RecordBatch batch) => new(
    [
        new ExecutePlanResponse { Schema = SparkSchema.ToDataType(batch.Schema) },
        new ExecutePlanResponse
        {
            ArrowBatch = new ExecutePlanResponse.Types.ArrowBatch
            {
                RowCount = batch.Length,
                Data = ByteString.CopyFrom(DuckDbArrowConverter.ToIpcStream(batch)),
            },
        },
    ]);
}
