namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// What an expression can see while it is resolved: the columns of its input, the input plans (to find the
/// node a DataFrame column reference's plan id names), lambda variables, and the scope of the enclosing
/// query when the expression sits inside a subquery (correlated references).
/// </summary>
internal sealed record ResolutionScope(IReadOnlyList<PlanColumn> Columns, IReadOnlyList<LogicalPlan> Inputs, ResolutionScope? Outer = null)
{
    /// <summary>A scope over one input's output.</summary>
    internal static ResolutionScope Of(LogicalPlan input, ResolutionScope? outer = null) => new(input.Output, [input], outer) { Hidden = input.Hidden, GroupingAliases = input.GroupingAliases };

    /// <summary>
    /// Whether this scope is the left side a LATERAL subquery reads: there a qualified star (<c>t1.*</c>) the subquery's own
    /// input does not hold expands to this scope's columns of <c>t1</c>, as Spark expands an outer star in a lateral subquery.
    /// </summary>
    internal bool LateralLeft { get; init; }

    /// <summary>Join keys only a qualified name reaches (<see cref="HiddenColumn"/>).</summary>
    internal IReadOnlyList<HiddenColumn> Hidden { get; init; } = [];

    /// <summary>
    /// Grouping columns under the input column's name (<see cref="LogicalPlan.GroupingAliases"/>): a name neither the
    /// columns nor the hidden columns hold that an aggregate groups by reads the grouping column, as Spark resolves a
    /// HAVING subquery's outer references against the aggregate's input and its grouping expressions.
    /// </summary>
    internal IReadOnlyList<PlanColumn> GroupingAliases { get; init; } = [];

    /// <summary>A scope with no columns (literal-only expressions such as SQL arguments).</summary>
    internal static ResolutionScope Empty { get; } = new([], []);

    /// <summary>The lambda variables in scope, innermost lambda first (an inner variable hides an outer one of the same name).</summary>
    internal IReadOnlyList<LambdaVariable> LambdaVariables { get; init; } = [];

    /// <summary>The lambda variable called <paramref name="name"/> (case-insensitively, as Spark's resolver), or null.</summary>
    internal LambdaVariable? FindLambdaVariable(string name) =>
        LambdaVariables.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>This scope with <paramref name="variables"/> bound in front of the ones already visible.</summary>
    internal ResolutionScope WithLambdaVariables(IReadOnlyList<LambdaVariable> variables) =>
        this with { LambdaVariables = [.. variables, .. LambdaVariables] };

    /// <summary>
    /// The nodes carrying <paramref name="planId"/>, searched breadth-first below (and including) the inputs:
    /// as in Spark, the shallowest match wins and equally shallow matches on different inputs are ambiguous.
    /// </summary>
    internal LogicalPlan? FindPlan(long planId, string construct)
    {
        var level = Inputs.ToList();
        while (level.Count > 0)
        {
            var found = level.Where(p => p.PlanId == planId).Distinct().ToList();
            if (found.Count == 1)
                return found[0];
            if (found.Count > 1)
                throw new LocalEngineException("AMBIGUOUS_COLUMN_REFERENCE", "42702",
                    $"{construct} is ambiguous: the DataFrame it comes from (plan id {planId}) is on both sides of this operation. " +
                    "Give each side an alias (df.alias(\"a\")) and refer to the column through the alias.");
            level = level.SelectMany(p => p.Children).ToList();
        }
        return null;
    }
}
