using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// DateTime/DateTimeOffset/DateOnly arithmetic. Timestamps get intervals added (<c>ts + INTERVAL</c>),
/// which keeps the time of day: months and years as a year-month interval from make_ym_interval (end-of-month clamping,
/// as C#), shorter units as an exact day-time interval (C# adds exact time too; no DST shifts).
/// DateOnly uses add_months and date_add, which return dates.
/// </summary>
internal sealed class DateTimeMethodTranslator : IMethodCallTranslator
{
    private static readonly Dictionary<string, TimeSpan> Units = new()
    {
        [nameof(DateTime.AddDays)] = TimeSpan.FromDays(1), [nameof(DateTime.AddHours)] = TimeSpan.FromHours(1),
        [nameof(DateTime.AddMinutes)] = TimeSpan.FromMinutes(1), [nameof(DateTime.AddSeconds)] = TimeSpan.FromSeconds(1),
        [nameof(DateTime.AddMilliseconds)] = TimeSpan.FromMilliseconds(1),
    };

    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        var owner = call.Method.DeclaringType;
        if (owner == typeof(DateOnly)) return DateOnlyMethod(context, call);
        if (owner == typeof(DateTimeOffset) && call.Arguments.Count == 0 && call.Method.Name is nameof(DateTimeOffset.ToUnixTimeSeconds) or nameof(DateTimeOffset.ToUnixTimeMilliseconds))
        {
            // Both count whole units since the epoch, rounding towards negative infinity, as C# does.
            var instant = ScalarTranslator.Translate(context, call.Object!);
            var function = call.Method.Name == nameof(DateTimeOffset.ToUnixTimeSeconds) ? "unix_seconds" : "unix_millis";
            return new SparkValue(Expr.Fn(function, instant.Expression), typeof(long), instant.CanBeNull);
        }
        if (owner != typeof(DateTime) && owner != typeof(DateTimeOffset) || call.Method.IsStatic || call.Arguments.Count != 1) return null;
        var name = call.Method.Name;
        var argument = call.Arguments[0];
        SparkExpression? interval = name switch
        {
            nameof(DateTime.AddYears) => YearMonths(context, argument, 12),
            nameof(DateTime.AddMonths) => YearMonths(context, argument, 1),
            _ when Units.TryGetValue(name, out var unit) => DayTime(context, argument, unit),
            nameof(DateTime.Add) or nameof(DateTime.Subtract) when argument.Type == typeof(TimeSpan) => ScalarTranslator.Translate(context, argument).Expression,
            _ => null,
        };
        if (interval is null) return null;
        var instance = ScalarTranslator.Translate(context, call.Object!);
        var op = name == nameof(DateTime.Subtract) ? "-" : "+";
        return new SparkValue(Expr.Fn(op, instance.Expression, interval), call.Type, instance.CanBeNull);
    }

    private static SparkValue? DateOnlyMethod(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.IsStatic && call.Method.Name == nameof(DateOnly.FromDateTime))
        {
            var source = ScalarTranslator.Translate(context, call.Arguments[0]);
            return source with { Expression = MethodHelpers.CastTo(source.Expression, typeof(DateOnly)), ClrType = typeof(DateOnly) };
        }
        if (call.Method.IsStatic || call.Arguments.Count != 1) return null;
        var argument = call.Arguments[0];
        var (function, count) = call.Method.Name switch
        {
            nameof(DateOnly.AddDays) => ("date_add", ScalarTranslator.Translate(context, argument).Expression),
            nameof(DateOnly.AddMonths) => ("add_months", ScalarTranslator.Translate(context, argument).Expression),
            nameof(DateOnly.AddYears) => ("add_months", Times(context, argument, 12)),
            _ => (null, null),
        };
        if (function is null) return null;
        var date = ScalarTranslator.Translate(context, call.Object!);
        return new SparkValue(Expr.Fn(function, date.Expression, count!), typeof(DateOnly), date.CanBeNull);
    }

    // make_ym_interval(years, months): Spark folds constant arguments itself, and the plan stays readable.
    private static SparkExpression YearMonths(TranslationContext context, Expression argument, int monthsPerUnit)
    {
        var value = ScalarTranslator.Translate(context, argument).Expression;
        return monthsPerUnit == 12 ? Expr.Fn("make_ym_interval", value) : Expr.Fn("make_ym_interval", Expr.Lit(0), value);
    }

    private static SparkExpression Times(TranslationContext context, Expression argument, int factor)
    {
        if (argument is ConstantExpression { Value: int n })
        {
            var product = (long)n * factor;
            if (product is < int.MinValue or > int.MaxValue)
                throw context.NotSupported(argument, $"{n} years is out of the range of dates.", "Use a smaller number of years.");
            return Expr.Lit((int)product);
        }
        var value = ScalarTranslator.Translate(context, argument).Expression;
        return factor == 1 ? value : Expr.Fn("*", value, Expr.Lit(factor));
    }

    // Interval × number rounds to microseconds; C# keeps 100 ns ticks, so sub-microsecond parts differ.
    private static SparkExpression DayTime(TranslationContext context, Expression argument, TimeSpan unit)
    {
        if (argument is ConstantExpression { Value: double amount })
        {
            var ticks = Math.Round(amount * unit.Ticks);
            // C# itself throws for values past year 9999; NaN and infinities have no interval.
            if (!(Math.Abs(ticks) <= DateTime.MaxValue.Ticks))
                throw context.NotSupported(argument, $"{amount} is out of the range of dates or not a number.", "Pass a finite amount within the range of DateTime.");
            return Expr.Lit(LiteralFactory.TryCreate(TimeSpan.FromTicks((long)ticks), typeof(TimeSpan))!);
        }
        // AddDays(x.Count) widens the int to double; an interval times the int is the same value, without the cast.
        var value = ScalarTranslator.Translate(context, Conversion.IsWideningConvert(argument, out _) ? ((UnaryExpression)argument).Operand : argument).Expression;
        return Expr.Fn("*", Expr.Lit(LiteralFactory.TryCreate(unit, typeof(TimeSpan))!), value);
    }
}
