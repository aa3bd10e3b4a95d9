using Google.Protobuf;
using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Connect.Arrow;
using Spark.Connect.TestServer;

namespace Spark.Linq.Tests.Execution;

/// <summary>Queries run end to end against the scripted Spark Connect server: plan out, Arrow in, objects back.</summary>
public class ExecutionTests
{
    private static readonly ArrowSchema OrderSchema = new([
        new ArrowField("Id", ArrowType.Int64, nullable: false),
        new ArrowField("Region", ArrowType.Utf8),
        new ArrowField("Amount", ArrowType.Float64, nullable: false),
    ]);

    private ScriptedSparkConnectServer _server = null!;
    private SparkSession _spark = null!;

    public sealed record Row(long Id, string? Region, double Amount);

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

    private ISparkQueryable<Row> Rows => _spark.Table<Row>("sales.orders");

    /// <summary>Answers every ExecutePlan with <paramref name="batches"/> (one response each), then result_complete.</summary>
    private void Answer(ArrowSchema schema, params Action<RecordBatchBuilder>[] batches) =>
        _server.ExecutePlan.Always((request, _) => batches
            .Select((fill, i) =>
            {
                var builder = new RecordBatchBuilder(schema);
                fill(builder);
                var batch = builder.Build();
                return new ExecutePlanResponse
                {
                    OperationId = request.OperationId, ResponseId = "b" + i,
                    ArrowBatch = new() { RowCount = batch.Length, Data = ByteString.CopyFrom(ArrowStreamWriter.WriteToArray(schema, [batch])) },
                };
            })
            .Append(new ExecutePlanResponse { ResponseId = "end", ResultComplete = new() }));

    private static Action<RecordBatchBuilder> Orders(params (long Id, string? Region, double Amount)[] rows) => builder =>
    {
        foreach (var (id, region, amount) in rows)
        {
            builder.Column<PrimitiveBuilder<long>>(0).Append(id);
            builder.Column<Utf8Builder>(1).Append(region);
            builder.Column<PrimitiveBuilder<double>>(2).Append(amount);
        }
    };

    private static Action<RecordBatchBuilder> Scalar<T>(T value) where T : unmanaged => b => b.Column<PrimitiveBuilder<T>>(0).Append(value);

    [Test]
    public async Task ToListAsync_sends_the_translated_plan_and_binds_every_batch()
    {
        Answer(OrderSchema, Orders((1, "EMEA", 10), (2, null, 20)), Orders((3, "APAC", 30)));

        var rows = await Rows.Where(o => o.Amount > 5).ToListAsync();

        Assert.That(rows, Is.EqualTo(new[] { new Row(1, "EMEA", 10), new Row(2, null, 20), new Row(3, "APAC", 30) }));
        var sent = _server.RequestsOf<ExecutePlanRequest>().Single().Plan.Root;
        Assert.That(sent, Is.EqualTo(Rows.Where(o => o.Amount > 5).ToRelation()));
    }

    [Test]
    public async Task Rows_stream_batch_by_batch_and_sync_enumeration_works_too()
    {
        Answer(OrderSchema, Orders((1, "a", 1)), Orders((2, "b", 2)), Orders());

        var streamed = new List<long>();
        await foreach (var row in Rows.AsAsyncEnumerable()) streamed.Add(row.Id);
        var synchronous = Rows.Select(r => r).ToList();

        Assert.That(streamed, Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(synchronous.Select(r => r.Id), Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public async Task Terminal_operators_read_their_single_result()
    {
        var countSchema = new ArrowSchema([new ArrowField("count", ArrowType.Int64, nullable: false)]);
        Answer(countSchema, Scalar(42L));

        Assert.That(await Rows.LongCountAsync(o => o.Amount > 1), Is.EqualTo(42));
        Assert.That(Rows.LongCount(), Is.EqualTo(42));
        Assert.That(_server.RequestsOf<ExecutePlanRequest>().First().Plan.Root.Aggregate, Is.Not.Null);
    }

    [Test]
    public async Task First_and_single_fail_like_linq_on_empty_or_ambiguous_results()
    {
        Answer(OrderSchema, Orders());
        var empty = Assert.ThrowsAsync<InvalidOperationException>(() => Rows.FirstAsync());
        Assert.That((await empty)!.Message, Is.EqualTo("Sequence contains no elements"));
        Assert.That(await Rows.FirstOrDefaultAsync(), Is.Null);

        Answer(OrderSchema, Orders((1, "a", 1), (2, "b", 2)));
        var two = await Assert.ThrowsAsync<InvalidOperationException>(() => Rows.SingleAsync());
        Assert.That(two!.Message, Is.EqualTo("Sequence contains more than one element"));
        Assert.That((await Rows.FirstAsync()).Id, Is.EqualTo(1));
    }

    [Test]
    public async Task Min_of_nothing_throws_for_non_nullable_results_and_is_null_for_nullable_ones()
    {
        var nullSchema = new ArrowSchema([new ArrowField("min", ArrowType.Float64)]);
        Answer(nullSchema, b => b.Column<PrimitiveBuilder<double>>(0).AppendNull());

        await Assert.ThrowsAsync<InvalidOperationException>(() => Rows.MinAsync(o => o.Amount));
        Assert.That(await Rows.MinAsync(o => (double?)o.Amount), Is.Null);
    }

    [Test]
    public async Task Cancelling_a_stream_interrupts_the_operation_on_the_server()
    {
        _server.ExecutePlan.Always((request, call) => Stall(request, call));
        using var cts = new CancellationTokenSource();

        await Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Rows.AsAsyncEnumerable().WithCancellation(cts.Token)) cts.Cancel();
        });

        var interrupt = await _server.WaitForCallAsync("Interrupt");
        Assert.That(interrupt.RequestAs<InterruptRequest>().OperationId, Is.EqualTo(_server.RequestsOf<ExecutePlanRequest>().Single().OperationId));
    }

