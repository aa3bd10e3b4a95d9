using Spark.Connect.Local.Planning.Expressions;
using Kind = Spark.Connect.Protocol.Expression.ExprTypeOneofCase;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>Relations that change the column list: Project, WithColumns, WithColumnsRenamed, ToDF, Drop.</summary>
internal static class ProjectionResolver
{
    internal static LogicalPlan Project(RelationResolver resolver, Relation relation)
    {
        var project = relation.Project;
        if (project.Expressions.Count == 0)
            throw new LocalEngineException("INVALID_PLAN", "XX000", "A Project relation selects no expressions.");
        // A Project without input evaluates its expressions once (Spark's "SELECT 1").
        var child = project.Input is { RelTypeCase: not Relation.RelTypeOneofCase.None } ? resolver.Input(project.Input) : null;
        var scope = child is null ? new ResolutionScope([], [], resolver.Outer) : resolver.ScopeOf(child);
        var items = Items(resolver, project.Expressions, scope);
        // A select list with aggregate calls is a global aggregate (Spark's Aggregate), whatever relation carries it.
        if (items.Any(i => AggregateValidation.Aggregates(i.Expression)))
            CorrelatedAggregateCheck.Check(scope, [], items);
        AggregateValidation.CheckGlobal(items);
        return new ProjectPlan(RelationResolver.PlanId(relation), child, items);
    }

    /// <summary>Select-list items: stars expand to the columns they stand for, other expressions get Spark's column name.</summary>
    internal static List<NamedExpression> Items(RelationResolver resolver, IEnumerable<Expression> expressions, ResolutionScope scope)
    {
        GeneratorResolver.CheckOneGenerator(expressions);
        var items = new List<NamedExpression>();
        foreach (var written in expressions)
        {
            // selectExpr("a + 1 AS b", "*"): parsed first, so stars expand and the column is named as Spark names it.
            var expression = resolver.Expressions.Parsed(written);
            if (expression.ExprTypeCase == Kind.UnresolvedStar)
            {
                foreach (var expanded in StarExpansion.Expand(expression.UnresolvedStar, scope, expression))
                {
                    // An outer column (a lateral subquery's t1.*) is a new column of this projection, not a pass-through.
                    items.Add(expanded is ColumnReference column
                        ? scope.Columns.Any(c => c.Id == column.Column.Id) || scope.Hidden.Any(h => h.Column.Id == column.Column.Id)
                            ? PassThrough(resolver, items, column.Column, expression)
                            : Named(resolver, expanded, column.Column.Name)
                        : Named(resolver, expanded, ((ExtractExpression)expanded).FieldName!));
                }
                continue;
            }
            if (GeneratorResolver.TryExpand(resolver, expression, scope) is { } generated)
            {
                items.AddRange(generated);
                continue;
            }
            var resolved = resolver.Expressions.Resolve(expression, scope);
            // An enclosing query's column (a correlated reference) is computed under a new id, not passed through: the same
            // id inside and outside a subquery would name two different things.
            items.Add(resolved is ColumnReference reference && expression.ExprTypeCase != Kind.Alias && scope.Columns.Any(c => c.Id == reference.Column.Id)
                ? PassThrough(resolver, items, reference.Column, expression, WrittenName(expression, reference.Column))
                : Named(resolver, resolved, Sql.DeferredItemNames.WrittenFor(written) is { } deferred
                    ? NestedSubqueryNaming.TryName(deferred, resolver.Context.SubqueryNames) ?? ColumnNamer.Name(expression)
                    : ItemName(resolved is FunctionExpression { Source: var rewritten } && DatetimeArithmetic.Renamed(expression, rewritten)
                    ? rewritten : expression, resolved)));
        }
        return items;
    }

    // A subquery's name lists the outer columns it refers to, which only resolution knows (also inside a call).
    private static string ItemName(Expression expression, ResolvedExpression resolved) =>
        expression.ExprTypeCase == Kind.SubqueryExpression && resolved is ResolvedSubquery subquery
            ? ColumnNamer.SubqueryName(expression.SubqueryExpression, subquery.OuterReferences)
            : NestedSubqueryNaming.TryName(expression, resolved) ?? ColumnNamer.Name(expression);

    /// <summary>A computed column under a new id.</summary>
    internal static NamedExpression Named(RelationResolver resolver, ResolvedExpression expression, string name) =>
        new(expression, resolver.Context.NewColumn(name, expression.Type, expression.Nullable));

    /// <summary>
    /// An input column kept as it is (same id, so DataFrame references still find it); a second copy gets a new id. A
    /// <paramref name="name"/> renames it as Spark's analyzer does when a name matched it case-insensitively.
    /// </summary>
    private static NamedExpression PassThrough(RelationResolver resolver, List<NamedExpression> items, PlanColumn column, Expression source, string? name = null)
    {
        var output = items.Any(i => i.Column.Id == column.Id) ? resolver.Context.Copy(column) : column;
        if (name is not null && name != output.Name)
            output = output with { Name = name };
        return new NamedExpression(new ColumnReference(column, source), output);
    }

