namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// The relations of the subquery expressions (scalar, IN, EXISTS) one parse produced, each under a plan id of its
/// own. Spark Connect carries them as <c>WithRelations</c> references; the ids are negative so they never meet a
/// client's (non-negative) plan ids in the plan an expression string is part of.
/// </summary>
internal sealed class SubqueryCollector
{
    private static long _lastId;
    private readonly List<(long Id, Relation Relation)> _references = [];

    internal IReadOnlyList<(long Id, Relation Relation)> References => _references;

    /// <summary>Registers <paramref name="relation"/> and returns the plan id a <see cref="SubqueryExpression"/> names it by.</summary>
    internal long Add(Relation relation)
    {
        var id = -Interlocked.Increment(ref _lastId);
        relation.Common ??= new RelationCommon();
        relation.Common.PlanId = id;
        _references.Add((id, relation));
        return id;
    }

    /// <summary>The query, inside a <c>WithRelations</c> carrying the subqueries when there are any.</summary>
    internal Relation Wrap(Relation root)
    {
        if (_references.Count == 0)
            return root;
        var with = new WithRelations { Root = root };
        with.References.Add(_references.Select(r => r.Relation));
        return new Relation { WithRelations = with };
    }
}
