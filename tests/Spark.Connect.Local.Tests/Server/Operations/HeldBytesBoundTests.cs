namespace Spark.Connect.Local.Tests.Server.Operations;

/// <summary>
/// The responses all operations of a session, and of the server, hold together stay within the configured
/// bounds (plus the response each concurrent producer is making), while every client still gets its whole result.
/// </summary>
public sealed class HeldBytesBoundTests : LocalServerTestBase
{
    private const long Bound = 256 * 1024;
    private const int RowCount = 60_000;
    private const string Query = "SELECT id, repeat('y', 100) AS pad FROM range(60000)";

    // The replay bound is left at its default (32 MiB): only the session and server bounds hold the operations down.
    protected override LocalSparkServerOptions CreateOptions() =>
        new() { MaxRowsPerBatch = 1000, SessionBufferBytes = Bound, ServerBufferBytes = 2 * Bound };

    [Test]
    public async Task Concurrent_operations_of_one_session_hold_at_most_the_session_bound_and_all_complete()
    {
        var raw = new RawSession(NewTransport());
        var reads = Enumerable.Range(0, 3).Select(_ => CollectAsync(raw.Run(raw.Execute(Guid.NewGuid().ToString(), Query)))).ToList();

        var results = await Task.WhenAll(reads);

        var largest = results.SelectMany(r => r).Max(r => (long)r.CalculateSize());
        foreach (var responses in results)
            AssertWholeResult(responses);
        var session = Server.Service.Sessions.All.Single();
        Assert.That(results.Sum(r => r.Sum(x => (long)x.CalculateSize())), Is.GreaterThan(10 * Bound));
        Assert.That(session.HeldBytes.Peak, Is.LessThanOrEqualTo(Bound + results.Length * largest));
        // At rest (nothing produced any more) the count is back within the bound, give or take each last response.
        Assert.That(session.HeldBytes.Current, Is.LessThanOrEqualTo(Bound + largest));
    }

    [Test]
    public async Task Operations_of_many_sessions_hold_at_most_the_server_bound_and_all_complete()
    {
        var sessions = Enumerable.Range(0, 4).Select(_ => new RawSession(NewTransport())).ToList();
        var reads = sessions.Select(raw => CollectAsync(raw.Run(raw.Execute(Guid.NewGuid().ToString(), Query)))).ToList();

        var results = await Task.WhenAll(reads);

        var largest = results.SelectMany(r => r).Max(r => (long)r.CalculateSize());
        foreach (var responses in results)
            AssertWholeResult(responses);
        var server = Server.Service.Sessions.Limits.Memory.Server;
        Assert.That(server.Peak, Is.LessThanOrEqualTo(2 * Bound + results.Length * largest));
        Assert.That(server.Current, Is.LessThanOrEqualTo(2 * Bound + largest));
    }

    [Test]
    public async Task Released_operations_give_their_bytes_back()
    {
        var client = NewClient();
        var rows = await RowsAsync(client, Sql(Query));

        Assert.That(rows, Has.Count.EqualTo(RowCount));
        Assert.That(Server.Service.Sessions.All.Single().Operations, Is.Empty);
        Assert.That(Server.Service.Sessions.Limits.Memory.Server.Current, Is.Zero);
    }

    private static void AssertWholeResult(List<ExecutePlanResponse> responses)
    {
        Assert.That(responses[^1].ResultComplete, Is.Not.Null);
        var rows = Rows(responses);
        Assert.That(rows.Select(r => (long)r[0]!), Is.EqualTo(Enumerable.Range(0, RowCount).Select(i => (long)i)));
        Assert.That(rows.All(r => ((string)r[1]!).Length == 100), Is.True);
    }
}
