namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// State of one resolution run: fresh column ids, the WithRelations references subquery expressions name,
/// and the planning context (session, parameters, nesting budget) shared with the renderer.
/// </summary>
internal sealed class ResolutionContext(PlanningContext planning)
{
    private readonly Dictionary<long, Relation> _references = [];
    private int _nextId;

    internal PlanningContext Planning => planning;

    /// <summary>A new output column.</summary>
    internal PlanColumn NewColumn(string name, DataType type, bool nullable, IReadOnlyList<string>? qualifier = null) =>
        new(++_nextId, name, type, nullable, qualifier ?? []);

    /// <summary>A new lambda variable; its id comes from the column counter, so its SQL name is unique in the statement.</summary>
    internal LambdaVariable NewLambdaVariable(string name, DataType type, bool nullable, bool oneBasedIndex = false, string? field = null) =>
        new(++_nextId, name, type, nullable, oneBasedIndex, field);

    /// <summary>The same column under a new id (a second copy of a projected column, a renamed column).</summary>
    internal PlanColumn Copy(PlanColumn column, string? name = null) => column with { Id = ++_nextId, Name = name ?? column.Name, Qualifier = [] };

    /// <summary>The level a recursive CTE's references read while its recursive term is resolved, by definition id.</summary>
    internal Dictionary<long, RecursionLevel> RecursionLevels { get; } = [];

    /// <summary>A LIMIT over a recursive CTE (through projections), which bounds its run as Spark pushes it into UnionLoop.</summary>
    internal Dictionary<Relation, int> RecursionLimits { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The rows of each nondeterministic CTE this plan computed once (<see cref="SharedCteResolver"/>), by definition id and recursion levels.</summary>
    internal Dictionary<string, SharedRows> SharedCtes { get; } = [];

    /// <summary>Spark's name of each resolved subquery expression that reads outer columns, by its plan id (<see cref="NestedSubqueryNaming"/>).</summary>
    internal Dictionary<long, string> SubqueryNames { get; } = [];

    internal void AddReference(long planId, Relation relation) => _references[planId] = relation;

    internal Relation Reference(long planId) => _references.TryGetValue(planId, out var relation)
        ? relation
        : throw new LocalEngineException("INVALID_PLAN", "XX000",
            $"A subquery expression refers to plan id {planId}, which no WithRelations reference carries.");
}
