using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// A window frame's value boundary as the constant it stands for: the literal, the type it was written with, and
/// whether it is negated (Spark Connect frames carry an offset before the current row as a negative value; the SQL
/// parser writes <c>x PRECEDING</c> as <c>negative(x)</c> when x is not a plain number). Interval literals arrive
/// typed by their fields and named as Spark names them (an alias around a cast of the literal), which is looked through.
/// </summary>
internal sealed record FrameOffset(Literal Literal, DataType? WrittenType, bool Negated)
{
    /// <summary>The constant behind <paramref name="value"/>, or null when it is not one of these shapes.</summary>
    internal static FrameOffset? Of(Expression value) => value.ExprTypeCase switch
    {
        Expression.ExprTypeOneofCase.Literal => new FrameOffset(value.Literal, null, false),
        Expression.ExprTypeOneofCase.Alias when value.Alias.Name.Count == 1 => Of(value.Alias.Expr),
        Expression.ExprTypeOneofCase.Cast when value.Cast.Expr.ExprTypeCase == Expression.ExprTypeOneofCase.Literal && IsInterval(value.Cast.Expr.Literal)
            => new FrameOffset(value.Cast.Expr.Literal, value.Cast.Type, false),
        Expression.ExprTypeOneofCase.UnresolvedFunction when value.UnresolvedFunction is { FunctionName: "negative", Arguments.Count: 1 } negative
            => Of(negative.Arguments[0]) is { } inner ? inner with { Negated = !inner.Negated } : null,
        _ => null,
    };

    /// <summary>An ANSI interval literal: months (year-month) or microseconds (day-time), with the sign applied.</summary>
    internal bool IsAnsiInterval => Literal.LiteralTypeCase is Literal.LiteralTypeOneofCase.YearMonthInterval or Literal.LiteralTypeOneofCase.DayTimeInterval;

    /// <summary>The interval's signed amount (months or microseconds) once the negation is applied.</summary>
    internal long SignedAmount
    {
        get
        {
            long amount = Literal.LiteralTypeCase == Literal.LiteralTypeOneofCase.YearMonthInterval ? Literal.YearMonthInterval : Literal.DayTimeInterval;
            return Negated ? -amount : amount;
        }
    }

    private static bool IsInterval(Literal literal) => literal.LiteralTypeCase is Literal.LiteralTypeOneofCase.YearMonthInterval
        or Literal.LiteralTypeOneofCase.DayTimeInterval or Literal.LiteralTypeOneofCase.CalendarInterval;
}
