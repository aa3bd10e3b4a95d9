namespace Spark.Connect.Local.Service.Operations;

/// <summary>A running count of held response bytes (a session's, or the server's) and the most it reached.</summary>
internal sealed class HeldBytes(long limit)
{
    private long _current;
    private long _peak;

    /// <summary>The bound this count is held under (bytes).</summary>
    internal long Limit { get; } = limit;

    /// <summary>Bytes held now.</summary>
    internal long Current => Interlocked.Read(ref _current);

    /// <summary>The most bytes held at any one time (for tests and the soak measurements).</summary>
    internal long Peak => Interlocked.Read(ref _peak);

    /// <summary>True while the count is below its bound, so one more response may be produced.</summary>
    internal bool HasRoom => Current < Limit;

    internal void Add(long bytes)
    {
        var now = Interlocked.Add(ref _current, bytes);
        for (var peak = Peak; now > peak; peak = Peak)
        {
            if (Interlocked.CompareExchange(ref _peak, now, peak) == peak)
                break;
        }
    }
}
