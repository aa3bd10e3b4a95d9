using Spark.Connect.Arrow;
using Spark.Linq.Testing;

namespace Spark.Connect.Local.Tests.Server;

public sealed class ExecutePlanTests : LocalServerTestBase
{
    [Test]
    public async Task Sql_returns_rows_with_spark_types()
    {
        var client = NewClient();
        var responses = await CollectAsync(client.ExecutePlanAsync(Sql(
            "SELECT 7::INTEGER AS i, 'x' AS s, 2.5::DOUBLE AS d, DATE '2024-01-02' AS dt, 12.34::DECIMAL(10,2) AS m, NULL::BIGINT AS n")));

        var schema = SchemaOf(responses);
        Assert.That(schema.Fields.Select(f => f.Name), Is.EqualTo(new[] { "i", "s", "d", "dt", "m", "n" }));
        Assert.That(schema.Fields.Select(f => f.Type), Is.EqualTo(new[]
        {
            ArrowType.Int32, ArrowType.Utf8, ArrowType.Float64, ArrowType.Date32, ArrowType.Decimal128(10, 2), ArrowType.Int64,
        }));
        Assert.That(Rows(responses).Single(), Is.EqualTo(new object?[] { 7, "x", 2.5, new DateOnly(2024, 1, 2), 12.34m, null }));
    }

    [Test]
    public async Task Every_response_carries_the_session_and_operation_and_the_last_is_result_complete()
    {
        var client = NewClient();
        var operationId = Guid.NewGuid().ToString();
        var responses = await CollectAsync(client.ExecutePlanAsync(Sql("SELECT 1 AS one"), new ExecutePlanOptions { OperationId = operationId }));

        Assert.That(responses[^1].ResponseTypeCase, Is.EqualTo(ExecutePlanResponse.ResponseTypeOneofCase.ResultComplete));
        Assert.That(responses.Select(r => r.OperationId), Is.All.EqualTo(operationId));
        Assert.That(responses.Select(r => r.SessionId), Is.All.EqualTo(client.SessionId));
        Assert.That(responses.Select(r => r.ServerSideSessionId), Is.All.EqualTo(client.ServerSideSessionId).And.All.Not.Empty);
        Assert.That(responses.Select(r => r.ResponseId).Distinct().Count(), Is.EqualTo(responses.Count));
    }

    [Test]
    public async Task Big_result_streams_in_many_bounded_batches_without_losing_rows()
    {
        var client = NewClient();
        var responses = await CollectAsync(client.ExecutePlanAsync(Sql("SELECT id AS id FROM range(25000)")));

        var batches = responses.Where(r => r.ArrowBatch is not null).ToList();
        Assert.That(batches, Has.Count.GreaterThanOrEqualTo(25));
        Assert.That(batches.Select(b => b.ArrowBatch.RowCount), Is.All.LessThanOrEqualTo(1000));
        var ids = Rows(responses).Select(r => (long)r[0]!).ToList();
        Assert.That(ids, Is.EqualTo(Enumerable.Range(0, 25000).Select(i => (long)i)));
    }

    [Test]
    public async Task Empty_result_still_sends_one_schema_only_batch()
    {
        var client = NewClient();
        var responses = await CollectAsync(client.ExecutePlanAsync(Sql("SELECT 1::INTEGER AS x WHERE false")));

        var batch = responses.Single(r => r.ArrowBatch is not null);
        Assert.That(batch.ArrowBatch.RowCount, Is.Zero);
        Assert.That(SchemaOf(responses).Fields.Single().Name, Is.EqualTo("x"));
    }

    [Test]
    public async Task Named_table_reads_a_table_created_from_objects()
    {
        Server.CreateTable("people", new[] { new Person("Ann", 31), new Person("Bob", 42) });
        var client = NewClient();

        var rows = await RowsAsync(client, Table("people"));

        Assert.That(rows, Is.EqualTo(new[] { new object?[] { "Ann", 31 }, new object?[] { "Bob", 42 } }));
    }

    [Test]
    public async Task Non_reattachable_execution_works_and_leaves_no_operation_behind()
    {
        var client = NewClient(o => o.ReattachableExecution = false);
        var rows = await RowsAsync(client, Sql("SELECT id FROM range(3000)"));

        Assert.That(rows, Has.Count.EqualTo(3000));
        var session = Server.Service.Sessions.All.Single();
        Assert.That(session.Operations, Is.Empty);
    }

