using Spark.Connect.Protocol;

namespace Spark.Linq.Testing;

/// <summary>
/// A DataFrame pivot (<c>groupBy(g).pivot(col, values).agg(…)</c>) as Spark SQL's PIVOT clause. SQL's PIVOT groups by
/// every input column its aggregates and pivot column don't use, so the input is first narrowed to exactly the grouping
/// columns, the pivot column and the columns the aggregates read: then both group alike, and Spark names the output
/// columns by the same rule (the value, or <c>value_aggregate</c> with several aggregates).
/// </summary>
internal sealed partial class SparkSqlRenderer
{
    private SqlBlock PivotBlock(Aggregate aggregate)
    {
        var pivot = aggregate.Pivot ?? throw new NotSupportedException("The plan has a pivot aggregate without a pivot column.");
        if (pivot.Values.Count == 0)
            throw new NotSupportedException("The plan pivots without listing the values (Spark finds them by running a job); SQL's PIVOT needs them: pass the values to pivot().");
        if (aggregate.GroupingSets.Count > 0)
            throw new NotSupportedException("The plan pivots by grouping sets, which ToSparkSql can't write as Spark SQL.");
        var pivotName = PlainColumnName(pivot.Col, "pivot column");
        var groupNames = aggregate.GroupingExpressions.Select(g => OutputName(g)).ToList();
        var read = new List<string>();
        foreach (var expression in aggregate.AggregateExpressions)
        {
            Plans.PlanWalk.Visit(expression, m =>
            {
                if (m is Expression.Types.UnresolvedAttribute a) read.Add(SparkSqlNames.Parts(a.UnparsedIdentifier)[^1]);
            });
        }
        var both = read.FirstOrDefault(r => groupNames.Contains(r, StringComparer.OrdinalIgnoreCase) || string.Equals(r, pivotName, StringComparison.OrdinalIgnoreCase));
        if (both is not null)
            throw new NotSupportedException($"The plan's pivot aggregates column {both}, which it also groups or pivots by; SQL's PIVOT can't say that.");

        var input = Block(aggregate.Input);
        if (!input.CanProject(hasWindow: false)) input = Wrap(input);
        var render = new SparkSqlExpressions(input.Hidden);
        var columns = aggregate.GroupingExpressions.Select(render.Render).Append(render.Render(pivot.Col))
            .Concat(read.Distinct(StringComparer.OrdinalIgnoreCase).Select(SparkSqlNames.Quote));
        input.Select = string.Join(", ", columns);
        // The aggregates read the narrowed columns by name: inside the PIVOT they can't see the input's qualifiers.
        var unqualified = new SparkSqlExpressions(new HashSet<string>());
        var aggregates = string.Join(", ", aggregate.AggregateExpressions.Select(e => unqualified.Render(Unqualified(e))));
        var values = string.Join(", ", pivot.Values.Select(SparkSqlLiterals.Render));
        var narrowed = NewAlias();
        var text = $"SELECT *\nFROM {SqlBlock.Subquery(input.ToSql(), narrowed)}\nPIVOT (\n  {aggregates}\n  FOR {SparkSqlNames.Quote(pivotName)} IN ({values})\n)";
        var alias = NewAlias();
        return new SqlBlock(SqlBlock.Subquery(text, alias), [alias]);
    }

    /// <summary>A copy of <paramref name="e"/> whose column references keep only their last name part.</summary>
    private static Expression Unqualified(Expression e)
    {
        var copy = e.Clone();
        Plans.PlanWalk.Visit(copy, m =>
        {
            if (m is Expression.Types.UnresolvedAttribute a) a.UnparsedIdentifier = SparkSqlNames.Quote(SparkSqlNames.Parts(a.UnparsedIdentifier)[^1]);
        });
        return copy;
    }

    private static string OutputName(Expression e) => e.ExprTypeCase == Expression.ExprTypeOneofCase.Alias && e.Alias.Name.Count == 1
        ? e.Alias.Name[0]
        : PlainColumnName(e, "grouping expression");

    private static string PlainColumnName(Expression e, string what) => e.ExprTypeCase == Expression.ExprTypeOneofCase.UnresolvedAttribute
        ? SparkSqlNames.Parts(e.UnresolvedAttribute.UnparsedIdentifier)[^1]
        : throw new NotSupportedException($"The plan pivots with a {what} that is not a column or a named expression, which ToSparkSql can't name in Spark SQL; alias it.");
}
