using Google.Protobuf;
using NUnit.Framework;
using Spark.Connect.Arrow;
using Spark.Connect.TestServer;
using static Spark.Connect.Tests.Client.ClientTestKit;

namespace Spark.Connect.Tests.Client;

/// <summary>All layers at once: plan → gRPC → scripted server → Arrow batches → typed columns.</summary>
public class ArrowResultsEndToEndTests
{
    [Test]
    public async Task Arrow_batches_streamed_by_the_server_decode_into_typed_columns()
    {
        await using var server = await ScriptedSparkConnectServer.StartAsync();
        var schema = new ArrowSchema([new ArrowField("id", ArrowType.Int64, nullable: false), new ArrowField("name", ArrowType.Utf8)]);
        server.ExecutePlan.Always((request, _) => Enumerable.Range(0, 3)
            .Select(batch => ArrowResponse(schema, request.OperationId, $"b{batch}", from: batch * 1000, count: 1000))
            .Append(Complete("done")));
        await using var client = SparkConnectClient.Create(server.ConnectionString);

        long idSum = 0, rows = 0, nulls = 0;
        await foreach (var response in client.ExecutePlanAsync(RangePlan(3000)))
        {
            if (response.ResponseTypeCase != ExecutePlanResponse.ResponseTypeOneofCase.ArrowBatch) continue;
            var reader = new ArrowStreamReader(response.ArrowBatch.Data.Memory);
            while (reader.ReadNextBatch() is { } batch)
            {
                var ids = (PrimitiveColumn<long>)batch.Column("id");
                var names = (StringColumn)batch.Column("name");
                foreach (var id in ids.Values) idSum += id;
                for (var i = 0; i < batch.Length; i++)
                {
                    if (names.IsNull(i)) nulls++;
                    else Assert.That(names.GetString(i), Is.EqualTo("n" + ids.Values[i]));
                }
                rows += batch.Length;
            }
        }

        Assert.That(rows, Is.EqualTo(3000));
        Assert.That(idSum, Is.EqualTo(2999L * 3000 / 2));
        Assert.That(nulls, Is.EqualTo(300), "every tenth name is null");
    }

    private static ExecutePlanResponse ArrowResponse(ArrowSchema schema, string operationId, string responseId, int from, int count)
    {
        var builder = new RecordBatchBuilder(schema);
        var ids = builder.Column<PrimitiveBuilder<long>>(0);
        var names = builder.Column<Utf8Builder>(1);
        for (var id = from; id < from + count; id++)
        {
            ids.Append(id);
            names.Append(id % 10 == 0 ? null : "n" + id);
        }
        var bytes = ArrowStreamWriter.WriteToArray(schema, [builder.Build()]);
        return new ExecutePlanResponse
        {
            OperationId = operationId,
            ResponseId = responseId,
            ArrowBatch = new ExecutePlanResponse.Types.ArrowBatch { RowCount = count, Data = ByteString.CopyFrom(bytes) },
        };
    }
}
