using Spark.Connect.Local.Planning.Resolution;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Rendering;

/// <summary>SQL for the nodes that make several rows of one (Expand) or keep a hashed share of them (Sample).</summary>
internal static class RowGeneratorSql
{
    /// <summary>
    /// One <c>unnest</c> per output column over the list of that column's expressions, one per projection:
    /// DuckDB unnests the lists of one SELECT side by side, so row i of an input row takes element i of every
    /// list, and the rows come out in projection order for each input row in turn.
    /// </summary>
    internal static string Expand(ExpandPlan expand, PlanningContext context)
    {
        var columns = expand.Output.Select((column, j) =>
        {
            var type = DuckDbTypeNames.FromSpark(column.Type);
            var elements = expand.Projections.Select(p => $"CAST({ExpressionSql.Render(p[j], context)} AS {type})");
            return $"unnest([{string.Join(", ", elements)}]) AS {column.SqlName}";
        });
        return $"SELECT {string.Join(", ", columns)} FROM {PlanSql.From(expand.Child, context)}";
    }

    /// <summary>
    /// Rows whose <c>hash(columns…, seed)</c>, its top 53 bits read as a fraction in [0, 1), lies in
    /// [lower, upper). The seed and bounds are bound parameters.
    /// </summary>
    internal static string Sample(SamplePlan sample, PlanningContext context)
    {
        var seed = LiteralBinder.Render(new Literal { Long = sample.Seed }, context);
        var hashed = string.Join(", ", sample.Child.Output.Select(c => c.SqlName).Append(seed));
        var fraction = $"(CAST(hash({hashed}) >> 11 AS DOUBLE) / 9007199254740992.0)";
        var lower = LiteralBinder.Render(new Literal { Double = sample.Lower }, context);
        var upper = LiteralBinder.Render(new Literal { Double = sample.Upper }, context);
        return $"SELECT * FROM {PlanSql.From(sample.Child, context)} WHERE {fraction} >= {lower} AND {fraction} < {upper}";
    }
}