    /// <summary>
    /// The column part of a name as the query spells it (<c>COL1</c>, <c>t.COL1</c>): Spark's analyzer gives the attribute a
    /// name matched case-insensitively that spelling (<c>AttributeSeq.resolve</c>: <c>a.withName(name)</c>), for SQL and
    /// for a DataFrame's <c>select("COL1")</c> or <c>df["COL1"]</c> alike. Null for anything but a plain name.
    /// </summary>
    private static string? WrittenName(Expression expression, PlanColumn column)
    {
        if (expression.ExprTypeCase != Kind.UnresolvedAttribute)
            return null;
        var written = MultipartIdentifier.Parse(expression.UnresolvedAttribute.UnparsedIdentifier)[^1];
        return string.Equals(written, column.Name, StringComparison.OrdinalIgnoreCase) ? written : null;
    }

    /// <summary>Every input column as a pass-through item.</summary>
    internal static List<NamedExpression> Identity(IEnumerable<PlanColumn> columns) =>
        columns.Select(c => new NamedExpression(ResolvedCalls.Column(c), c)).ToList();

    /// <summary>Adds columns, or replaces (in place) every column with the same name, compared case-insensitively as Spark does.</summary>
    internal static LogicalPlan WithColumns(RelationResolver resolver, Relation relation)
    {
        var child = resolver.Input(relation.WithColumns.Input);
        var scope = resolver.ScopeOf(child);
        var items = Identity(child.Output);
        foreach (var alias in relation.WithColumns.Aliases)
        {
            if (alias.Name.Count != 1)
                throw LocalEngineException.Unsupported("withColumns with a multi-part name", "Give each new column one name.");
            var name = alias.Name[0];
            var named = Named(resolver, resolver.Expressions.Resolve(alias.Expr, scope), name);
            var replaced = false;
            for (var i = 0; i < items.Count; i++)
            {
                if (!string.Equals(items[i].Column.Name, name, StringComparison.OrdinalIgnoreCase))
                    continue;
                items[i] = replaced ? named with { Column = resolver.Context.Copy(named.Column) } : named;
                replaced = true;
            }
            if (!replaced)
                items.Add(named);
        }
        return new ProjectPlan(RelationResolver.PlanId(relation), child, items);
    }

    /// <summary>Renames columns one pair after another; a name that isn't a column is ignored, as in Spark.</summary>
    internal static LogicalPlan WithColumnsRenamed(RelationResolver resolver, Relation relation)
    {
        var rename = relation.WithColumnsRenamed;
        var child = resolver.Input(rename.Input);
        var items = Identity(child.Output);
        var pairs = rename.Renames.Select(r => (From: r.ColName, To: r.NewColName))
            .Concat(rename.RenameColumnsMap.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (From: p.Key, To: p.Value)));
        foreach (var (from, to) in pairs)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (string.Equals(items[i].Column.Name, from, StringComparison.OrdinalIgnoreCase))
                    items[i] = items[i] with { Column = resolver.Context.Copy(items[i].Column, to) };
            }
        }
        return new ProjectPlan(RelationResolver.PlanId(relation), child, items);
    }

    /// <summary>Renames every column by position; the count must match.</summary>
    internal static LogicalPlan ToDF(RelationResolver resolver, Relation relation)
    {
        var child = resolver.Input(relation.ToDf.Input);
        var names = relation.ToDf.ColumnNames;
        if (child.Output.Count != names.Count)
            throw new LocalEngineException("INVALID_COLUMN_NAMES", "42000",
                $"toDF was given {names.Count} column names but the DataFrame has {child.Output.Count} columns.");
        var items = Identity(child.Output).Select((item, i) => item with { Column = resolver.Context.Copy(item.Column, names[i]) }).ToList();
        return new ProjectPlan(RelationResolver.PlanId(relation), child, items);
    }

    /// <summary>Drops columns by name (every column so named) or by reference; names that aren't columns are ignored, as in Spark.</summary>
    internal static LogicalPlan Drop(RelationResolver resolver, Relation relation)
    {
        var drop = relation.Drop;
        var child = resolver.Input(drop.Input);
        var names = drop.ColumnNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ids = new HashSet<int>();
        foreach (var column in drop.Columns)
        {
            if (column.ExprTypeCase != Kind.UnresolvedAttribute)
                throw LocalEngineException.Unsupported($"dropping a '{column.ExprTypeCase}' expression", "Drop columns by name.");
            if (!column.UnresolvedAttribute.HasPlanId)
                names.Add(MultipartIdentifier.Parse(column.UnresolvedAttribute.UnparsedIdentifier)[^1]);
            else if (TryResolve(resolver, column, resolver.ScopeOf(child)) is ColumnReference reference)
                ids.Add(reference.Column.Id);
        }
        var kept = child.Output.Where(c => !names.Contains(c.Name) && !ids.Contains(c.Id)).ToList();
        return new ProjectPlan(RelationResolver.PlanId(relation), child, Identity(kept));
    }

    private static ResolvedExpression? TryResolve(RelationResolver resolver, Expression expression, ResolutionScope scope)
    {
        try
        {
            return resolver.Expressions.Resolve(expression, scope);
        }
        catch (LocalEngineException)
        {
            return null;
        }
    }
}
