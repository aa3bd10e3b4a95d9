using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Spark's checks on non-deterministic lateral joins: a lateral subquery that calls a non-deterministic function
/// (rand, uuid, …) may only follow a left side of at most one row (<c>NON_DETERMINISTIC_LATERAL_SUBQUERIES</c>), and the
/// join condition must be deterministic (<c>LATERAL_JOIN_CONDITION_NON_DETERMINISTIC</c>).
/// </summary>
internal static class LateralDeterminism
{
    private static readonly HashSet<string> NonDeterministic = new(StringComparer.OrdinalIgnoreCase)
    {
        "rand", "randn", "random", "uuid", "shuffle", "monotonically_increasing_id", "uniform", "randstr",
    };

    /// <summary>Throws Spark's error when the lateral subquery or the condition is non-deterministic where Spark refuses it.</summary>
    internal static void Check(Relation right, Expression? condition, LogicalPlan left)
    {
        if (condition is not null && Calls(condition))
            throw new LocalEngineException("INVALID_SUBQUERY_EXPRESSION.LATERAL_JOIN_CONDITION_NON_DETERMINISTIC", "0A000",
                "Invalid subquery: lateral join condition cannot be non-deterministic.");
        if (!AtMostOneRow(left) && Calls(right))
            throw new LocalEngineException("INVALID_SUBQUERY_EXPRESSION.NON_DETERMINISTIC_LATERAL_SUBQUERIES", "0A000",
                "Invalid subquery: non-deterministic lateral subqueries are not supported when joining with outer relations that produce more than one row.");
    }

    // Every message below the relation, found through the protobuf descriptors, so no relation kind is missed.
    private static bool Calls(IMessage message)
    {
        PlanComplexity.EnsureStack();
        if (message is Expression { UnresolvedFunction: { } function } && NonDeterministic.Contains(function.FunctionName))
            return true;
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType != FieldType.Message)
                continue;
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated ? ((System.Collections.IEnumerable)value).OfType<IMessage>().Any(Calls) : value is IMessage child && Calls(child))
                return true;
        }
        return false;
    }

    private static bool AtMostOneRow(LogicalPlan plan) => plan switch
    {
        AggregatePlan { Groupings.Count: 0, GroupingSets: null } => true,
        ProjectPlan { Child: null } => true,
        // A projection computing aggregates without grouping is a global aggregate: one row.
        ProjectPlan { Child: { } child } project => project.Items.Any(i => Aggregates(i.Expression)) || AtMostOneRow(child),
        RowCountPlan { Kind: RowCountKind.Limit, Count: <= 1 } => true,
        FilterPlan filter => AtMostOneRow(filter.Child),
        SortPlan sort => AtMostOneRow(sort.Child),
        PassThroughPlan pass => AtMostOneRow(pass.Child),
        _ => false,
    };

    private static bool Aggregates(ResolvedExpression expression) => expression is FunctionExpression function
        && (Functions.FunctionRegistry.TryFind(function.Name)?.Kind == Functions.FunctionKind.Aggregate || function.Arguments.Any(Aggregates));
}
