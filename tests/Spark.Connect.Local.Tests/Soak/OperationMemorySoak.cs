using System.Diagnostics;
using Spark.Connect.Local.Tests.Server;
using Spark.Connect.Local.Tests.Server.Operations;
using Spark.Connect.Transport;

namespace Spark.Connect.Local.Tests.Soak;

/// <summary>
/// Measures the server's memory under abandoned operations, many concurrent sessions that never release and a
/// large unreleased result (docs/reliability.md, "Local engine: operations and memory"). Explicit: run with
/// <c>dotnet test tests/Spark.Connect.Local.Tests -c Release --filter TestCategory=Soak --logger "console;verbosity=detailed"</c>.
/// Server and clients share this process, so RSS includes the clients (which keep no results).
/// </summary>
[Explicit("Soak: about a minute; run on demand (docs/reliability.md)")]
[Category("Soak")]
public sealed class OperationMemorySoak
{
    private const string Wide = "SELECT id, repeat('x', 200) AS pad FROM range(10000000)";
    private readonly List<GrpcNetClientTransport> _transports = [];

    [TearDown]
    public async Task DisposeTransports()
    {
        foreach (var transport in _transports)
            await transport.DisposeAsync();
        _transports.Clear();
    }

    [Test]
    public async Task Abandoned_operations_are_freed_after_the_detached_timeout()
    {
        // Long enough for all hundred to be alive together on a slow machine.
        var timeout = TimeSpan.FromSeconds(20);
        var server = await LocalSparkServer.StartAsync(new LocalSparkServerOptions { DetachedOperationTimeout = timeout });
        var sessions = Enumerable.Range(0, 10).Select(_ => new RawSession(Transport(server))).ToList();
        await WarmUpAsync(sessions[0]);
        var before = Snapshot("before");

        // Ten sessions abandon ten operations each, after the schema and the first batch.
        var abandoned = (await Task.WhenAll(sessions.Select(async session =>
        {
            var ids = new List<(RawSession Session, string OperationId, string LastId)>();
            for (var i = 0; i < 10; i++)
            {
                var operationId = Guid.NewGuid().ToString();
                var first = await RawSession.TakeAsync(session.Run(session.Execute(operationId, Wide)), 2);
                ids.Add((session, operationId, first[^1].ResponseId));
            }
            return ids;
        }))).SelectMany(ids => ids).ToList();
        var clock = Stopwatch.StartNew();
        var operations = Operations(server);
        var held = server.Service.Sessions.Limits.Memory.Server.Current;
        var during = Snapshot($"{operations.Count} abandoned");

        while (server.Service.Sessions.All.Any(s => !s.Operations.IsEmpty))
            await Task.Delay(50);
        var gone = clock.Elapsed;
        var after = Snapshot("after expiry");
        var refused = 0;
        foreach (var (session, operationId, lastId) in abandoned)
        {
            if (await RawSession.ErrorClassOfAsync(() => LocalServerTestBase.CollectAsync(session.Reattach(operationId, lastId))) == "INVALID_HANDLE.OPERATION_ABANDONED")
                refused++;
        }
        var survivors = operations.Count(o => o.IsAlive);
        var decommitted = Decommitted();
        await server.DisposeAsync();
        var disposed = Snapshot("server disposed");

        Report($"abandoned operations: {operations.Count} alive together holding {held / ProcessMemory.MiB:F1} MiB of responses; all removed " +
            $"{gone.TotalSeconds:F1} s after the last was abandoned (timeout {timeout.TotalSeconds} s); {refused}/100 reattaches refused as " +
            $"OPERATION_ABANDONED; {survivors} operation objects still reachable after a full GC", before, during, after, decommitted, disposed);
        Assert.That(refused, Is.EqualTo(100));
        Assert.That(survivors, Is.Zero);
    }

