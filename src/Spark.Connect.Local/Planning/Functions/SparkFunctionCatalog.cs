using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Renders a Spark function call (an <c>UnresolvedFunction</c>) as DuckDB SQL with Spark's semantics:
/// Spark's result types (cast where DuckDB's differ), Spark's edge cases (1-based strings, HALF_UP
/// rounding, division by zero raising) and Spark's argument conventions. Each family of functions lives
/// in its own file; <see cref="FunctionRegistry"/> maps names to them.
/// </summary>
internal static class SparkFunctionCatalog
{
    /// <summary>
    /// Renders <paramref name="name"/> applied to already-rendered <paramref name="arguments"/>.
    /// Throws <see cref="LocalEngineException"/> for a function or argument shape it does not know, never guessing:
    /// UNRESOLVED_ROUTINE for a name Spark does not know either, UNSUPPORTED_FEATURE.LOCAL_ENGINE for a Spark
    /// function or shape this engine does not implement, or a Spark argument error class.
    /// </summary>
    public static string Render(string name, IReadOnlyList<SqlArgument> arguments, bool isDistinct, IFunctionRenderContext context)
    {
        var renderer = FunctionRegistry.Find(name);
        if (renderer.Kind == FunctionKind.Window)
            throw new LocalEngineException("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE", "42601",
                $"Window function '{name}' requires an OVER clause.", new Dictionary<string, string> { ["funcName"] = name });
        if (isDistinct && renderer.Kind != FunctionKind.Aggregate)
            throw DistinctNotAllowed(name);
        return renderer.Render(new FunctionCall(name, arguments, isDistinct, context, Over: null));
    }

    /// <summary>
    /// Renders <paramref name="name"/> as a window function: <paramref name="overClause"/> (the complete
    /// <c>OVER (…)</c> text built by the planner) is placed right after the DuckDB window or aggregate
    /// call, inside any cast that gives the result Spark's type (for example
    /// <c>CAST(row_number() OVER (…) AS INTEGER)</c>). Scalar functions can't be windowed.
    /// </summary>
    public static string RenderWindow(string name, IReadOnlyList<SqlArgument> arguments, string overClause, IFunctionRenderContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(overClause);
        var renderer = FunctionRegistry.Find(name);
        if (renderer.Kind == FunctionKind.Scalar)
            throw LocalEngineException.Unsupported($"'{name}' as a window function",
                "Only aggregate functions and ranking/offset functions (row_number, rank, lag, …) can be used with OVER.");
        return renderer.Render(new FunctionCall(name, arguments, IsDistinct: false, context, overClause));
    }

    /// <summary>True when <paramref name="name"/> is an aggregate function (the planner needs to know for GROUP BY).</summary>
    public static bool IsAggregate(string name) => FunctionRegistry.TryFind(name) is { Kind: FunctionKind.Aggregate };

    private static LocalEngineException DistinctNotAllowed(string name) =>
        new("INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX", "42000",
            $"The function '{name}' does not support DISTINCT; only aggregate functions do.",
            new Dictionary<string, string> { ["prettyName"] = name, ["syntax"] = "DISTINCT" });
}
