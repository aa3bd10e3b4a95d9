using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// <c>df.unpivot(ids, values, variable, value)</c>: each input row becomes one row per value column, in
/// the order the values are listed, holding the ids, the value column's name and its value. Without
/// values, every column the ids don't refer to is a value. Values are widened to one type as Spark does.
/// </summary>
internal static class UnpivotResolver
{
    internal static LogicalPlan Resolve(RelationResolver resolver, Relation relation) => Resolve(resolver, relation, relation.Unpivot, implicitIds: false);

    /// <summary>
    /// As above; with <paramref name="implicitIds"/> (SQL's UNPIVOT clause) the ids are every input column the values
    /// don't refer to, in input order.
    /// </summary>
    internal static LogicalPlan Resolve(RelationResolver resolver, Relation relation, Unpivot unpivot, bool implicitIds)
    {
        var child = resolver.Input(unpivot.Input);
        var scope = resolver.ScopeOf(child);
        var listedValues = unpivot.Values?.Values_.Select(v => (Name: ColumnNamer.Name(v), Expression: resolver.Expressions.Resolve(v, scope))).ToList();
        var ids = implicitIds && listedValues is not null
            ? ProjectionResolver.Identity(child.Output.Where(c => !ReferencedColumns.Of(listedValues.Select(v => v.Expression)).Contains(c.Id)))
            : ProjectionResolver.Items(resolver, unpivot.Ids, scope);
        var values = listedValues ?? AllButIds(child, ids);
        if (values.Count == 0)
            throw new LocalEngineException("UNPIVOT_REQUIRES_VALUE_COLUMNS", "42K0A",
                "At least one value column needs to be specified for UNPIVOT, all columns specified as ids.");
        var type = values[0].Expression.Type;
        foreach (var (_, expression) in values.Skip(1))
            type = ResolvedTypes.Wider(type, expression.Type, () => Mismatch(values));

        var variable = resolver.Context.NewColumn(unpivot.VariableColumnName, SparkTypes.String, nullable: false);
        var value = resolver.Context.NewColumn(unpivot.ValueColumnName, type, values.Any(v => v.Expression.Nullable));
        var output = ids.Select(i => i.Column).Append(variable).Append(value).ToList();
        var rows = values.Select(v =>
        {
            var row = ids.Select(i => i.Expression).ToList();
            row.Add(ResolvedCalls.String(v.Name));
            row.Add(ResolvedCalls.CastTo(v.Expression, type));
            return (IReadOnlyList<ResolvedExpression>)row;
        }).ToList();
        return new ExpandPlan(RelationResolver.PlanId(relation), output, child, rows);
    }

    /// <summary>The input columns none of the id expressions refers to, in input order.</summary>
    private static List<(string Name, ResolvedExpression Expression)> AllButIds(LogicalPlan child, List<NamedExpression> ids)
    {
        var referenced = ReferencedColumns.Of(ids.Select(i => i.Expression));
        return child.Output.Where(c => !referenced.Contains(c.Id))
            .Select(c => (c.Name, (ResolvedExpression)ResolvedCalls.Column(c))).ToList();
    }

    private static LocalEngineException Mismatch(List<(string Name, ResolvedExpression Expression)> values)
    {
        var types = "[" + string.Join(", ", values.Select(v => $"`{v.Name}` {SparkTypes.Name(v.Expression.Type).ToUpperInvariant()}")) + "]";
        return new LocalEngineException("UNPIVOT_VALUE_DATA_TYPE_MISMATCH", "42K09",
            $"Unpivot value columns must share a least common type, some types do not: {types}.",
            new Dictionary<string, string> { ["types"] = types });
    }
}