    [Test]
    public async Task Sixty_four_sessions_that_never_release_stay_within_the_bounds()
    {
        var server = await LocalSparkServer.StartAsync(new LocalSparkServerOptions { DetachedOperationTimeout = TimeSpan.FromSeconds(2) });
        const int rows = 200_000;
        var query = $"SELECT id, repeat('y', 100) AS pad FROM range({rows})";
        var sessions = Enumerable.Range(0, 64).Select(_ => new RawSession(Transport(server))).ToList();
        await WarmUpAsync(sessions[0]);
        var before = Snapshot("before");
        var clock = Stopwatch.StartNew();

        long[] counts;
        long peakRss;
        await using (var sampler = new ProcessMemory.PeakSampler())
        {
            counts = await Task.WhenAll(sessions.Select(s => CountRowsAsync(s.Run(s.Execute(Guid.NewGuid().ToString(), query)))));
            peakRss = sampler.Peak;
        }
        var elapsed = clock.Elapsed;
        var memory = server.Service.Sessions.Limits.Memory;
        var operations = Operations(server);
        var during = Snapshot("all read", peakRss);
        while (server.Service.Sessions.All.Any(s => !s.Operations.IsEmpty))
            await Task.Delay(50);
        var after = Snapshot("after expiry");
        var survivors = operations.Count(o => o.IsAlive);
        var left = memory.Server.Current;
        var decommitted = Decommitted();
        await server.DisposeAsync();
        var disposed = Snapshot("server disposed");

        Report($"64 sessions x {rows:N0} rows (~{counts.Length * rows * 112 / ProcessMemory.MiB:F0} MiB in all) in {elapsed.TotalSeconds:F1} s, no ReleaseExecute: " +
            $"server held at most {memory.Server.Peak / ProcessMemory.MiB:F1} MiB (bound {memory.Server.Limit / ProcessMemory.MiB:F0} MiB), " +
            $"{left / ProcessMemory.MiB:F1} MiB after expiry; {survivors} operation objects still reachable", before, during, after, decommitted, disposed);
        Assert.That(counts, Is.All.EqualTo(rows));
        Assert.That(left, Is.Zero);
        Assert.That(survivors, Is.Zero);
    }

    [Test]
    public async Task A_600_MiB_result_read_without_release_holds_only_the_replay_bound()
    {
        var server = await LocalSparkServer.StartAsync();
        var raw = new RawSession(Transport(server));
        await WarmUpAsync(raw);
        var before = Snapshot("before");
        var operationId = Guid.NewGuid().ToString();

        long count;
        long peakRss;
        await using (var sampler = new ProcessMemory.PeakSampler())
        {
            count = await CountRowsAsync(raw.Run(raw.Execute(operationId, "SELECT id, repeat('z', 620) AS pad FROM range(1000000)")));
            peakRss = sampler.Peak;
        }
        var peakHeld = PeakHeld(server, operationId);
        var operations = Operations(server);
        var during = Snapshot("read, not released", peakRss);
        await raw.Transport.UnaryCallAsync(SparkConnectMethods.ReleaseExecute, new ReleaseExecuteRequest
        {
            SessionId = raw.SessionId, UserContext = new UserContext { UserId = "tester" }, OperationId = operationId,
            ReleaseAll = new ReleaseExecuteRequest.Types.ReleaseAll(),
        }, GrpcCallOptions.Default, default);
        var after = Snapshot("after release");
        var survivors = operations.Count(o => o.IsAlive);
        var decommitted = Decommitted();
        await server.DisposeAsync();
        var disposed = Snapshot("server disposed");

        Report($"one result of {count:N0} rows (~606 MiB of Arrow), never released while read: the operation held at most " +
            $"{peakHeld / ProcessMemory.MiB:F1} MiB; {survivors} operation objects reachable after release", before, during, after, decommitted, disposed);
        Assert.That(count, Is.EqualTo(1_000_000));
        Assert.That(survivors, Is.Zero);
    }

