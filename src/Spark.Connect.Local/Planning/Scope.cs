namespace Spark.Connect.Local.Planning;

/// <summary>
/// Which FROM-item alias each plan id's columns live under, for resolving plan-id-qualified attributes
/// and stars. A plan id maps to an alias, or to <see cref="Unqualified"/> when its columns are reachable
/// by bare name (a Filter over a join: every side's columns are in scope), or to an ambiguity marker.
/// Each entry also records how deep below the current relation that plan id sits: as in Spark, when the
/// same plan id is on both sides of a join (<c>df.join(df.filter(…), df.id == …)</c>) the shallower
/// match wins, and equally deep matches are ambiguous.
/// </summary>
internal sealed class Scope
{
    internal const string Unqualified = "";
    private const string Ambiguous = "\0ambiguous";
    private readonly Dictionary<long, (string Alias, int Depth)> _entries;

    private Scope(Dictionary<long, (string Alias, int Depth)> entries) => _entries = entries;

    internal static Scope Empty { get; } = new([]);

    /// <summary>Every plan id of <paramref name="inner"/> (one level deeper) plus <paramref name="own"/> now lives under <paramref name="alias"/>.</summary>
    internal static Scope Wrap(Scope inner, long? own, string alias) =>
        Deeper(inner, own, alias, e => e.Alias == Ambiguous ? Ambiguous : alias);

    /// <summary>Only <paramref name="own"/> resolves, to <paramref name="alias"/>; inner ids become ambiguous.</summary>
    internal static Scope Opaque(Scope inner, long? own, string alias) => Deeper(inner, own, alias, _ => Ambiguous);

    /// <summary>The union of two join sides; an id on both sides resolves to the shallower one, or is ambiguous at equal depth.</summary>
    internal static Scope Merge(Scope left, Scope right)
    {
        var map = new Dictionary<long, (string Alias, int Depth)>(left._entries);
        foreach (var (id, entry) in right._entries)
        {
            if (!map.TryGetValue(id, out var existing) || entry.Depth < existing.Depth)
                map[id] = entry;
            else if (entry.Depth == existing.Depth)
                map[id] = (Ambiguous, entry.Depth);
        }
        return new Scope(map);
    }

    /// <summary>This scope under one more pass-through node <paramref name="own"/> whose columns are reached through <paramref name="alias"/>.</summary>
    internal Scope With(long? own, string alias) => own is null ? this : Deeper(this, own, alias, e => e.Alias);

    /// <summary>True when this scope knows <paramref name="planId"/> (even as ambiguous).</summary>
    internal bool Contains(long planId) => _entries.ContainsKey(planId);

    /// <summary>
    /// The alias (already quoted) or <see cref="Unqualified"/> for a plan id; throws the error Spark raises
    /// for a DataFrame column that isn't part of the input, or that two inputs could equally supply.
    /// </summary>
    internal string Resolve(long planId, string construct)
    {
        if (!_entries.TryGetValue(planId, out var entry))
            throw new LocalEngineException("CANNOT_RESOLVE_DATAFRAME_COLUMN", "42704",
                $"Cannot resolve {construct}: it refers to a DataFrame (plan id {planId}) that is not an input of this operation.",
                new Dictionary<string, string> { ["name"] = construct, ["planId"] = planId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (entry.Alias == Ambiguous)
            throw new LocalEngineException("AMBIGUOUS_COLUMN_REFERENCE", "42702",
                $"{construct} is ambiguous: the DataFrame it refers to (plan id {planId}) appears on more than one side of a join. Alias the DataFrames (SubqueryAlias) and refer to columns through the aliases.",
                new Dictionary<string, string> { ["name"] = construct });
        return entry.Alias;
    }

    private static Scope Deeper(Scope inner, long? own, string ownAlias, Func<(string Alias, int Depth), string> alias)
    {
        // Depth counts plan nodes, as Spark does: a wrapper the planner adds itself (no plan id) adds no level.
        var step = own is null ? 0 : 1;
        var map = inner._entries.ToDictionary(p => p.Key, p => (alias(p.Value), p.Value.Depth + step));
        if (own is { } id)
            map[id] = (ownAlias, 0);
        return new Scope(map);
    }
}
