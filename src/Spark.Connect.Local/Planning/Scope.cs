namespace Spark.Connect.Local.Planning;

/// <summary>
/// Which FROM-item alias each plan id's columns live under, for resolving plan-id-qualified attributes
/// and stars. A plan id maps to an alias, or to <see cref="Unqualified"/> when its columns are reachable
/// by bare name (a Filter over a join: every side's columns are in scope), or to
/// <see cref="Ambiguous"/> when both sides of a join carry it (the same DataFrame joined with itself).
/// </summary>
internal sealed class Scope
{
    internal const string Unqualified = "";
    private const string Ambiguous = "\0ambiguous";
    private readonly Dictionary<long, string> _aliases;

    private Scope(Dictionary<long, string> aliases) => _aliases = aliases;

    internal static Scope Empty { get; } = new([]);

    /// <summary>The plan ids this scope can resolve.</summary>
    internal IEnumerable<long> PlanIds => _aliases.Keys;

    /// <summary>Every plan id of <paramref name="inner"/> (plus <paramref name="own"/>) now lives under <paramref name="alias"/>.</summary>
    internal static Scope Wrap(Scope inner, long? own, string alias)
    {
        var map = inner._aliases.ToDictionary(p => p.Key, p => p.Value == Ambiguous ? Ambiguous : alias);
        if (own is { } id)
            map[id] = alias;
        return new Scope(map);
    }

    /// <summary>Only <paramref name="own"/> resolves, to <paramref name="alias"/>; inner ids become ambiguous.</summary>
    internal static Scope Opaque(Scope inner, long? own, string alias)
    {
        var map = inner._aliases.ToDictionary(p => p.Key, _ => Ambiguous);
        if (own is { } id)
            map[id] = alias;
        return new Scope(map);
    }

    /// <summary>The union of two join sides; an id on both sides is ambiguous.</summary>
    internal static Scope Merge(Scope left, Scope right)
    {
        var map = new Dictionary<long, string>(left._aliases);
        foreach (var (id, alias) in right._aliases)
            map[id] = map.ContainsKey(id) ? Ambiguous : alias;
        return new Scope(map);
    }

    /// <summary>This scope plus <paramref name="own"/> (a node that keeps its input's FROM item) as unqualified.</summary>
    internal Scope With(long? own, string alias)
    {
        if (own is not { } id)
            return this;
        var map = new Dictionary<long, string>(_aliases) { [id] = alias };
        return new Scope(map);
    }

    /// <summary>
    /// The alias (already quoted) or <see cref="Unqualified"/> for a plan id; throws the error Spark raises
    /// for a DataFrame column that isn't part of the input.
    /// </summary>
    internal string Resolve(long planId, string construct)
    {
        if (!_aliases.TryGetValue(planId, out var alias))
            throw new LocalEngineException("CANNOT_RESOLVE_DATAFRAME_COLUMN", "42704",
                $"Cannot resolve {construct}: it refers to a DataFrame (plan id {planId}) that is not an input of this operation.",
                new Dictionary<string, string> { ["name"] = construct, ["planId"] = planId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (alias == Ambiguous)
            throw new LocalEngineException("AMBIGUOUS_COLUMN_REFERENCE", "42702",
                $"{construct} is ambiguous: the DataFrame it refers to (plan id {planId}) appears on more than one side of a join. Alias the DataFrames (SubqueryAlias) and refer to columns through the aliases.",
                new Dictionary<string, string> { ["name"] = construct });
        return alias;
    }
}
