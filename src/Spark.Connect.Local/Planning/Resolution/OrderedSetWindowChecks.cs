using Frame = Spark.Connect.Protocol.Expression.Types.Window.Types.WindowFrame;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Spark's CheckAnalysis rule for inverse-distribution aggregates used as window functions: <c>percentile_cont</c>,
/// <c>percentile_disc</c>, <c>median</c> and any other <c>… WITHIN GROUP (ORDER BY …)</c> aggregate take a whole
/// partition only, so a window with ORDER BY, or with any frame but <c>ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED
/// FOLLOWING</c>, is refused (<c>INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC</c>) rather than computed over a running frame.
/// </summary>
internal static class OrderedSetWindowChecks
{
    /// <summary>
    /// The window function of <paramref name="window"/> without the name the SQL parser gives an ordered-set aggregate
    /// (<c>percentile_cont(0.25) WITHIN GROUP (ORDER BY x)</c>, an alias around the call), and that name, or null for
    /// an ordinary call.
    /// </summary>
    internal static (Expression Function, string? OrderedSetName) Unwrap(Expression.Types.Window window) =>
        window.WindowFunction is { ExprTypeCase: Expression.ExprTypeOneofCase.Alias, Alias: { Name.Count: 1, Expr.ExprTypeCase: Expression.ExprTypeOneofCase.UnresolvedFunction } alias }
            ? (alias.Expr, alias.Name[0])
            : (window.WindowFunction, null);

    /// <summary>Throws when <paramref name="orderedSetName"/> (an ordered-set aggregate), or <paramref name="functionName"/> when it is <c>median</c>, is used over more or less than a whole partition.</summary>
    internal static void Check(string? orderedSetName, string functionName, Expression.Types.Window window)
    {
        var subject = orderedSetName ?? (functionName.Equals("median", StringComparison.OrdinalIgnoreCase) ? functionName : null);
        if (subject is null || WholePartition(window))
            return;
        throw new LocalEngineException("INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC", "42601",
            $"Cannot specify ORDER BY or a window frame for \"{subject}\".", new Dictionary<string, string> { ["aggFunc"] = $"\"{subject}\"" });
    }

    private static bool WholePartition(Expression.Types.Window window) =>
        window.OrderSpec.Count == 0
        && (window.FrameSpec is null or { FrameType: Frame.Types.FrameType.Undefined }
            || window.FrameSpec is { FrameType: Frame.Types.FrameType.Row, Lower.BoundaryCase: Frame.Types.FrameBoundary.BoundaryOneofCase.Unbounded, Upper.BoundaryCase: Frame.Types.FrameBoundary.BoundaryOneofCase.Unbounded });
}
