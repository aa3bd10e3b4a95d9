namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// <c>df.sample(fraction, seed)</c> and each part of <c>randomSplit</c>: Spark keeps a row when its random
/// number in [0, 1) falls in [lower, upper). Here that number is a hash of the row and the seed, so the
/// parts of one split (adjacent ranges, same seed) are disjoint and together hold every row; equal rows
/// always land in the same part.
/// </summary>
internal static class SampleResolver
{
    // Spark's Sample checks its bounds with this tolerance.
    private const double Epsilon = 1e-6;

    internal static LogicalPlan Resolve(RelationResolver resolver, Relation relation)
    {
        var sample = relation.Sample;
        var child = resolver.Input(sample.Input);
        if (sample.HasWithReplacement && sample.WithReplacement)
            throw LocalEngineException.Unsupported("sampling with replacement", "Sample without replacement (withReplacement = false).");
        var (lower, upper) = (sample.LowerBound, sample.UpperBound);
        if (double.IsNaN(lower) || double.IsNaN(upper) || upper - lower < -Epsilon || lower < -Epsilon || upper > 1.0 + Epsilon)
            throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023",
                $"A sample's bounds must satisfy 0 <= lower <= upper <= 1, but they are [{lower}, {upper}).",
                new Dictionary<string, string> { ["parameter"] = "`fraction`", ["functionName"] = "`sample`" });
        // Spark draws a seed when the client sends none.
        var seed = sample.HasSeed ? sample.Seed : Random.Shared.NextInt64();
        return new SamplePlan(RelationResolver.PlanId(relation), child, lower, upper, seed);
    }
}
