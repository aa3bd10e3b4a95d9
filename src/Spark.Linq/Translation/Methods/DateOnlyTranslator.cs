using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <c>d.DayNumber</c> → <c>datediff(d, DATE '0001-01-01')</c> (days since 1 January of year 1, as .NET counts).
/// </summary>
internal sealed class DateOnlyMemberTranslator : IMemberTranslator
{
    public SparkValue? Translate(TranslationContext context, MemberExpression member)
    {
        if (member.Member.DeclaringType != typeof(DateOnly) || member.Member.Name != nameof(DateOnly.DayNumber) || member.Expression is null) return null;
        var date = ScalarTranslator.Translate(context, member.Expression);
        var first = Expr.Lit(LiteralFactory.TryCreate(DateOnly.MinValue, typeof(DateOnly))!);
        return new SparkValue(Expr.Fn("datediff", date.Expression, first), typeof(int), date.CanBeNull);
    }
}

/// <summary>
/// <c>d.ToDateTime(time)</c> with a time known before the query runs → <c>CAST(d AS timestamp_ntz)</c>, plus the
/// time of day as an interval. The result has no time zone, like the DateTime of Unspecified kind C# returns,
/// so it reads back the same whatever the session time zone.
/// </summary>
internal sealed class DateOnlyMethodTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(DateOnly) || call.Method.Name != nameof(DateOnly.ToDateTime) || call.Object is null) return null;
        if (call.Arguments.Count == 2 && !(call.Arguments[1] is ConstantExpression { Value: DateTimeKind.Unspecified }))
            throw context.NotSupported(call, "only the Unspecified kind has a Spark translation (a timestamp without time zone).", "Call ToDateTime(time) without a kind.");
        if (call.Arguments[0] is not ConstantExpression { Value: TimeOnly time })
            throw context.NotSupported(call, "the time of day must be known before the query runs: Spark has no TimeOnly value to add.", "Pass a constant or captured TimeOnly.");
        var date = ScalarTranslator.Translate(context, call.Object);
        var midnight = Expr.Cast(date.Expression, new Spark.Connect.Protocol.DataType { TimestampNtz = new() });
        var value = time == TimeOnly.MinValue
            ? midnight
            : Expr.Fn("+", midnight, Expr.Lit(LiteralFactory.TryCreate(time.ToTimeSpan(), typeof(TimeSpan))!));
        return new SparkValue(value, typeof(DateTime), date.CanBeNull);
    }
}
