namespace Spark.Connect.Local.Service;

/// <summary>
/// What an operation streams: the bodies of its responses in order (schema, Arrow batches, a command's
/// result …), one per call, produced on demand. The operation stamps the session and operation ids on
/// each and appends <c>result_complete</c> when the source is exhausted.
/// </summary>
internal interface IResponseSource : IDisposable
{
    /// <summary>The next response (its body set, ids not yet), or null when there is nothing more.</summary>
    ExecutePlanResponse? Next();
}

/// <summary>Responses computed up front (a command that ran eagerly), handed out one by one.</summary>
internal sealed class FixedResponses(IEnumerable<ExecutePlanResponse> responses) : IResponseSource
{
    private readonly Queue<ExecutePlanResponse> _pending = new(responses);

    public ExecutePlanResponse? Next() => _pending.TryDequeue(out var response) ? response : null;

    public void Dispose() => _pending.Clear();
}
