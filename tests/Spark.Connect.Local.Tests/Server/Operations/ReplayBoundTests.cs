namespace Spark.Connect.Local.Tests.Server.Operations;

/// <summary>
/// A reattachable operation keeps its handed-out responses only up to the replay bound, whether or not the
/// client releases them, as Spark's observerRetryBufferSize; a reattach before that gets POSITION_NOT_AVAILABLE.
/// </summary>
public sealed class ReplayBoundTests : LocalServerTestBase
{
    private const long ReplayBytes = 256 * 1024;
    private const int RowCount = 200_000;
    // About 22 MB in all: close to a hundred times the replay bound.
    private const string LargeQuery = "SELECT id, repeat(CAST(id % 9 AS STRING), 100) AS pad FROM range(200000)";

    protected override LocalSparkServerOptions CreateOptions() =>
        new() { MaxRowsPerBatch = 1000, ReplayBufferBytes = ReplayBytes };

    [Test]
    public async Task A_client_that_never_releases_gets_the_whole_result_while_the_operation_holds_at_most_the_replay_bound()
    {
        var raw = new RawSession(NewTransport());
        var operationId = Guid.NewGuid().ToString();

        var responses = await CollectAsync(raw.Run(raw.Execute(operationId, LargeQuery)));

        AssertWholeResult(responses);
        var operation = Server.Service.Sessions.All.Single().Operations[operationId];
        var largest = responses.Max(r => (long)r.CalculateSize());
        var total = responses.Sum(r => (long)r.CalculateSize());
        Assert.That(total, Is.GreaterThan(50 * ReplayBytes), "the result must dwarf the bound for the test to mean anything");
        Assert.That(operation.PeakHeldBytes, Is.LessThanOrEqualTo(ReplayBytes + largest));
        Assert.That(Server.Service.Sessions.Limits.Memory.Server.Peak, Is.LessThanOrEqualTo(ReplayBytes + largest));
    }

    [Test]
    public async Task Reattaching_before_a_dropped_response_is_position_not_available()
    {
        var raw = new RawSession(NewTransport());
        var operationId = Guid.NewGuid().ToString();
        var responses = await CollectAsync(raw.Run(raw.Execute(operationId, LargeQuery)));

        Assert.That(await RawSession.ErrorClassOfAsync(() => CollectAsync(raw.Reattach(operationId, responses[1].ResponseId))),
            Is.EqualTo("INVALID_CURSOR.POSITION_NOT_AVAILABLE"));
        Assert.That(await RawSession.ErrorClassOfAsync(() => CollectAsync(raw.Reattach(operationId, lastResponseId: null))),
            Is.EqualTo("INVALID_CURSOR.POSITION_NOT_AVAILABLE"));
    }

    [Test]
    public async Task Reattaching_within_the_replay_bound_resends_the_same_responses()
    {
        var raw = new RawSession(NewTransport());
        var operationId = Guid.NewGuid().ToString();
        var responses = await CollectAsync(raw.Run(raw.Execute(operationId, LargeQuery)));

        // The last batch fits in the bound: a client that lost them in flight gets them again, unchanged.
        var resent = await CollectAsync(raw.Reattach(operationId, responses[^3].ResponseId));

        Assert.That(resent.Select(r => r.ResponseId), Is.EqualTo(responses.TakeLast(2).Select(r => r.ResponseId)));
        Assert.That(resent, Is.EqualTo(responses.TakeLast(2)));
        Assert.That(resent[0].ArrowBatch.RowCount, Is.GreaterThan(0));
    }

    [Test]
    public async Task An_unknown_response_id_is_position_not_found()
    {
        var raw = new RawSession(NewTransport());
        var operationId = Guid.NewGuid().ToString();
        var first = await RawSession.TakeAsync(raw.Run(raw.Execute(operationId, LargeQuery)), 2);
        var other = await CollectAsync(raw.Run(raw.Execute(Guid.NewGuid().ToString(), "SELECT 1 AS x")));

        Assert.That(await RawSession.ErrorClassOfAsync(() => CollectAsync(raw.Reattach(operationId, other[0].ResponseId))),
            Is.EqualTo("INVALID_CURSOR.POSITION_NOT_FOUND"));
        Assert.That(await RawSession.ErrorClassOfAsync(() => CollectAsync(raw.Reattach(operationId, Guid.NewGuid().ToString()))),
            Is.EqualTo("INVALID_CURSOR.POSITION_NOT_FOUND"));
        var rest = await CollectAsync(raw.Reattach(operationId, first[^1].ResponseId));
        AssertWholeResult(first.Concat(rest).ToList());
    }

    [Test]
    public async Task Reattaching_to_an_operation_that_is_not_reattachable_is_not_reattachable()
    {
        var raw = new RawSession(NewTransport());
        var operationId = Guid.NewGuid().ToString();
        await using var reading = raw.Run(raw.Execute(operationId, LargeQuery, reattachable: false)).GetAsyncEnumerator();
        Assert.That(await reading.MoveNextAsync(), Is.True);

        Assert.That(await RawSession.ErrorClassOfAsync(() => CollectAsync(raw.Reattach(operationId, reading.Current.ResponseId))),
            Is.EqualTo("INVALID_CURSOR.NOT_REATTACHABLE"));
    }

    private static void AssertWholeResult(List<ExecutePlanResponse> responses)
    {
        Assert.That(responses[^1].ResultComplete, Is.Not.Null);
        Assert.That(responses.Select(r => r.ResponseId).Distinct().Count(), Is.EqualTo(responses.Count));
        var rows = Rows(responses);
        Assert.That(rows.Select(r => (long)r[0]!), Is.EqualTo(Enumerable.Range(0, RowCount).Select(i => (long)i)));
        Assert.That(rows.All(r => (string)r[1]! == new string((char)('0' + (long)r[0]! % 9), 100)), Is.True);
    }
}
