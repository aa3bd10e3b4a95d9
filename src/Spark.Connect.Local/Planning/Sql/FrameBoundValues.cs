namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Spark's parser takes a window frame offset (<c>n PRECEDING</c>, <c>n FOLLOWING</c>) only when it is already resolved and
/// foldable while parsing: literals (numbers, intervals, typed literals), and casts and arithmetic of them. A column, a
/// function call such as <c>current_date</c> or a subquery is refused there, as a parse error, before any type check.
/// </summary>
internal static class FrameBoundValues
{
    private static readonly HashSet<string> Arithmetic = new(StringComparer.Ordinal) { "+", "-", "*", "/", "%", "negative", "positive" };

    /// <summary>Throws Spark's <c>_LEGACY_ERROR_TEMP_0064</c> unless <paramref name="offset"/> is a constant the parser can fold.</summary>
    internal static void RequireConstant(Expression offset)
    {
        if (!IsConstant(offset))
            throw new LocalEngineException("_LEGACY_ERROR_TEMP_0064", "42000", "Frame bound value must be a literal.",
                new Dictionary<string, string> { ["msg"] = "Frame bound value must be a literal." });
    }

    private static bool IsConstant(Expression expression) => expression.ExprTypeCase switch
    {
        Expression.ExprTypeOneofCase.Literal => true,
        Expression.ExprTypeOneofCase.Cast => IsConstant(expression.Cast.Expr),
        Expression.ExprTypeOneofCase.Alias => IsConstant(expression.Alias.Expr),
        Expression.ExprTypeOneofCase.UnresolvedFunction =>
            Arithmetic.Contains(expression.UnresolvedFunction.FunctionName) && expression.UnresolvedFunction.Arguments.All(IsConstant),
        _ => false,
    };
}
