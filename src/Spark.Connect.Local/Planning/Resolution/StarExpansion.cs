using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// What <c>*</c> stands for: every input column; <c>df["*"]</c> (a plan id) the columns of that DataFrame
/// still in the input; <c>t.*</c> the columns qualified by <c>t</c>, or the fields of a struct column <c>t</c>.
/// </summary>
internal static class StarExpansion
{
    internal static IReadOnlyList<PlanColumn> Expand(Expression.Types.UnresolvedStar star, ResolutionScope scope)
    {
        if (star.HasPlanId)
        {
            var node = scope.FindPlan(star.PlanId, "'*'") ?? throw new LocalEngineException("CANNOT_RESOLVE_DATAFRAME_COLUMN", "42704",
                $"Cannot resolve '*' of the DataFrame with plan id {star.PlanId}: it is not an input of this operation.");
            var ids = node.Output.Select(c => c.Id).ToHashSet();
            return scope.Columns.Where(c => ids.Contains(c.Id)).ToList();
        }
        if (!star.HasUnparsedTarget)
            return scope.Columns;
        var target = star.UnparsedTarget;
        if (!target.EndsWith(".*", StringComparison.Ordinal))
            throw new LocalEngineException("INVALID_USAGE_OF_STAR_OR_REGEX", "42000", $"'{target}' is not a star target; write 'name.*'.");
        var parts = MultipartIdentifier.Parse(target[..^2]);
        var qualified = scope.Columns.Where(c => c.Qualifier.Count >= parts.Count
            && parts.Select((p, i) => string.Equals(p, c.Qualifier[c.Qualifier.Count - parts.Count + i], StringComparison.OrdinalIgnoreCase)).All(x => x)).ToList();
        if (qualified.Count > 0)
            return qualified;
        throw new NotYetResolvableException("a struct star (s.*)");
    }
}