    [Test]
    public async Task A_thousand_sessions_then_the_cap()
    {
        await using var server = await LocalSparkServer.StartAsync();
        var transport = Transport(server);
        await transport.UnaryCallAsync(SparkConnectMethods.Config, GetAll(Guid.NewGuid().ToString()), GrpcCallOptions.Default, default);
        var before = Snapshot("before");
        for (var i = 1; i < 1000; i++)
            await transport.UnaryCallAsync(SparkConnectMethods.Config, GetAll(Guid.NewGuid().ToString()), GrpcCallOptions.Default, default);
        var during = Snapshot("1,000 sessions");
        var error = await RawSession.ErrorClassOfAsync(() =>
            transport.UnaryCallAsync(SparkConnectMethods.Config, GetAll(Guid.NewGuid().ToString()), GrpcCallOptions.Default, default));

        Report($"1,000 sessions: {(during.Rss - before.Rss) / 1000.0 / 1024:F1} KiB of RSS and {(during.Managed - before.Managed) / 1000.0 / 1024:F1} KiB " +
            $"of managed heap each; the 1,001st: {error}", before, during);
        Assert.That(error, Is.EqualTo("LOCAL_ENGINE_TOO_MANY_SESSIONS"));
    }

    private static long PeakHeld(LocalSparkServer server, string operationId) =>
        server.Service.Sessions.All.Single().Operations[operationId].PeakHeldBytes;

    // Weak references only: holding the operations would keep them alive.
    private static List<WeakReference> Operations(LocalSparkServer server) =>
        server.Service.Sessions.All.SelectMany(s => s.Operations.Values).Select(o => new WeakReference(o)).ToList();

    private static ConfigRequest GetAll(string sessionId) =>
        new() { SessionId = sessionId, Operation = new ConfigRequest.Types.Operation { GetAll = new ConfigRequest.Types.GetAll() } };

    private GrpcNetClientTransport Transport(LocalSparkServer server)
    {
        var transport = new GrpcNetClientTransport(new GrpcTransportOptions { Address = new Uri($"http://127.0.0.1:{server.Port}") });
        _transports.Add(transport);
        return transport;
    }

    private static async Task WarmUpAsync(RawSession session) =>
        await CountRowsAsync(session.Run(session.Execute(Guid.NewGuid().ToString(), "SELECT id FROM range(100000)", reattachable: false)));

    private static async Task<long> CountRowsAsync(IAsyncEnumerable<ExecutePlanResponse> responses)
    {
        long rows = 0;
        await foreach (var response in responses)
            rows += response.ArrowBatch?.RowCount ?? 0;
        return rows;
    }

    private readonly record struct Figures(string Label, long Rss, long Managed, long Committed, long PeakRss);

    private static Figures Snapshot(string label, long peakRss = 0)
    {
        var managed = ProcessMemory.LiveManagedAfterFullCollection();
        return new Figures(label, ProcessMemory.Rss(), managed, GC.GetGCMemoryInfo().TotalCommittedBytes, peakRss);
    }

    // What the GC keeps committed after a full collection is returned only by later collections; an aggressive
    // one returns it now, which separates memory the server still references from memory merely not yet given back.
    private static Figures Decommitted()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return Snapshot("aggressive GC");
    }

    private static void Report(string headline, params Figures[] figures)
    {
        TestContext.Out.WriteLine(headline);
        foreach (var f in figures)
        {
            TestContext.Out.WriteLine($"  {f.Label,-20} RSS {f.Rss / ProcessMemory.MiB,6:F0} MiB   managed live {f.Managed / ProcessMemory.MiB,6:F1} MiB, " +
                $"committed {f.Committed / ProcessMemory.MiB,6:F1} MiB" +
                (f.PeakRss > 0 ? $"   peak RSS while reading {f.PeakRss / ProcessMemory.MiB:F0} MiB" : string.Empty));
        }
    }
}
