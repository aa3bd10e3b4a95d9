using Google.Protobuf;
using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Connect.Arrow;
using Spark.Connect.TestServer;

namespace Spark.Linq.Tests.Execution;

/// <summary>A scripted Spark Connect server and a session on it, with helpers to answer ExecutePlan with Arrow streams.</summary>
public abstract class ScriptedServerTestBase
{
    protected ScriptedSparkConnectServer Server { get; private set; } = null!;

    protected SparkSession Spark { get; private set; } = null!;

    [SetUp]
    public async Task StartServer()
    {
        Server = await ScriptedSparkConnectServer.StartAsync();
        Spark = SparkSession.Connect(Server.ConnectionString);
    }

    [TearDown]
    public async Task StopServer()
    {
        await Spark.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>Answers every ExecutePlan with one response per Arrow IPC stream, then result_complete.</summary>
    protected void AnswerWithStreams(IEnumerable<ReadOnlyMemory<byte>> streams) =>
        Server.ExecutePlan.Always((request, _) => streams
            .Select((bytes, i) => new ExecutePlanResponse
            {
                OperationId = request.OperationId, ResponseId = "b" + i,
                ArrowBatch = new() { Data = UnsafeByteOperations.UnsafeWrap(bytes) },
            })
            .Append(new ExecutePlanResponse { ResponseId = "end", ResultComplete = new() }));

    /// <summary>Answers every ExecutePlan with the given batches, one stream each.</summary>
    protected void AnswerWith(ArrowSchema schema, params RecordBatch[] batches) =>
        AnswerWithStreams(batches.Length == 0
            ? [ArrowStreamWriter.WriteToArray(schema, [])]
            : batches.Select(b => (ReadOnlyMemory<byte>)ArrowStreamWriter.WriteToArray(schema, [b])).ToArray());

    /// <summary>One batch of <paramref name="schema"/> filled by <paramref name="fill"/>.</summary>
    protected static RecordBatch Batch(ArrowSchema schema, Action<RecordBatchBuilder> fill)
    {
        var builder = new RecordBatchBuilder(schema);
        fill(builder);
        return builder.Build();
    }
}
