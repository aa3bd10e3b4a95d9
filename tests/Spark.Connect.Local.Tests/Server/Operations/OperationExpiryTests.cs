using System.Diagnostics;

namespace Spark.Connect.Local.Tests.Server.Operations;

/// <summary>Operations no RPC reads for the detached timeout are removed, as Spark's execution manager removes them.</summary>
public sealed class OperationExpiryTests : LocalServerTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    protected override LocalSparkServerOptions CreateOptions() => new() { MaxRowsPerBatch = 1000, DetachedOperationTimeout = Timeout };

    [Test]
    public async Task Abandoned_reattachable_operations_expire_and_their_ids_are_then_abandoned()
    {
        var raw = new RawSession(NewTransport());
        var operationIds = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid().ToString()).ToList();
        var firsts = new List<ExecutePlanResponse>();
        foreach (var operationId in operationIds)
            firsts.AddRange(await RawSession.TakeAsync(raw.Run(raw.Execute(operationId, "SELECT id, repeat('x', 200) AS pad FROM range(1000000)")), 1));
        var session = Server.Service.Sessions.All.Single();

        await WaitUntilAsync(() => session.Operations.IsEmpty, TimeSpan.FromSeconds(10));

        foreach (var (operationId, first) in operationIds.Zip(firsts))
        {
            Assert.That(await RawSession.ErrorClassOfAsync(() => CollectAsync(raw.Reattach(operationId, first.ResponseId))),
                Is.EqualTo("INVALID_HANDLE.OPERATION_ABANDONED"));
        }
        // A retried ExecutePlan with the same id must not run the plan a second time.
        Assert.That(await RawSession.ErrorClassOfAsync(() => CollectAsync(raw.Run(raw.Execute(operationIds[0], "SELECT 1")))),
            Is.EqualTo("INVALID_HANDLE.OPERATION_ABANDONED"));
        Assert.That(session.HeldBytes.Current, Is.Zero);
        Assert.That(Server.Service.Sessions.Limits.Memory.Server.Current, Is.Zero);
    }

    [Test]
    public async Task An_operation_being_read_never_expires_however_slowly_it_is_read()
    {
        var raw = new RawSession(NewTransport());
        var operationId = Guid.NewGuid().ToString();
        // About 35 MB: more than HTTP/2 flow control lets the server write ahead, so its stream stays open.
        await using var reading = raw.Run(raw.Execute(operationId, "SELECT id, repeat('x', 100) AS pad FROM range(300000)")).GetAsyncEnumerator();
        var rows = 0L;
        var last = -1L;
        Assert.That(await reading.MoveNextAsync(), Is.True);

        // Several timeouts pass while the stream stays open but unread.
        await Task.Delay(Timeout * 4);
        var operation = Server.Service.Sessions.All.Single().Operations[operationId];
        Assert.That(operation.Readers.IsAttached, Is.True);
        Assert.That(Server.Service.Sessions.EndDetachedOperations(), Is.Zero);
        ExecutePlanResponse? final = null;
        while (await reading.MoveNextAsync())
        {
            final = reading.Current;
            foreach (var row in Rows([final]))
            {
                Assert.That((long)row[0]!, Is.EqualTo(last + 1));
                last = (long)row[0]!;
                rows++;
            }
        }

        Assert.That(final?.ResultComplete, Is.Not.Null);
        Assert.That(rows, Is.EqualTo(300_000));
    }

    [Test]
    public async Task A_finished_operation_the_client_never_releases_expires_too()
    {
        var raw = new RawSession(NewTransport());
        var operationId = Guid.NewGuid().ToString();
        var all = await CollectAsync(raw.Run(raw.Execute(operationId, "SELECT id FROM range(5000)")));
        Assert.That(all[^1].ResultComplete, Is.Not.Null);

        var session = Server.Service.Sessions.All.Single();
        await WaitUntilAsync(() => session.Operations.IsEmpty, TimeSpan.FromSeconds(10));

        Assert.That(await RawSession.ErrorClassOfAsync(() => CollectAsync(raw.Reattach(operationId, all[^2].ResponseId))),
            Is.EqualTo("INVALID_HANDLE.OPERATION_ABANDONED"));
        Assert.That(session.HeldBytes.Current, Is.Zero);
    }

    [Test]
    public async Task A_session_whose_operations_expired_can_end_when_idle()
    {
        var raw = new RawSession(NewTransport());
        await RawSession.TakeAsync(raw.Run(raw.Execute(Guid.NewGuid().ToString(), "SELECT id FROM range(1000000)")), 1);
        var registry = Server.Service.Sessions;
        var session = registry.All.Single();
        Assert.That(session.HasRunningOperation, Is.True, "the abandoned operation is unfinished");

        await WaitUntilAsync(() => session.Operations.IsEmpty, TimeSpan.FromSeconds(10));

        Assert.That(registry.EndIdleSessions(DateTimeOffset.UtcNow + TimeSpan.FromHours(2), TimeSpan.FromHours(1)), Is.EqualTo(1));
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
                Assert.Fail($"Not reached within {limit}.");
            await Task.Delay(20);
        }
    }
}
