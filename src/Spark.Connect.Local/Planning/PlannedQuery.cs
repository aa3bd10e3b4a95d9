using Spark.Connect;

namespace Spark.Connect.Local.Planning;

/// <summary>
/// A Spark Connect plan turned into one DuckDB statement. <see cref="Sql"/> is built only from the
/// plan's structure (quoted identifiers, fixed keywords and function names); every value in the plan
/// travels in <see cref="Parameters"/> and is bound positionally to <c>$1</c>, <c>$2</c>, … so a
/// user's string can never become SQL text.
/// </summary>
internal sealed record PlannedQuery(string Sql, IReadOnlyList<Expression.Types.Literal> Parameters)
{
    /// <summary>The result's Spark schema as the resolver typed it; null when the relation was planned without resolution.</summary>
    internal DataType? Schema { get; init; }

    /// <summary>The resolved plan the statement was rendered from (for explain).</summary>
    internal Resolution.LogicalPlan? Resolved { get; init; }
}
