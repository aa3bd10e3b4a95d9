namespace Spark.Connect.Local.Tests.Server;

public sealed class ConcurrencyTests : LocalServerTestBase
{
    private const string EndlessQuery = "SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.id + b.id = -1";

    [Test]
    public async Task Concurrent_operations_of_one_session_take_turns_and_both_complete()
    {
        var client = NewClient();
        var first = RowsAsync(client, Sql("SELECT id AS n FROM range(20000)"));
        var second = RowsAsync(client, Sql("SELECT id * 2 AS n FROM range(15000)"));

        await Task.WhenAll(first, second);

        Assert.That((await first).Select(r => (long)r[0]!), Is.EqualTo(Enumerable.Range(0, 20000).Select(i => (long)i)));
        Assert.That((await second).Select(r => (long)r[0]!), Is.EqualTo(Enumerable.Range(0, 15000).Select(i => 2L * i)));
    }

    [Test]
    public async Task Different_sessions_run_at_the_same_time()
    {
        var slow = NewClient();
        var fast = NewClient();
        var operationId = Guid.NewGuid().ToString();
        var endless = CollectAsync(slow.ExecutePlanAsync(Sql(EndlessQuery), new ExecutePlanOptions { OperationId = operationId }));
        await WaitForOperationAsync(operationId);

        // The other session is not blocked by the running one.
        Assert.That(await RowsAsync(fast, Sql("SELECT 1 AS one")), Has.Count.EqualTo(1));

        await slow.InterruptAllAsync();
        await Assert.ThrowsAsync<SparkException>(() => endless);
    }

    [Test]
    public async Task Releasing_a_session_stops_its_running_operation()
    {
        var client = NewClient();
        var operationId = Guid.NewGuid().ToString();
        var endless = CollectAsync(client.ExecutePlanAsync(Sql(EndlessQuery), new ExecutePlanOptions { OperationId = operationId }));
        await WaitForOperationAsync(operationId);

        await client.ReleaseSessionAsync();

        var error = await Assert.ThrowsAsync<SparkException>(() => endless);
        Assert.That(error!.ErrorClass, Is.EqualTo("OPERATION_CANCELED").Or.StartsWith("INVALID_HANDLE."));
    }

    [Test]
    public async Task Disposing_the_server_ends_a_running_query_instead_of_hanging()
    {
        var client = NewClient(o => o.ReattachableExecution = false);
        var operationId = Guid.NewGuid().ToString();
        var endless = CollectAsync(client.ExecutePlanAsync(Sql(EndlessQuery), new ExecutePlanOptions { OperationId = operationId }));
        await WaitForOperationAsync(operationId);

        await Server.DisposeAsync();

        await Assert.CatchAsync<Exception>(() => endless);
    }

    [Test]
    public async Task Unsupported_analyze_requests_name_what_is_missing()
    {
        var client = NewClient();
        var error = await Assert.ThrowsAsync<SparkException>(() =>
            client.AnalyzePlanAsync(new AnalyzePlanRequest { JsonToDdl = new() { JsonString = "{}" } }));
        Assert.That(error!.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(error.Message, Does.Contain("JsonToDdl"));
    }

    private async Task WaitForOperationAsync(string operationId)
    {
        for (var i = 0; i < 500; i++)
        {
            if (Server.Service.Sessions.All.Any(s => s.Operations.ContainsKey(operationId)))
                return;
            await Task.Delay(20);
        }
        Assert.Fail($"Operation {operationId} never reached the server.");
    }
}
