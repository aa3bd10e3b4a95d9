using FrameType = Spark.Connect.Expression.Types.Window.Types.WindowFrame.Types.FrameType;
using Boundary = Spark.Connect.Expression.Types.Window.Types.WindowFrame.Types.FrameBoundary;
using Literal = Spark.Connect.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Expressions;

/// <summary><c>fn OVER (PARTITION BY … ORDER BY … ROWS|RANGE BETWEEN … AND …)</c> for a Spark window expression.</summary>
internal static class WindowRenderer
{
    internal static string Render(Expression.Types.Window window, ExpressionRenderer renderer, PlanningContext context)
    {
        var clauses = new List<string>();
        if (window.PartitionSpec.Count > 0)
            clauses.Add("PARTITION BY " + string.Join(", ", window.PartitionSpec.Select(renderer.Render)));
        if (window.OrderSpec.Count > 0)
            clauses.Add("ORDER BY " + string.Join(", ", window.OrderSpec.Select(renderer.SortOrder)));
        if (window.FrameSpec is { FrameType: not FrameType.Undefined } frame)
        {
            var unit = frame.FrameType == FrameType.Row ? "ROWS" : "RANGE";
            clauses.Add($"{unit} BETWEEN {Bound(frame.Lower, lower: true, context)} AND {Bound(frame.Upper, lower: false, context)}");
        }
        return renderer.WindowFunction(window.WindowFunction, $"OVER ({string.Join(" ", clauses)})");
    }

    /// <summary>
    /// Spark sends a value boundary as a signed offset (negative = before the current row); DuckDB wants
    /// a non-negative offset plus PRECEDING or FOLLOWING, so the keyword is chosen from the sign and the
    /// magnitude is bound.
    /// </summary>
    internal static string Bound(Boundary? boundary, bool lower, PlanningContext context)
    {
        switch (boundary?.BoundaryCase)
        {
            case Boundary.BoundaryOneofCase.CurrentRow:
                return "CURRENT ROW";
            case Boundary.BoundaryOneofCase.Unbounded:
                return lower ? "UNBOUNDED PRECEDING" : "UNBOUNDED FOLLOWING";
            case Boundary.BoundaryOneofCase.Value when boundary.Value.ExprTypeCase == Expression.ExprTypeOneofCase.Literal:
                var literal = boundary.Value.Literal;
                var (magnitude, negative, zero) = literal.LiteralTypeCase switch
                {
                    Literal.LiteralTypeOneofCase.Integer => (new Literal { Long = Math.Abs((long)literal.Integer) }, literal.Integer < 0, literal.Integer == 0),
                    Literal.LiteralTypeOneofCase.Long when literal.Long != long.MinValue => (new Literal { Long = Math.Abs(literal.Long) }, literal.Long < 0, literal.Long == 0),
                    Literal.LiteralTypeOneofCase.Double => (new Literal { Double = Math.Abs(literal.Double) }, literal.Double < 0, literal.Double == 0),
                    _ => throw LocalEngineException.Unsupported($"a window frame boundary of kind '{literal.LiteralTypeCase}'", "Use an integer offset."),
                };
                if (zero)
                    return "CURRENT ROW";
                return $"{LiteralBinder.Render(magnitude, context)} {(negative ? "PRECEDING" : "FOLLOWING")}";
            default:
                throw LocalEngineException.Unsupported("a window frame boundary that is not a literal, CURRENT ROW or UNBOUNDED", "Use a literal offset.");
        }
    }
}
