using Google.Protobuf;

namespace Spark.Connect.Diagnostics;

/// <summary>
/// The low-cardinality description of a request that names its span (<c>db.query.summary</c>): the RPC, what kind of
/// request it is where the RPC has several, and what it reads: table names, or <c>SQL</c>, <c>LocalRelation</c>,
/// <c>Range</c>, a file format. Only names from the plan's structure are used, never a literal, SQL text or a path,
/// so the summary is safe to export and groups queries of one shape together.
/// </summary>
internal static class OperationSummary
{
    private const int MaxTargets = 3;
    // Plans are trees a translator built; a bound keeps a hostile or degenerate one from costing more than it is worth.
    private const int MaxMessagesVisited = 10_000;

    /// <summary>The summary of <paramref name="request"/> and, when it reads exactly one table, that table.</summary>
    public static (string Summary, string? Collection) Describe(string operation, IMessage request)
    {
        var kind = Kind(request);
        var (targets, tables, more) = Targets(request);
        var parts = new List<string>(targets.Count + 3) { operation };
        if (kind is not null) parts.Add(kind);
        parts.AddRange(targets);
        if (more) parts.Add("…");
        var collection = targets.Count == 1 && tables.Contains(targets[0]) ? targets[0] : null;
        return (string.Join(' ', parts), collection);
    }

    // The request's own oneof (analyze kind, config operation, command type) says what a call does beyond its RPC.
    private static string? Kind(IMessage request) => request switch
    {
        ExecutePlanRequest { Plan.OpTypeCase: Plan.OpTypeOneofCase.Command } execute => execute.Plan.Command.CommandTypeCase.ToString(),
        AnalyzePlanRequest analyze => analyze.AnalyzeCase.ToString(),
        ConfigRequest config => config.Operation?.OpTypeCase.ToString(),
        _ => null,
    };

    private static (List<string> Targets, HashSet<string> Tables, bool More) Targets(IMessage request)
    {
        var targets = new List<string>();
        var tables = new HashSet<string>(StringComparer.Ordinal);
        var more = false;
        var pending = new Stack<IMessage>();
        pending.Push(request);
        for (var visited = 0; pending.Count > 0 && visited < MaxMessagesVisited; visited++)
        {
            var message = pending.Pop();
            if (Target(message) is { } target)
            {
                if (message is Read { ReadTypeCase: Read.ReadTypeOneofCase.NamedTable }) tables.Add(target);
                if (targets.Contains(target, StringComparer.Ordinal)) continue;
                if (targets.Count == MaxTargets) { more = true; break; }
                targets.Add(target);
                continue;
            }
            foreach (var child in Children(message)) pending.Push(child);
        }
        return (targets, tables, more);
    }

    private static string? Target(IMessage message) => message switch
    {
        Read { ReadTypeCase: Read.ReadTypeOneofCase.NamedTable } read => read.NamedTable.UnparsedIdentifier,
        Read { ReadTypeCase: Read.ReadTypeOneofCase.DataSource } read => string.IsNullOrEmpty(read.DataSource.Format) ? "DataSource" : read.DataSource.Format,
        SQL => "SQL",
        LocalRelation or CachedLocalRelation => "LocalRelation",
        Spark.Connect.Protocol.Range => "Range",
        _ => null,
    };

    // Children in reverse field order, so popping the stack visits them in plan order (left input first).
    private static IEnumerable<IMessage> Children(IMessage message)
    {
        var children = new List<IMessage>();
        MessageChildren.AddTo(message, children);
        children.Reverse();
        return children;
    }
}