    [Test]
    public async Task Cancelling_in_the_middle_of_a_batch_stops_at_the_next_row()
    {
        Answer(OrderSchema, Orders(Enumerable.Range(1, 50).Select(i => ((long)i, (string?)"r", (double)i)).ToArray()));
        using var cts = new CancellationTokenSource();
        var seen = 0;

        await Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Rows.AsAsyncEnumerable().WithCancellation(cts.Token))
                if (++seen == 3) cts.Cancel();
        });

        Assert.That(seen, Is.EqualTo(3), "rows handed out after cancellation");
    }

    [Test]
    public async Task Execution_progress_is_reported()
    {
        _server.ExecutePlan.Always((request, _) => new[]
        {
            new ExecutePlanResponse { ResponseId = "p", ExecutionProgress = new() { NumInflightTasks = 3, Stages = { new ExecutePlanResponse.Types.ExecutionProgress.Types.StageInfo { StageId = 1, NumTasks = 8, NumCompletedTasks = 5, InputBytesRead = 1024 } } } },
            new ExecutePlanResponse { ResponseId = "end", ResultComplete = new() },
        });
        var reports = new List<SparkProgress>();
        var progress = new SynchronousProgress(reports.Add);

        await foreach (var _ in Rows.AsAsyncEnumerable(progress)) { }

        var report = reports.Single();
        Assert.That((report.TotalTasks, report.CompletedTasks, report.BytesRead, report.InflightTasks), Is.EqualTo((8L, 5L, 1024L, 3L)));
    }

    [Test]
    public async Task Schema_and_explain_ask_the_server_without_running_the_query()
    {
        _server.AnalyzePlan.Always((r, _) => r.AnalyzeCase == AnalyzePlanRequest.AnalyzeOneofCase.Schema
            ? new AnalyzePlanResponse { Schema = new() { Schema_ = new DataType { Struct = new() { Fields = { new DataType.Types.StructField { Name = "Id", DataType = new DataType { Long = new() } } } } } } }
            : new AnalyzePlanResponse { Explain = new() { ExplainString = "== Physical Plan ==" } });

        var schema = await Rows.SchemaAsync();
        var explain = await Rows.ExplainAsync();

        Assert.That(schema.Struct.Fields.Single().Name, Is.EqualTo("Id"));
        Assert.That(explain, Does.StartWith("== Physical Plan =="));
        Assert.That(_server.CallsTo("ExecutePlan"), Is.Empty);
    }

    private static async IAsyncEnumerable<ExecutePlanResponse> Stall(ExecutePlanRequest request, ScriptedCall call)
    {
        var builder = new RecordBatchBuilder(OrderSchema);
        Orders((1, "a", 1))(builder);
        var batch = builder.Build();
        yield return new ExecutePlanResponse { OperationId = request.OperationId, ResponseId = "b0", ArrowBatch = new() { RowCount = 1, Data = ByteString.CopyFrom(ArrowStreamWriter.WriteToArray(OrderSchema, [batch])) } };
        await call.StallUntilCancelledAsync();
    }

    private sealed class SynchronousProgress(Action<SparkProgress> report) : IProgress<SparkProgress>
    {
        public void Report(SparkProgress value) => report(value);
    }
}
