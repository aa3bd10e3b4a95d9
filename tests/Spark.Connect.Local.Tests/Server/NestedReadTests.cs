using Spark.Connect.Local.Service;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>A query run while an earlier result of the same session is still being read (the N+1 pattern).</summary>
public sealed class NestedReadTests : LocalServerTestBase
{
    [Test]
    public async Task A_query_runs_while_another_result_of_the_session_is_half_read()
    {
        var client = NewClient();
        await using var outer = client.ExecutePlanAsync(Sql("SELECT id AS n FROM range(50000)")).GetAsyncEnumerator();
        Assert.That(await outer.MoveNextAsync(), Is.True);
        var read = new List<ExecutePlanResponse> { outer.Current };

        var inner = await RowsAsync(client, Sql("SELECT 40 + 2 AS answer")).WaitAsync(TimeSpan.FromSeconds(60));
        var schema = await client.SchemaAsync(Sql("SELECT 'x' AS s")).WaitAsync(TimeSpan.FromSeconds(60));

        while (await outer.MoveNextAsync())
            read.Add(outer.Current);
        Assert.That(inner.Single()[0], Is.EqualTo(42));
        Assert.That(schema.Struct.Fields.Single().Name, Is.EqualTo("s"));
        Assert.That(Rows(read).Select(r => (long)r[0]!), Is.EqualTo(Enumerable.Range(0, 50000).Select(i => (long)i)));
    }

    [Test]
    public async Task A_nested_query_on_a_side_connection_can_be_interrupted()
    {
        var client = NewClient();
        await using var outer = client.ExecutePlanAsync(Sql("SELECT id AS n FROM range(50000)")).GetAsyncEnumerator();
        Assert.That(await outer.MoveNextAsync(), Is.True);
        var operationId = Guid.NewGuid().ToString();
        var endless = CollectAsync(client.ExecutePlanAsync(
            Sql("SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.id + b.id = -1"),
            new ExecutePlanOptions { OperationId = operationId }));
        while (!Server.Service.Sessions.All.Single().Operations.ContainsKey(operationId))
            await Task.Delay(20);

        Assert.That(await client.InterruptOperationAsync(operationId), Is.EqualTo(new[] { operationId }));

        var error = await Assert.ThrowsAsync<SparkException>(() => endless.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.That(error!.ErrorClass, Is.EqualTo("OPERATION_CANCELED"));
    }

    [Test]
    public async Task Sessions_with_temporary_state_keep_every_statement_on_their_own_connection()
    {
        var client = NewClient();
        await client.GetAllConfigAsync();
        var session = Server.Service.Sessions.All.Single();
        using (var side = session.TryOpenSideConnection())
            Assert.That(side, Is.Not.Null, "no temporary state yet");

        await LoadLocalDataAsync(client);

        Assert.That(session.TryOpenSideConnection(), Is.Null);
    }

    /// <summary>
    /// Gives the session temporary state (a temporary table of local data): SET's rows come back as local data, which
    /// collecting loads into the session's connection.
    /// </summary>
    internal static async Task LoadLocalDataAsync(SparkConnectClient client)
    {
        var local = (await CollectAsync(client.ExecutePlanAsync(SqlCommandTests.SqlCommand("SET spark.local.test = x"))))[0].SqlCommandResult.Relation;
        await CollectAsync(client.ExecutePlanAsync(new Plan { Root = local }));
    }

    [Test]
    public void A_side_connection_refuses_local_data_even_when_the_signal_is_wrapped()
    {
        using var database = Spark.Connect.Local.DuckDb.DuckDbDatabase.Open();
        using var side = new SideConnection(database.Connect(), new NoViews());

        var signal = Assert.Throws<NeedsSessionConnectionException>(() => side.LoadLocalRelation(new LocalRelation()));

        Assert.That(NeedsSessionConnectionException.IsIn(new InvalidOperationException("planner", signal)), Is.True);
        Assert.That(NeedsSessionConnectionException.IsIn(new InvalidOperationException("other")), Is.False);
    }

    [TestCase("SELECT 1", true)]
    [TestCase("  (SELECT 1) UNION (SELECT 2)", true)]
    [TestCase("from range(3)", true)]
    [TestCase("CREATE TEMP TABLE t AS SELECT 1", false)]
    [TestCase("WITH x AS (SELECT 1) SELECT * FROM x", false)]
    [TestCase("SET TimeZone = 'UTC'", false)]
    public void Only_plain_queries_count_as_read_only(string sql, bool readOnly) =>
        Assert.That(SideConnection.IsReadOnly(sql), Is.EqualTo(readOnly));

    private sealed class NoViews : Spark.Connect.Local.Planning.IPlanningSession
    {
        public Spark.Connect.Local.DuckDb.DuckDbConnection Connection => throw new NotSupportedException();
        public string LoadLocalRelation(LocalRelation relation) => throw new NotSupportedException();
        public Relation? FindView(IReadOnlyList<string> nameParts) => null;
    }
}
