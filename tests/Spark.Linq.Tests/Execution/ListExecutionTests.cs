using Google.Protobuf;
using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Connect.Arrow;
using Spark.Connect.TestServer;

namespace Spark.Linq.Tests.Execution;

/// <summary>
/// <c>ToListAsync</c> materializes each batch straight into the result list: many batches (empty ones, large ones
/// spanning many HTTP/2 frames, nulls and empty strings) arrive whole and in order, and cancelling while the result
/// streams stops the call and interrupts the operation.
/// </summary>
public class ListExecutionTests
{
    private static readonly ArrowSchema Schema = new([
        new ArrowField("Id", ArrowType.Int64, nullable: false),
        new ArrowField("Name", ArrowType.Utf8),
        new ArrowField("Amount", ArrowType.Float64),
    ]);

    public sealed record Row(long Id, string? Name, double? Amount);

    private ScriptedSparkConnectServer _server = null!;
    private SparkSession _spark = null!;

    [SetUp]
    public async Task Start()
    {
        _server = await ScriptedSparkConnectServer.StartAsync();
        _server.Interrupt.Always((r, _) => new InterruptResponse { InterruptedIds = { r.OperationId } });
        _spark = SparkSession.Connect(_server.ConnectionString);
    }

    [TearDown]
    public async Task Stop()
    {
        await _spark.DisposeAsync();
        await _server.DisposeAsync();
    }

    private ISparkQueryable<Row> Rows => _spark.Table<Row>("t");

    // Every 7th name null, every 5th empty; every 3rd amount null.
    private static Row Expected(long id) =>
        new(id, id % 7 == 0 ? null : id % 5 == 0 ? "" : $"name {id} ünï", id % 3 == 0 ? null : id * 0.5);

    private static ExecutePlanResponse Batch(string operationId, int index, long first, int count)
    {
        var builder = new RecordBatchBuilder(Schema);
        for (var id = first; id < first + count; id++)
        {
            var row = Expected(id);
            builder.Column<PrimitiveBuilder<long>>(0).Append(row.Id);
            builder.Column<Utf8Builder>(1).Append(row.Name);
            if (row.Amount is { } amount) builder.Column<PrimitiveBuilder<double>>(2).Append(amount);
            else builder.Column<PrimitiveBuilder<double>>(2).AppendNull();
        }
        var batch = builder.Build();
        return new ExecutePlanResponse
        {
            OperationId = operationId, ResponseId = $"b{index}",
            ArrowBatch = new() { RowCount = batch.Length, StartOffset = first, Data = ByteString.CopyFrom(ArrowStreamWriter.WriteToArray(Schema, [batch])) },
        };
    }

    [Test]
    public async Task Many_batches_of_every_size_arrive_whole_and_in_order()
    {
        // Empty batches, single rows, and a 60,000-row batch (≈ 2 MB, far more than one HTTP/2 frame).
        int[] sizes = [0, 1, 1000, 0, 60_000, 3, .. Enumerable.Repeat(250, 40), 1];
        _server.ExecutePlan.Always((request, _) =>
        {
            long first = 0;
            var responses = new List<ExecutePlanResponse>();
            for (var i = 0; i < sizes.Length; i++)
            {
                responses.Add(Batch(request.OperationId, i, first, sizes[i]));
                first += sizes[i];
            }
            responses.Add(new ExecutePlanResponse { ResponseId = "end", ResultComplete = new() });
            return responses;
        });

        var rows = await Rows.ToListAsync();
        var array = await Rows.ToArrayAsync();

        var expected = Enumerable.Range(0, sizes.Sum()).Select(i => Expected(i)).ToList();
        Assert.That(rows, Is.EqualTo(expected));
        Assert.That(array, Is.EqualTo(expected));
    }

    [Test]
    public async Task An_empty_result_is_an_empty_list()
    {
        _server.ExecutePlan.Always((request, _) => new[] { Batch(request.OperationId, 0, 0, 0), new ExecutePlanResponse { ResponseId = "end", ResultComplete = new() } });

        Assert.That(await Rows.ToListAsync(), Is.Empty);
    }

    [Test]
    public async Task Cancelling_while_the_result_streams_stops_the_list_and_interrupts_the_operation()
    {
        var firstSent = new TaskCompletionSource();
        _server.ExecutePlan.Always((request, call) => FirstThenStall(request, call, firstSent));
        using var cts = new CancellationTokenSource();

        var list = Rows.ToListAsync(cts.Token);
        await firstSent.Task.WaitAsync(TimeSpan.FromSeconds(20));
        cts.Cancel();

        await Assert.CatchAsync<OperationCanceledException>(() => list);
        var interrupt = await _server.WaitForCallAsync("Interrupt");
        Assert.That(interrupt.RequestAs<InterruptRequest>().OperationId, Is.EqualTo(_server.RequestsOf<ExecutePlanRequest>().Single().OperationId));
    }

    [Test]
    public void A_translation_error_arrives_in_the_task()
    {
        var query = Rows.Where(r => Unsupported(r.Name) == "x");

        var task = query.ToListAsync();

        Assert.That(task.IsFaulted, Is.True, "the call returned a faulted task instead of throwing");
        Assert.ThrowsAsync<SparkTranslationException>(() => task);
        Assert.That(_server.CallsTo("ExecutePlan"), Is.Empty);
    }

    private static string? Unsupported(string? value) => value;

    private static async IAsyncEnumerable<ExecutePlanResponse> FirstThenStall(ExecutePlanRequest request, ScriptedCall call, TaskCompletionSource firstSent)
    {
        yield return Batch(request.OperationId, 0, 0, 500);
        firstSent.TrySetResult();
        await call.StallUntilCancelledAsync();
    }
}
