using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// DateTime, DateOnly and DateTimeOffset members → Spark date functions. Spark reads a timestamp's
/// fields in the session time zone (spark.sql.session.timeZone); C# reads them in the value's own
/// Kind or offset. They agree when the session time zone is the one the data was written in (UTC
/// for UTC data).
/// </summary>
internal sealed class DateTimeMemberTranslator : IMemberTranslator
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        [nameof(DateTime.Year)] = "year", [nameof(DateTime.Month)] = "month", [nameof(DateTime.Day)] = "dayofmonth",
        [nameof(DateTime.Hour)] = "hour", [nameof(DateTime.Minute)] = "minute", [nameof(DateTime.Second)] = "second",
        [nameof(DateTime.DayOfYear)] = "dayofyear",
    };

    public SparkValue? Translate(TranslationContext context, MemberExpression member)
    {
        var owner = member.Member.DeclaringType;
        if (member.Expression is null || owner != typeof(DateTime) && owner != typeof(DateOnly) && owner != typeof(DateTimeOffset)) return null;
        var name = member.Member.Name;
        if (!Fields.ContainsKey(name) && name is not (nameof(DateTime.Millisecond) or nameof(DateTime.DayOfWeek) or nameof(DateTime.Date) or nameof(DateTime.TimeOfDay)))
            return null;
        var value = ScalarTranslator.Translate(context, member.Expression);
        var x = value.Expression;
        var expression = name switch
        {
            _ when Fields.TryGetValue(name, out var function) => Expr.Fn(function, x),
            nameof(DateTime.Millisecond) => Milliseconds(x),
            // C#: Sunday = 0 … Saturday = 6; Spark's dayofweek: Sunday = 1 … Saturday = 7.
            nameof(DateTime.DayOfWeek) => Expr.Fn("-", Expr.Fn("dayofweek", x), Expr.Lit(1)),
            // DateTime.Date is still a DateTime (midnight), so the timestamp type is kept.
            nameof(DateTime.Date) => Expr.Fn("date_trunc", Expr.Lit("DAY"), x),
            nameof(DateTime.TimeOfDay) => Expr.Fn("-", x, Expr.Fn("date_trunc", Expr.Lit("DAY"), x)),
            _ => null,
        };
        return expression is null ? null : new SparkValue(expression, member.Type, value.CanBeNull);
    }

    /// <summary>
    /// date_part('SECOND') is the seconds with their fraction (decimal(8,6), e.g. 59.999999); × 1000, truncated
    /// to int and taken modulo 1000 it is the millisecond part (999), negative for negative intervals as in C#.
    /// </summary>
    public static SparkExpression Milliseconds(SparkExpression x) =>
        Expr.Fn("%", MethodHelpers.CastTo(Expr.Fn("*", Expr.Fn("date_part", Expr.Lit("SECOND"), x), Expr.Lit(1000)), typeof(int)), Expr.Lit(1000));
}

/// <summary>
/// TimeSpan members on day-time intervals. The parts come from <c>date_part</c>; the totals from the
/// interval's length in microseconds (epoch + interval, read back with unix_micros), because Spark
/// has no direct interval-to-number function.
/// </summary>
internal sealed class TimeSpanMemberTranslator : IMemberTranslator
{
    private static readonly Dictionary<string, double> MicrosPer = new()
    {
        [nameof(TimeSpan.TotalDays)] = TimeSpan.TicksPerDay / 10.0, [nameof(TimeSpan.TotalHours)] = TimeSpan.TicksPerHour / 10.0,
        [nameof(TimeSpan.TotalMinutes)] = TimeSpan.TicksPerMinute / 10.0, [nameof(TimeSpan.TotalSeconds)] = TimeSpan.TicksPerSecond / 10.0,
        [nameof(TimeSpan.TotalMilliseconds)] = TimeSpan.TicksPerMillisecond / 10.0,
    };

    public SparkValue? Translate(TranslationContext context, MemberExpression member)
    {
        if (member.Member.DeclaringType != typeof(TimeSpan) || member.Expression is null) return null;
        var value = ScalarTranslator.Translate(context, member.Expression);
        var x = value.Expression;
        var name = member.Member.Name;
        SparkExpression? expression = name switch
        {
            nameof(TimeSpan.Days) => Part("DAY", x),
            nameof(TimeSpan.Hours) => Part("HOUR", x),
            nameof(TimeSpan.Minutes) => Part("MINUTE", x),
            // The seconds part is a decimal with its fraction; the cast truncates towards zero like C#.
            nameof(TimeSpan.Seconds) => Part("SECOND", x),
            nameof(TimeSpan.Milliseconds) => DateTimeMemberTranslator.Milliseconds(x),
            nameof(TimeSpan.Ticks) => Expr.Fn("*", Micros(x), Expr.Lit(new Spark.Connect.Protocol.Expression.Types.Literal { Long = 10 })),
            _ when MicrosPer.TryGetValue(name, out var divisor) => Expr.Fn("/", Micros(x), Expr.Lit(new Spark.Connect.Protocol.Expression.Types.Literal { Double = divisor })),
            _ => throw context.NotSupported(member, $"TimeSpan.{name} has no Spark translation.",
                "Use Days, Hours, Minutes, Seconds, Milliseconds, Ticks or the Total… members."),
        };
        return new SparkValue(expression, member.Type, value.CanBeNull);
    }

    private static SparkExpression Part(string field, SparkExpression interval) =>
        MethodHelpers.CastTo(Expr.Fn("date_part", Expr.Lit(field), interval), typeof(int));

    private static SparkExpression Micros(SparkExpression interval) =>
        Expr.Fn("unix_micros", Expr.Fn("+", Expr.Lit(LiteralFactory.TryCreate(DateTime.UnixEpoch, typeof(DateTime))!), interval));
}
