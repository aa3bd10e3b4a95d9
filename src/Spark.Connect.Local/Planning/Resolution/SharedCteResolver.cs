namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>The rows a nondeterministic CTE computed once: its run table and its columns' names, types and nullability.</summary>
internal sealed record SharedRows(string Table, IReadOnlyList<PlanColumn> Columns);

/// <summary>
/// A nondeterministic common table expression (<see cref="Sql.SharedCte"/>): the first read in a plan computes its
/// rows into a temporary table of the session, and every read of the plan reads that table, so all of them see the
/// same values, as in Spark (<c>WITH q AS (SELECT rand() …) SELECT … FROM q UNION SELECT … FROM q</c>).
/// </summary>
internal static class SharedCteResolver
{
    internal static LogicalPlan Resolve(RelationResolver resolver, Relation relation, long id, Relation query)
    {
        // Inside a recursive term the CTE may read the level being built: its rows are shared within one level only.
        var key = string.Join(",", resolver.Context.RecursionLevels.OrderBy(l => l.Key).Select(l => $"{l.Key}:{l.Value.Level}").Prepend(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (!resolver.Context.SharedCtes.TryGetValue(key, out var rows))
        {
            var plan = resolver.Input(query);
            var types = plan.Output.Select(c => c.Type).ToList();
            var table = RecursiveCteResolver.CreateRunTable(resolver.Context.Planning.Session, types);
            RecursiveCteResolver.Insert(resolver, table, plan, 1, null);
            rows = new SharedRows(table, plan.Output);
            resolver.Context.SharedCtes[key] = rows;
        }
        var output = rows.Columns.Select(c => resolver.Context.NewColumn(c.Name, c.Type, c.Nullable)).ToList();
        return new ScanPlan(RelationResolver.PlanId(relation), output, RecursiveCteResolver.ReadAll(rows.Table, output.Count));
    }
}
