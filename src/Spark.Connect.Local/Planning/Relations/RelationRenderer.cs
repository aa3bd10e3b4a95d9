using Spark.Connect.Local.Planning.Expressions;
using Kind = Spark.Connect.Relation.RelTypeOneofCase;

namespace Spark.Connect.Local.Planning.Relations;

/// <summary>
/// Dispatches each relation kind to its renderer and holds what they share: the planning context, the
/// WithRelations references that subquery expressions point at, and the helpers that wrap a query under
/// an alias while keeping plan-id resolution honest.
/// </summary>
internal sealed class RelationRenderer(PlanningContext context)
{
    private readonly Dictionary<long, Relation> _references = [];
    private readonly List<Scope> _outerScopes = [];

    internal PlanningContext Context => context;

    internal Source Render(Relation relation)
    {
        using var _ = context.Nest();
        return RenderKind(relation);
    }

    private Source RenderKind(Relation relation) => relation.RelTypeCase switch
    {
        Kind.Read => ReadRenderer.Read(this, relation),
        Kind.LocalRelation => ReadRenderer.Local(this, relation),
        Kind.Range => ReadRenderer.Range(this, relation),
        Kind.Sql => SqlRelationRenderer.Render(this, relation),
        Kind.Project => ProjectionRenderer.Project(this, relation),
        Kind.WithColumns => ProjectionRenderer.WithColumns(this, relation),
        Kind.WithColumnsRenamed => ProjectionRenderer.WithColumnsRenamed(this, relation),
        Kind.ToDf => ProjectionRenderer.ToDF(this, relation),
        Kind.Drop => ProjectionRenderer.Drop(this, relation),
        Kind.Filter => RowRenderer.Filter(this, relation),
        Kind.Sort => RowRenderer.Sort(this, relation),
        Kind.Limit => RowRenderer.Limit(this, relation),
        Kind.Offset => RowRenderer.Offset(this, relation),
        Kind.Tail => RowRenderer.Tail(this, relation),
        Kind.Deduplicate => RowRenderer.Deduplicate(this, relation),
        Kind.Aggregate => AggregateRenderer.Render(this, relation),
        Kind.Join => JoinRenderer.Render(this, relation),
        Kind.SetOp => SetOperationRenderer.Render(this, relation),
        Kind.SubqueryAlias => SubqueryAlias(relation),
        Kind.WithRelations => WithRelations(relation),
        Kind.Catalog => Catalog.CatalogRenderer.Render(this, relation),
        // Partitioning and hints only steer a cluster's execution; one DuckDB process has nothing to steer.
        Kind.Hint => OrderedInput(relation.Hint.Input).WithPlanId(PlanId(relation)),
        Kind.Repartition => OrderedInput(relation.Repartition.Input).WithPlanId(PlanId(relation)),
        Kind.RepartitionByExpression => OrderedInput(relation.RepartitionByExpression.Input).WithPlanId(PlanId(relation)),
        _ => throw LocalEngineException.Unsupported($"the relation kind '{relation.RelTypeCase}'", "See docs/local-engine.md for the relations it runs."),
    };

    /// <summary>Renders a required input as a plain FROM item (a pending sort or limit is applied in a subquery first).</summary>
    internal Source Input(Relation? input) => Plain(OrderedInput(input));

    /// <summary>Renders a required input, keeping a pending ORDER BY / LIMIT / OFFSET open for the caller; fails clearly when the plan left it out.</summary>
    internal Source OrderedInput(Relation? input) =>
        input is null || input.RelTypeCase == Kind.None
            ? throw new LocalEngineException("INVALID_PLAN", "XX000", "A relation is missing its input relation.")
            : Render(input);

    /// <summary><paramref name="input"/> with its pending ORDER BY / LIMIT / OFFSET applied in a subquery (DuckDB keeps that order for the parent).</summary>
    internal Source Plain(Source input) => input.HasModifiers ? Wrap(input.ToQuery(), (long?)null, input) : input;

