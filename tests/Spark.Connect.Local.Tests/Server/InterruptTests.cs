namespace Spark.Connect.Local.Tests.Server;

public sealed class InterruptTests : LocalServerTestBase
{
    // Minutes of work for DuckDB: only an interrupt ends it within the test.
    private const string EndlessQuery = "SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.id + b.id = -1";

    [Test]
    public async Task Interrupt_all_stops_a_long_query_and_the_stream_ends_with_operation_canceled()
    {
        var client = NewClient();
        var operationId = Guid.NewGuid().ToString();
        var run = CollectAsync(client.ExecutePlanAsync(Sql(EndlessQuery), new ExecutePlanOptions { OperationId = operationId }));
        await WaitForOperationAsync(operationId);

        var interrupted = await client.InterruptAllAsync();

        Assert.That(interrupted, Does.Contain(operationId));
        var error = await Assert.ThrowsAsync<SparkException>(() => run);
        Assert.That(error!.ErrorClass, Is.EqualTo("OPERATION_CANCELED"));
    }

    [Test]
    public async Task Interrupt_by_tag_stops_only_tagged_operations()
    {
        var client = NewClient();
        var operationId = Guid.NewGuid().ToString();
        var run = CollectAsync(client.ExecutePlanAsync(Sql(EndlessQuery), new ExecutePlanOptions { OperationId = operationId, Tags = ["slow"] }));
        await WaitForOperationAsync(operationId);

        Assert.That(await client.InterruptTagAsync("other"), Is.Empty);
        Assert.That(await client.InterruptTagAsync("slow"), Is.EqualTo(new[] { operationId }));
        var error = await Assert.ThrowsAsync<SparkException>(() => run);
        Assert.That(error!.ErrorClass, Is.EqualTo("OPERATION_CANCELED"));
    }

    [Test]
    public async Task Interrupt_by_operation_id_and_the_session_keeps_working()
    {
        var client = NewClient();
        var operationId = Guid.NewGuid().ToString();
        var run = CollectAsync(client.ExecutePlanAsync(Sql(EndlessQuery), new ExecutePlanOptions { OperationId = operationId }));
        await WaitForOperationAsync(operationId);

        Assert.That(await client.InterruptOperationAsync(operationId), Is.EqualTo(new[] { operationId }));
        await Assert.ThrowsAsync<SparkException>(() => run);
        Assert.That(await RowsAsync(client, Sql("SELECT 5 AS five")), Is.EqualTo(new[] { new object?[] { 5 } }));
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
