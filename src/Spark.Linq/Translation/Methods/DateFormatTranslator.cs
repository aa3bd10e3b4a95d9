using System.Globalization;
using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// <c>dt.ToString("yyyy-MM-dd")</c> and <c>ToString(format, CultureInfo.InvariantCulture)</c> on DateTime and
/// DateOnly → <c>date_format(dt, 'yyyy-MM-dd')</c>, the .NET format mapped by <see cref="DateFormatPattern"/>.
/// The format (and the culture) must be known before the query runs; the cached plan is kept for that format only.
/// As with the date parts, Spark writes a timestamp in the session time zone.
/// </summary>
internal sealed class DateFormatTranslator : IMethodCallTranslator
{
    public SparkValue? Translate(TranslationContext context, MethodCallExpression call)
    {
        if (call.Method.Name != nameof(ToString) || call.Method.IsStatic || call.Object is null || call.Arguments.Count is 0 or > 2
            || call.Method.DeclaringType != typeof(DateTime) && call.Method.DeclaringType != typeof(DateOnly)
            || call.Arguments[0].Type != typeof(string))
            return null;
        var invariant = call.Arguments.Count == 2 && IsInvariant(context, call, call.Arguments[1]);
        var format = KnownString(context, call, call.Arguments[0]);
        var value = ScalarTranslator.Translate(context, call.Object);
        return Format(context, call, value, call.Object.Type, format, invariant);
    }

    /// <summary><c>date_format</c> of <paramref name="value"/> with <paramref name="format"/> mapped to Spark's pattern, or a clear error.</summary>
    public static SparkValue Format(TranslationContext context, Expression call, SparkValue value, Type type, string? format, bool invariant)
    {
        var pattern = DateFormatPattern.TryMap(format, invariant, TypeClassifier.Unwrap(type) == typeof(DateOnly), out var problem)
            ?? throw context.NotSupported(call, $"the date format '{format}' can't be mapped to a Spark pattern: {problem}",
                "Use custom specifiers both write alike (yyyy, yy, M, MM, d, dd, H, HH, h, hh, m, mm, s, ss, f…ffffff, quoted text; " +
                "with CultureInfo.InvariantCulture also / : MMM MMMM ddd dddd tt), or SparkFunctions.Call<string>(\"date_format\", x, sparkPattern).");
        return new SparkValue(Expr.Fn("date_format", value.Expression, Expr.Lit(pattern)), typeof(string), value.CanBeNull);
    }

    /// <summary>Whether a format provider argument is the invariant culture (null means the current culture).</summary>
    public static bool IsInvariant(TranslationContext context, Expression call, Expression provider)
    {
        if (StripConvert(provider) is not ConstantExpression constant)
            throw context.NotSupported(call, "the format provider must be known before the query runs.", "Pass CultureInfo.InvariantCulture.");
        context.Slots?.Pin(constant);
        switch (constant.Value)
        {
            case null:
                return false;
            case CultureInfo { Name.Length: 0 }:
                return true;
            case DateTimeFormatInfo info when ReferenceEquals(info, DateTimeFormatInfo.InvariantInfo) || ReferenceEquals(info, CultureInfo.InvariantCulture.DateTimeFormat):
                return true;
            case CultureInfo or DateTimeFormatInfo:
                // Only the invariant culture writes what Spark writes; another culture is refused rather than guessed.
                throw context.NotSupported(call, $"formatting with the culture '{constant.Value}' has no Spark equivalent: Spark writes the invariant culture's names and separators.",
                    "Pass CultureInfo.InvariantCulture.");
            default:
                throw context.NotSupported(call, $"the format provider {constant.Value.GetType().Name} has no Spark equivalent.", "Pass CultureInfo.InvariantCulture.");
        }
    }

    /// <summary>A string argument known before the query runs (a format); the cached plan is kept for this value only.</summary>
    public static string? KnownString(TranslationContext context, Expression call, Expression argument)
    {
        if (StripConvert(argument) is not ConstantExpression constant)
            throw context.NotSupported(call, "the format must be known before the query runs, not read from the row.", "Pass a constant or a captured variable.");
        context.Slots?.Pin(constant);
        return (string?)constant.Value;
    }

    private static Expression StripConvert(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Convert } u ? StripConvert(u.Operand) : e;
}
