using System.Globalization;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// <c>df.describe(cols)</c> and <c>df.summary(stats)</c>: one string column <c>summary</c> naming each
/// statistic, then one string column per numeric or string input column, one row per statistic in the
/// order given. As in Spark, the statistics are global aggregates cast to string (strings are read as
/// doubles, null when they aren't numbers, for mean and stddev), then spread into rows.
/// </summary>
internal static class SummaryResolver
{
    private static readonly string[] DescribeStatistics = ["count", "mean", "stddev", "min", "max"];
    private static readonly string[] DefaultStatistics = ["count", "mean", "stddev", "min", "25%", "50%", "75%", "max"];

    internal static LogicalPlan Describe(RelationResolver resolver, Relation relation)
    {
        var describe = relation.Describe;
        var child = resolver.Input(describe.Input);
        if (describe.Cols.Count > 0)
        {
            // describe(cols) is select(cols).describe(): a column listed twice is summarized twice.
            var selected = new List<NamedExpression>();
            foreach (var column in describe.Cols.Select(name => ResolvedCalls.NamedColumn(child.Output, name, "describe")))
            {
                var output = selected.Any(i => i.Column.Id == column.Id) ? resolver.Context.Copy(column) : column;
                selected.Add(new NamedExpression(ResolvedCalls.Column(column), output));
            }
            child = new ProjectPlan(null, child, selected);
        }
        return Summarize(resolver, relation, child, DescribeStatistics);
    }

    internal static LogicalPlan Summary(RelationResolver resolver, Relation relation)
    {
        var summary = relation.Summary;
        var child = resolver.Input(summary.Input);
        return Summarize(resolver, relation, child, summary.Statistics.Count > 0 ? [.. summary.Statistics] : DefaultStatistics);
    }

    private static LogicalPlan Summarize(RelationResolver resolver, Relation relation, LogicalPlan child, IReadOnlyList<string> statistics)
    {
        foreach (var statistic in statistics.Where(s => s.EndsWith('%')))
        {
            if (!double.TryParse(statistic.AsSpan(0, statistic.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                throw new LocalEngineException("_LEGACY_ERROR_TEMP_2113", "22023", $"Unable to parse {statistic} as a percentile.",
                    new Dictionary<string, string> { ["stats"] = statistic });
        }
        var columns = child.Output.Where(c => SparkTypes.IsNumeric(c.Type) || c.Type.KindCase == DataType.KindOneofCase.String).ToList();
        var summary = resolver.Context.NewColumn("summary", SparkTypes.String, nullable: false);
        if (columns.Count == 0)
        {
            // Nothing to summarize: Spark still answers one row per statistic, naming it.
            var once = new ProjectPlan(null, null, [new NamedExpression(ResolvedCalls.Integer(1), resolver.Context.NewColumn("one", new DataType { Integer = new() }, false))]);
            return new ExpandPlan(RelationResolver.PlanId(relation), [summary], once,
                statistics.Select(s => (IReadOnlyList<ResolvedExpression>)[ResolvedCalls.String(s)]).ToList());
        }
        var duplicate = statistics.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new LocalEngineException("DUPLICATED_MAP_KEY", "23505", $"Duplicate map key {duplicate.Key} was found: each statistic can be asked for once.",
                new Dictionary<string, string> { ["key"] = duplicate.Key, ["mapKeyDedupPolicy"] = "\"spark.sql.mapKeyDedupPolicy\"" });

        var aggregates = new List<NamedExpression>();
        foreach (var column in columns)
        {
            foreach (var statistic in statistics)
            {
                var value = ResolvedCalls.CastTo(Statistic(resolver, column, statistic), SparkTypes.String);
                aggregates.Add(new NamedExpression(value, resolver.Context.NewColumn(column.Name + "_" + statistic, SparkTypes.String, true)));
            }
        }
        var aggregate = new AggregatePlan(null, child, [], aggregates);
        var output = new List<PlanColumn> { summary };
        output.AddRange(columns.Select(c => resolver.Context.NewColumn(c.Name, SparkTypes.String, nullable: true)));
        var rows = statistics.Select((statistic, s) =>
        {
            var row = new List<ResolvedExpression> { ResolvedCalls.String(statistic) };
            row.AddRange(columns.Select((_, c) => ResolvedCalls.Column(aggregates[c * statistics.Count + s].Column)));
            return (IReadOnlyList<ResolvedExpression>)row;
        }).ToList();
        return new ExpandPlan(RelationResolver.PlanId(relation), output, aggregate, rows);
    }

    /// <summary>One statistic of one column, as Spark computes it (names compared case-insensitively).</summary>
    private static ResolvedExpression Statistic(RelationResolver resolver, PlanColumn column, string statistic)
    {
        ResolvedExpression value = ResolvedCalls.Column(column);
        // mean and stddev read a string column as doubles (try_cast: text that isn't a number is skipped).
        var numeric = column.Type.KindCase == DataType.KindOneofCase.String
            ? new CastExpression(value, new DataType { Double = new() }, true, new Expression
            {
                Cast = new Expression.Types.Cast { Type = new DataType { Double = new() }, EvalMode = Expression.Types.Cast.Types.EvalMode.Try },
            })
            : value;
        return statistic.ToLowerInvariant() switch
        {
            "count" => ResolvedCalls.Call(resolver, "count", value),
            // Spark's approx_count_distinct estimates within 5% relative error; the exact count is within that bound.
            "count_distinct" or "approx_count_distinct" => ResolvedCalls.CallDistinct(resolver, "count", value),
            "mean" => ResolvedCalls.Call(resolver, "avg", numeric),
            "stddev" => ResolvedCalls.Call(resolver, "stddev", numeric),
            "min" => ResolvedCalls.Call(resolver, "min", value),
            "max" => ResolvedCalls.Call(resolver, "max", value),
            // As Spark: percentile_approx (nearest rank; strings read as doubles).
            var percentile when percentile.EndsWith('%') => ResolvedCalls.Call(resolver, "percentile_approx", numeric,
                ResolvedCalls.Value(new Expression.Types.Literal { Double = double.Parse(percentile[..^1], CultureInfo.InvariantCulture) / 100 })),
            _ => throw new LocalEngineException("_LEGACY_ERROR_TEMP_2114", "22023", $"{statistic} is not a recognised statistic.",
                new Dictionary<string, string> { ["stats"] = statistic }),
        };
    }
}