    internal static long? PlanId(Relation relation) => relation.Common is { HasPlanId: true } common ? common.PlanId : null;

    /// <summary>An expression renderer over <paramref name="input"/> that can also render WithRelations subqueries.</summary>
    internal ExpressionRenderer Expressions(Source input) => new(context, input, this);

    /// <summary>The inputs of the queries enclosing the subquery being rendered, innermost first (for correlated references).</summary>
    internal IEnumerable<Scope> OuterScopes => Enumerable.Reverse(_outerScopes);

    /// <summary>
    /// Wraps a complete <paramref name="query"/> computed from <paramref name="input"/> under a fresh alias.
    /// Plan ids of the input keep resolving (by column name) through the new alias, except when the input
    /// is a join whose output repeats a column name: then a name can't say which side it meant, so those
    /// ids are marked ambiguous instead of silently resolving to the first match.
    /// </summary>
    internal Source Wrap(string query, Relation relation, Source input) => Wrap(query, PlanId(relation), input);

    /// <summary>
    /// <paramref name="input"/> with a plain <c>*</c>: a USING join's explicit column list is wrapped first so
    /// that <c>* REPLACE/EXCLUDE/RENAME</c> and extra columns can follow the star.
    /// </summary>
    internal Source Flatten(Source input) => input.Star == "*" ? input : Wrap(input.ToQuery(), (long?)null, input);

    private Source Wrap(string query, long? planId, Source input)
    {
        if (!input.IsJoin)
            return Source.FromQuery(context, query, planId, input.Scope);
        var names = context.Describe(query).Select(c => c.Name.ToUpperInvariant()).ToList();
        var alias = context.NextAlias();
        var scope = names.Distinct().Count() == names.Count ? Scope.Wrap(input.Scope, planId, alias) : Scope.Opaque(input.Scope, planId, alias);
        return new Source($"({query}) AS {alias}", scope, [], "*", query, alias);
    }

    /// <summary>The output column names of a source, as DuckDB binds them.</summary>
    internal IReadOnlyList<string> ColumnNames(Source input) => context.Describe(input.ToQuery()).Select(c => c.Name).ToList();

    private Source SubqueryAlias(Relation relation)
    {
        var alias = relation.SubqueryAlias;
        if (alias.Qualifier.Count > 0)
            throw LocalEngineException.Unsupported("a qualified subquery alias", "Alias with a single name.");
        var input = Input(alias.Input);
        var quoted = SqlIdentifiers.Quote(alias.Alias);
        var query = input.ToQuery();
        return new Source($"({query}) AS {quoted}", Scope.Wrap(input.Scope, PlanId(relation), quoted), [], "*", query, quoted);
    }

    private Source WithRelations(Relation relation)
    {
        foreach (var reference in relation.WithRelations.References)
        {
            if (PlanId(reference) is { } id)
                _references[id] = reference;
        }
        return OrderedInput(relation.WithRelations.Root).WithPlanId(PlanId(relation));
    }

    /// <summary>
    /// The query of the WithRelations reference <paramref name="planId"/>, rendered as a subquery of an
    /// expression over <paramref name="outer"/>: plan ids it doesn't know resolve to the enclosing inputs.
    /// Aliases are unique within one planning run, so an outer alias is never shadowed by a generated one.
    /// </summary>
    internal string SubqueryQuery(long planId, Scope outer)
    {
        if (!_references.TryGetValue(planId, out var reference))
            throw new LocalEngineException("INVALID_PLAN", "XX000",
                $"A subquery expression refers to plan id {planId}, which no WithRelations reference carries.");
        _outerScopes.Add(outer);
        try
        {
            return Render(reference).ToQuery();
        }
        finally
        {
            _outerScopes.RemoveAt(_outerScopes.Count - 1);
        }
    }
}
