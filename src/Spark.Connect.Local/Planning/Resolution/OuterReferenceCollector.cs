namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Records which columns of the enclosing queries a subquery refers to while it is resolved, so a scalar subquery's
/// column can be named as Spark names it: <c>scalarsubquery(c1, c2)</c> lists its outer references in order
/// (repeats kept), <c>scalarsubquery()</c> when it has none.
/// </summary>
internal sealed class OuterReferenceCollector
{
    private readonly List<(ResolutionScope Boundary, List<string> Names)> _active = [];

    /// <summary>Starts collecting for a subquery resolved inside <paramref name="boundary"/>; disposing the result stops.</summary>
    internal IDisposable Collect(ResolutionScope boundary, out List<string> names)
    {
        names = [];
        var entry = (boundary, names);
        _active.Add(entry);
        return new Stop(() => _active.Remove(entry));
    }

    /// <summary>
    /// Notes that a name resolved in <paramref name="scope"/> found <paramref name="column"/>: it is an outer reference
    /// of each collecting subquery whose boundary (or a scope around it) holds the column.
    /// </summary>
    internal void Note(ResolutionScope scope, PlanColumn column)
    {
        foreach (var (boundary, names) in _active)
        {
            if (!ReferenceEquals(scope, boundary) && HoldsOutside(boundary, column) && !HoldsInside(scope, boundary, column))
                names.Add(column.Name);
        }
    }

    private static bool HoldsOutside(ResolutionScope boundary, PlanColumn column)
    {
        for (var current = boundary; current is not null; current = current.Outer)
        {
            if (current.Columns.Any(c => c.Id == column.Id))
                return true;
        }
        return false;
    }

    // A column found in a scope between the name and the boundary belongs to the subquery itself.
    private static bool HoldsInside(ResolutionScope scope, ResolutionScope boundary, PlanColumn column)
    {
        for (var current = scope; current is not null && !ReferenceEquals(current, boundary); current = current.Outer)
        {
            if (current.Columns.Any(c => c.Id == column.Id))
                return true;
        }
        return false;
    }

    private sealed class Stop(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }
}
