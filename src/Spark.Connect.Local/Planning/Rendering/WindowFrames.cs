using Boundary = Spark.Connect.Protocol.Expression.Types.Window.Types.WindowFrame.Types.FrameBoundary;
using Frame = Spark.Connect.Protocol.Expression.Types.Window.Types.WindowFrame;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Rendering;

/// <summary>The bounds of a window frame (<c>ROWS|RANGE BETWEEN … AND …</c>) in DuckDB's spelling.</summary>
internal static class WindowFrames
{
    /// <summary>
    /// <c>lower AND upper</c>. Spark takes a frame that starts after the current row and ends at it, or starts at it and
    /// ends before it, as an empty frame; DuckDB's parser refuses CURRENT ROW there, so it becomes a zero offset on the
    /// other bound's side (a zero of the same kind, so a timestamp key still steps by an interval).
    /// </summary>
    internal static string Between(Frame frame, PlanningContext context)
    {
        var lower = Bound(frame.Lower, lower: true, context);
        var upper = Bound(frame.Upper, lower: false, context);
        if (frame.Upper?.BoundaryCase == Boundary.BoundaryOneofCase.CurrentRow && lower.EndsWith(" FOLLOWING", StringComparison.Ordinal))
            upper = Zero(frame.Lower!, context) + " FOLLOWING";
        else if (frame.Lower?.BoundaryCase == Boundary.BoundaryOneofCase.CurrentRow && upper.EndsWith(" PRECEDING", StringComparison.Ordinal))
            lower = Zero(frame.Upper!, context) + " PRECEDING";
        return $"{lower} AND {upper}";
    }

    private static string Zero(Boundary like, PlanningContext context)
    {
        var literal = Resolution.FrameOffset.Of(like.Value)!.Literal;
        var zero = literal.LiteralTypeCase switch
        {
            Literal.LiteralTypeOneofCase.Long => new Literal { Long = 0 },
            Literal.LiteralTypeOneofCase.Double => new Literal { Double = 0 },
            Literal.LiteralTypeOneofCase.Decimal => new Literal { Decimal = ZeroOf(literal.Decimal) },
            Literal.LiteralTypeOneofCase.YearMonthInterval => new Literal { YearMonthInterval = 0 },
            Literal.LiteralTypeOneofCase.DayTimeInterval => new Literal { DayTimeInterval = 0 },
            _ => new Literal { Integer = 0 },
        };
        return LiteralBinder.Render(zero, context);
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
            case Boundary.BoundaryOneofCase.Value when Resolution.FrameOffset.Of(boundary.Value) is { } offset:
                var literal = offset.Literal;
                var (magnitude, negative, zero) = literal.LiteralTypeCase switch
                {
                    // An int stays an int: DuckDB steps a DATE by INTEGER days but has no DATE + BIGINT.
                    Literal.LiteralTypeOneofCase.Integer when literal.Integer != int.MinValue => (new Literal { Integer = Math.Abs(literal.Integer) }, literal.Integer < 0, literal.Integer == 0),
                    Literal.LiteralTypeOneofCase.Integer => (new Literal { Long = Math.Abs((long)literal.Integer) }, true, false),
                    Literal.LiteralTypeOneofCase.Long when literal.Long != long.MinValue => (new Literal { Long = Math.Abs(literal.Long) }, literal.Long < 0, literal.Long == 0),
                    Literal.LiteralTypeOneofCase.Double => (new Literal { Double = Math.Abs(literal.Double) }, literal.Double < 0, literal.Double == 0),
                    // RANGE offsets such as 2.5 are decimal literals in Spark SQL; the magnitude keeps its digits.
                    Literal.LiteralTypeOneofCase.Decimal => DecimalMagnitude(literal.Decimal),
                    // A timestamp key steps by an ANSI interval: months, or exact microseconds (bound as an interval of
                    // only that part, so a day is 24 hours across a daylight-saving change, as Spark adds it).
                    Literal.LiteralTypeOneofCase.YearMonthInterval when literal.YearMonthInterval != int.MinValue
                        => (new Literal { YearMonthInterval = Math.Abs(literal.YearMonthInterval) }, literal.YearMonthInterval < 0, literal.YearMonthInterval == 0),
                    Literal.LiteralTypeOneofCase.DayTimeInterval when literal.DayTimeInterval != long.MinValue
                        => (new Literal { DayTimeInterval = Math.Abs(literal.DayTimeInterval) }, literal.DayTimeInterval < 0, literal.DayTimeInterval == 0),
                    _ => throw LocalEngineException.Unsupported($"a window frame boundary of kind '{literal.LiteralTypeCase}'", "Use an integer offset."),
                };
                if (zero)
                    return "CURRENT ROW";
                return $"{LiteralBinder.Render(magnitude, context)} {(negative != offset.Negated ? "PRECEDING" : "FOLLOWING")}";
            default:
                throw LocalEngineException.Unsupported("a window frame boundary that is not a literal, CURRENT ROW or UNBOUNDED", "Use a literal offset.");
        }
    }

    private static Literal.Types.Decimal ZeroOf(Literal.Types.Decimal like)
    {
        var zero = like.Clone();
        zero.Value = "0";
        return zero;
    }

    private static (Literal Magnitude, bool Negative, bool Zero) DecimalMagnitude(Literal.Types.Decimal value)
    {
        var number = decimal.Parse(value.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        var magnitude = value.Clone();
        magnitude.Value = Math.Abs(number).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (new Literal { Decimal = magnitude }, number < 0, number == 0);
    }
}
