namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>Relations that keep the columns and choose or order rows: Filter, Sort, Limit, Offset, Tail, Deduplicate.</summary>
internal static class RowResolver
{
    internal static LogicalPlan Filter(RelationResolver resolver, Relation relation)
    {
        var child = resolver.Input(relation.Filter.Input);
        return WithMissingColumns(resolver, child, scope => resolver.Expressions.Resolve(relation.Filter.Condition, scope),
            (input, condition) => new FilterPlan(RelationResolver.PlanId(relation), input, condition));
    }

    internal static LogicalPlan Sort(RelationResolver resolver, Relation relation)
    {
        var child = resolver.Input(relation.Sort.Input);
        return WithMissingColumns(resolver, child, scope => relation.Sort.Order.Select(o => resolver.Expressions.SortKey(o, scope)).ToList(),
            (input, keys) => new SortPlan(RelationResolver.PlanId(relation), input, keys));
    }

    /// <summary>
    /// Resolves a Filter's or Sort's expressions; when they name a column that the Project below dropped,
    /// Spark adds that column to the Project, applies the Filter or Sort, and projects it away again
    /// (<c>df.select("a").orderBy("b")</c>). So does this.
    /// </summary>
    private static LogicalPlan WithMissingColumns<T>(RelationResolver resolver, LogicalPlan child, Func<ResolutionScope, T> resolve,
        Func<LogicalPlan, T, LogicalPlan> build) where T : class
    {
        try
        {
            return build(child, resolve(resolver.ScopeOf(child)));
        }
        catch (LocalEngineException error) when (error.ErrorClass is "UNRESOLVED_COLUMN.WITH_SUGGESTION" or "CANNOT_RESOLVE_DATAFRAME_COLUMN"
            && child is ProjectPlan { Child: { } grandchild } project)
        {
            var dropped = grandchild.Output.Where(c => project.Output.All(o => o.Id != c.Id)).ToList();
            // As Spark, a name resolves against the projection's output first: an input column the projection replaced
            // under the same name (SELECT a AS a … ORDER BY a, b) is shadowed; only if that fails is every column tried.
            var shadowed = dropped.Where(c => project.Output.All(o => !string.Equals(o.Name, c.Name, StringComparison.OrdinalIgnoreCase)));
            T resolved;
            try
            {
                resolved = resolve(new ResolutionScope([.. project.Output, .. shadowed], [project], resolver.Outer));
            }
            catch (LocalEngineException)
            {
                try
                {
                    resolved = resolve(new ResolutionScope([.. project.Output, .. dropped], [project], resolver.Outer));
                }
                catch (LocalEngineException)
                {
                    throw error;
                }
            }
            var missing = grandchild.Output.Where(c => project.Output.All(o => o.Id != c.Id));
            var extended = project with { PlanId = null, Items = [.. project.Items, .. ProjectionResolver.Identity(missing)] };
            var applied = build(extended, resolved);
            return new ProjectPlan(project.PlanId, applied, ProjectionResolver.Identity(project.Output));
        }
    }

    /// <summary>Limit, Offset or Tail with a non-negative count.</summary>
    internal static LogicalPlan Count(RelationResolver resolver, Relation relation, Relation input, RowCountKind kind, int count, string what)
    {
        if (kind == RowCountKind.Limit && count >= 0)
            RecursiveCteResolver.PushLimit(resolver, input, count);
        var child = resolver.Input(input);
        if (count < 0)
            throw new LocalEngineException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", "42K0E",
                $"The {what} count must be zero or more, but it is {count}.");
        return new RowCountPlan(RelationResolver.PlanId(relation), child, kind, count);
    }

    /// <summary>Distinct rows, or one row per key when column names are given.</summary>
    internal static LogicalPlan Deduplicate(RelationResolver resolver, Relation relation)
    {
        var deduplicate = relation.Deduplicate;
        if (deduplicate.WithinWatermark)
            throw LocalEngineException.Unsupported("dropDuplicatesWithinWatermark", "Watermarks need a streaming engine.");
        var child = resolver.Input(deduplicate.Input);
        if (deduplicate.AllColumnsAsKeys || deduplicate.ColumnNames.Count == 0)
            return new DistinctPlan(RelationResolver.PlanId(relation), child, null);
        var keys = deduplicate.ColumnNames.SelectMany(name =>
        {
            var matches = child.Output.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            return matches.Count > 0 ? matches : throw new LocalEngineException("UNRESOLVED_COLUMN_AMONG_FIELD_NAMES", "42703",
                $"Cannot resolve column name \"{name}\" among ({string.Join(", ", child.Output.Select(c => c.Name))}).",
                new Dictionary<string, string> { ["colName"] = name, ["fieldNames"] = string.Join(", ", child.Output.Select(c => c.Name)) });
        }).DistinctBy(c => c.Id).ToList();
        return new DistinctPlan(RelationResolver.PlanId(relation), child, keys);
    }
}
