namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's inverse-distribution functions, <c>percentile_cont(p)</c> and <c>percentile_disc(p)</c>, exist only as
/// <c>f(p) WITHIN GROUP (ORDER BY x)</c>. The SQL parser turns that form into a call it marks internal
/// (<c>UnresolvedFunction.is_internal</c>); a call of either name without the mark is a direct call, which Spark refuses
/// with INVALID_INVERSE_DISTRIBUTION_FUNCTION.WITHIN_GROUP_MISSING rather than guessing which column is ordered.
/// </summary>
internal static class InverseDistributionFunctions
{
    private static readonly HashSet<string> WithinGroupOnly = new(StringComparer.OrdinalIgnoreCase) { "percentile_cont", "percentile_disc" };

    /// <summary>
    /// True for any call but a direct call of an inverse-distribution function, for which it throws: a guard the
    /// resolver's expression switch applies before resolving a call (<paramref name="isInternal"/>: the WITHIN GROUP mark).
    /// </summary>
    public static bool Reachable(string name, bool isInternal)
    {
        if (!isInternal && WithinGroupOnly.Contains(name))
            throw WithinGroupMissing(name);
        return true;
    }

    /// <summary>Throws Spark's WITHIN_GROUP_MISSING error when <paramref name="call"/> calls an inverse-distribution function directly.</summary>
    public static void CheckReachable(Expression.Types.UnresolvedFunction call) => Reachable(call.FunctionName, call.IsInternal);

    private static LocalEngineException WithinGroupMissing(string function)
    {
        var name = "`" + function.ToLowerInvariant() + "`";
        return new LocalEngineException("INVALID_INVERSE_DISTRIBUTION_FUNCTION.WITHIN_GROUP_MISSING", "42K0K",
            $"Invalid inverse distribution function {name}. WITHIN GROUP is required for inverse distribution function.",
            new Dictionary<string, string> { ["funcName"] = name });
    }
}
