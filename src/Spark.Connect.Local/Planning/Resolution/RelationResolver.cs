using Kind = Spark.Connect.Protocol.Relation.RelTypeOneofCase;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Turns a client <see cref="Relation"/> into a <see cref="LogicalPlan"/>: each relation kind has a small
/// resolver that resolves its input first, then its own expressions against that input's output.
/// </summary>
internal sealed class RelationResolver
{
    private readonly Stack<ResolutionScope> _outer = new();

    internal RelationResolver(ResolutionContext context)
    {
        Context = context;
        Expressions = new ExpressionResolver(context, this);
    }

    internal ResolutionContext Context { get; }

    internal ExpressionResolver Expressions { get; }

    /// <summary>The scope of the query enclosing the subquery being resolved (for correlated references), or null.</summary>
    internal ResolutionScope? Outer => _outer.Count == 0 ? null : _outer.Peek();

    /// <summary>A scope over <paramref name="input"/> that also sees the enclosing query's columns.</summary>
    internal ResolutionScope ScopeOf(LogicalPlan input) => ResolutionScope.Of(input, Outer);

    /// <summary>Resolves a subquery's relation; names it can't resolve itself are looked up in <paramref name="outer"/>.</summary>
    internal LogicalPlan Resolve(Relation relation, ResolutionScope outer)
    {
        _outer.Push(outer);
        try
        {
            return Resolve(relation);
        }
        finally
        {
            _outer.Pop();
        }
    }

    internal LogicalPlan Resolve(Relation relation)
    {
        using var _ = Context.Planning.Nest();
        return relation.RelTypeCase switch
        {
            Kind.Read => LeafResolver.Read(this, relation),
            Kind.LocalRelation => LeafResolver.Local(this, relation),
            Kind.Range => LeafResolver.Range(this, relation),
            Kind.Sql => LeafResolver.Sql(this, relation),
            Kind.Catalog => LeafResolver.Catalog(this, relation),
            Kind.Project => ProjectionResolver.Project(this, relation),
            Kind.WithColumns => ProjectionResolver.WithColumns(this, relation),
            Kind.WithColumnsRenamed => ProjectionResolver.WithColumnsRenamed(this, relation),
            Kind.ToDf => ProjectionResolver.ToDF(this, relation),
            Kind.Drop => ProjectionResolver.Drop(this, relation),
            Kind.Filter => RowResolver.Filter(this, relation),
            Kind.Sort => RowResolver.Sort(this, relation),
            Kind.Limit => RowResolver.Count(this, relation, relation.Limit.Input, RowCountKind.Limit, relation.Limit.Limit_, "limit"),
            Kind.Offset => RowResolver.Count(this, relation, relation.Offset.Input, RowCountKind.Offset, relation.Offset.Offset_, "offset"),
            Kind.Tail => RowResolver.Count(this, relation, relation.Tail.Input, RowCountKind.Tail, relation.Tail.Limit, "tail"),
            Kind.Deduplicate => RowResolver.Deduplicate(this, relation),
            Kind.Aggregate => AggregateResolver.Resolve(this, relation),
            Kind.Join => JoinResolver.Resolve(this, relation),
            Kind.LateralJoin => LateralJoinResolver.Resolve(this, relation),
            Kind.Extension when Sql.NaturalJoin.TryRead(relation) is { } natural => JoinResolver.ResolveNatural(this, relation, natural),
            Kind.Extension when Sql.ImplicitIdUnpivot.TryRead(relation) is { } unpivot => UnpivotResolver.Resolve(this, relation, unpivot, implicitIds: true),
            Kind.Extension when Sql.RecursiveCte.TryReadDefinition(relation) is { } recursive => RecursiveCteResolver.Resolve(this, relation, recursive),
            Kind.Extension when Sql.RecursiveCte.TryReadReference(relation) is { } recursiveId => RecursiveCteResolver.Reference(this, relation, recursiveId),
            Kind.Extension when Sql.SharedCte.TryRead(relation) is { } shared => SharedCteResolver.Resolve(this, relation, shared.Id, shared.Query),
            Kind.SetOp => SetOperationResolver.Resolve(this, relation),
            Kind.DropNa => MissingDataResolver.Drop(this, relation),
            Kind.FillNa => MissingDataResolver.Fill(this, relation),
            Kind.Replace => ReplaceResolver.Resolve(this, relation),
            Kind.Describe => SummaryResolver.Describe(this, relation),
            Kind.Summary => SummaryResolver.Summary(this, relation),
            Kind.Cov => StatResolver.Cov(this, relation),
            Kind.Corr => StatResolver.Corr(this, relation),
            Kind.Crosstab => StatResolver.Crosstab(this, relation),
            Kind.Unpivot => UnpivotResolver.Resolve(this, relation),
            Kind.ToSchema => ToSchemaResolver.Resolve(this, relation),
            Kind.Sample => SampleResolver.Resolve(this, relation),
            Kind.SubqueryAlias => SubqueryAlias(relation),
            Kind.WithRelations => WithRelations(relation),
            // Partitioning and hints only steer a cluster's execution; one DuckDB process has nothing to steer.
            Kind.Hint => PassThrough(relation, relation.Hint.Input),
            Kind.Repartition => PassThrough(relation, relation.Repartition.Input),
            Kind.RepartitionByExpression => PassThrough(relation, relation.RepartitionByExpression.Input),
            Kind.None => throw LocalEngineException.Unsupported("a relation kind this engine's protocol version does not know (sent as an unknown field)",
                "It is newer than Spark 4.0's protocol or an extension (ML, streaming); run it on a Spark cluster."),
            _ => throw LocalEngineException.Unsupported($"the relation kind '{relation.RelTypeCase}'", "See docs/local-engine.md for the relations it runs."),
        };
    }

    /// <summary>Resolves a required input; a plan that left it out is invalid.</summary>
    internal LogicalPlan Input(Relation? input) =>
        input is null
            ? throw new LocalEngineException("INVALID_PLAN", "XX000", "A relation is missing its input relation.")
            : Resolve(input);

    internal static long? PlanId(Relation relation) => relation.Common is { HasPlanId: true } common ? common.PlanId : null;

    private LogicalPlan PassThrough(Relation relation, Relation input)
    {
        var child = Input(input);
        return new PassThroughPlan(PlanId(relation), child.Output, child);
    }

    /// <summary><c>df.alias("a")</c>: the same rows, columns now qualified by <c>a</c>.</summary>
    private LogicalPlan SubqueryAlias(Relation relation)
    {
        var alias = relation.SubqueryAlias;
        var child = Input(alias.Input);
        IReadOnlyList<string> qualifier = [.. alias.Qualifier, alias.Alias];
        return new PassThroughPlan(PlanId(relation), child.Output.Select(c => c.WithQualifier(qualifier)).ToList(), child);
    }

    private LogicalPlan WithRelations(Relation relation)
    {
        foreach (var reference in relation.WithRelations.References)
        {
            if (PlanId(reference) is { } id)
                Context.AddReference(id, reference);
        }
        return PassThrough(relation, relation.WithRelations.Root);
    }
}