    [Test]
    public async Task A_duplicate_operation_id_is_rejected()
    {
        var client = NewClient();
        var operationId = Guid.NewGuid().ToString();
        await using var first = client.ExecutePlanAsync(Sql("SELECT id FROM range(100000)"), new ExecutePlanOptions { OperationId = operationId })
            .GetAsyncEnumerator();
        Assert.That(await first.MoveNextAsync(), Is.True);

        var error = await Assert.ThrowsAsync<SparkException>(async () =>
            await CollectAsync(client.ExecutePlanAsync(Sql("SELECT 1"), new ExecutePlanOptions { OperationId = operationId, Reattachable = false })));
        Assert.That(error!.ErrorClass, Is.EqualTo("INVALID_HANDLE.OPERATION_ALREADY_EXISTS"));
    }

    [Test]
    public async Task An_operation_id_that_is_not_a_uuid_is_rejected()
    {
        var client = NewClient(o => o.ReattachableExecution = false);
        var error = await Assert.ThrowsAsync<SparkException>(async () =>
            await CollectAsync(client.ExecutePlanAsync(Sql("SELECT 1"), new ExecutePlanOptions { OperationId = "not-a-uuid" })));
        Assert.That(error!.ErrorClass, Is.EqualTo("INVALID_HANDLE.FORMAT"));
    }

    [Test]
    public async Task Only_a_reattachable_execution_ends_with_result_complete_as_in_spark()
    {
        var client = NewClient();
        var plan = Sql("SELECT 1 AS x");

        var reattachable = await CollectAsync(client.ExecutePlanAsync(plan, new ExecutePlanOptions { Reattachable = true }));
        var plain = await CollectAsync(client.ExecutePlanAsync(plan, new ExecutePlanOptions { Reattachable = false }));

        Assert.That(reattachable[^1].ResponseTypeCase, Is.EqualTo(ExecutePlanResponse.ResponseTypeOneofCase.ResultComplete));
        Assert.That(plain.Select(r => r.ResponseTypeCase), Does.Not.Contain(ExecutePlanResponse.ResponseTypeOneofCase.ResultComplete));
        Assert.That(Rows(plain), Is.EqualTo(Rows(reattachable)));
    }

    [Test]
    public async Task Commands_it_does_not_run_are_unsupported_with_a_clear_class()
    {
        var client = NewClient();
        var plan = new Plan { Command = new Command { CheckpointCommand = new CheckpointCommand { Relation = Sql("SELECT 1").Root } } };

        var error = await Assert.ThrowsAsync<SparkException>(async () => await CollectAsync(client.ExecutePlanAsync(plan)));

        Assert.That(error!.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(error.Message, Does.Contain("CheckpointCommand"));
    }

    [Test]
    public async Task A_request_without_a_plan_is_unsupported_not_a_crash()
    {
        var transport = NewTransport();
        var error = await Assert.ThrowsAsync<Spark.Connect.Transport.GrpcException>(() => CollectAsync(transport.ServerStreamingCallAsync(
            Spark.Connect.Transport.SparkConnectMethods.ExecutePlan, new ExecutePlanRequest { SessionId = Guid.NewGuid().ToString() },
            Spark.Connect.Transport.GrpcCallOptions.Default, default)));
        Assert.That(ReattachTests.ErrorClassOf(error!), Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    [Test]
    public async Task Sessions_do_not_see_each_others_temporary_views()
    {
        var first = NewClient();
        var second = NewClient();
        await CollectAsync(first.ExecutePlanAsync(SqlCommandTests.SqlCommand("CREATE TEMP VIEW mine AS SELECT 42 AS answer")));

        Assert.That(await RowsAsync(first, Sql("SELECT answer FROM mine")), Is.EqualTo(new[] { new object?[] { 42 } }));
        var error = await Assert.ThrowsAsync<SparkException>(async () => await RowsAsync(second, Sql("SELECT answer FROM mine")));
        Assert.That(error!.ErrorClass, Is.EqualTo("TABLE_OR_VIEW_NOT_FOUND"));
        Assert.That(error.SqlState, Is.EqualTo("42P01"));
    }

    private sealed record Person(string Name, int Age);
}
