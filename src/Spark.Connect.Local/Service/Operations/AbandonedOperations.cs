namespace Spark.Connect.Local.Service.Operations;

/// <summary>
/// Tombstones of operations removed because no client read them for the detached timeout, so that a late
/// ReattachExecute, or an ExecutePlan retried with the same operation id, gets Spark's
/// <c>INVALID_HANDLE.OPERATION_ABANDONED</c> instead of a silent second run. Bounded like Spark's
/// <c>spark.connect.execute.manager.abandonedTombstonesSize</c>: the oldest are forgotten first.
/// </summary>
internal sealed class AbandonedOperations(int capacity = AbandonedOperations.DefaultCapacity)
{
    /// <summary>Spark's default number of tombstones.</summary>
    internal const int DefaultCapacity = 10_000;

    private readonly Lock _lock = new();
    private readonly HashSet<(SessionKey Session, string OperationId)> _known = [];
    private readonly Queue<(SessionKey Session, string OperationId)> _order = new();

    internal void Add(SessionKey session, string operationId)
    {
        lock (_lock)
        {
            if (!_known.Add((session, operationId)))
                return;
            _order.Enqueue((session, operationId));
            while (_order.Count > capacity)
                _known.Remove(_order.Dequeue());
        }
    }

    internal bool Contains(SessionKey session, string operationId)
    {
        lock (_lock)
            return _known.Contains((session, operationId));
    }
}
