namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>The parts of a condition joined by AND, as the checks and rewrites that look at one predicate at a time need them.</summary>
internal static class Conjuncts
{
    /// <summary>The conjuncts of <paramref name="condition"/> in order; the condition itself when it is not an AND.</summary>
    public static IEnumerable<ResolvedExpression> Of(ResolvedExpression condition) =>
        condition is FunctionExpression { Name: "and", Arguments: [var left, var right] } ? Of(left).Concat(Of(right)) : [condition];
}
