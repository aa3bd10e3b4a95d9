using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Spark's analyzer turns <c>number * interval</c> into its interval-times-number expression, so the column is named
/// with the interval first: <c>2 * INTERVAL '1' YEAR</c> is <c>(INTERVAL '1' YEAR * 2)</c>, as Spark writes it; and text
/// meeting a day-time interval in <c>+</c>/<c>-</c> is read as a timestamp, as Spark's implicit cast for timestamp arithmetic.
/// </summary>
internal static class IntervalOperandOrder
{
    /// <summary>The swapped call and its name, or null when <paramref name="name"/> over the arguments is not a number times an interval.</summary>
    internal static (string Name, List<ResolvedExpression> Arguments, Expression Source)? Rewrite(string name, Expression source, List<ResolvedExpression> arguments)
    {
        if (name is "+" or "-" && arguments.Count == 2)
            return TextWithDayTime(name, source, arguments);
        if (name != "*" || arguments.Count != 2 || source.ExprTypeCase != Expression.ExprTypeOneofCase.UnresolvedFunction
            || !SparkTypes.IsAnsiInterval(arguments[1].Type) || SparkTypes.IsAnsiInterval(arguments[0].Type) || !IntervalArithmetic.IsFactor(arguments[0].Type))
            return null;
        var written = source.UnresolvedFunction.Arguments;
        var alias = new Expression.Types.Alias { Expr = source };
        alias.Name.Add($"({ColumnNamer.Name(written[1])} * {ColumnNamer.Name(written[0])})");
        return (name, [arguments[1], arguments[0]], new Expression { Alias = alias });
    }

    // Text meeting a day-time interval in + or - is read as a timestamp (Spark's implicit cast for TimeAdd), so text that
    // is not one fails with CAST_INVALID_INPUT.
    private static (string, List<ResolvedExpression>, Expression)? TextWithDayTime(string name, Expression source, List<ResolvedExpression> arguments)
    {
        var (left, right) = (arguments[0], arguments[1]);
        if (SparkTypes.IsString(left.Type) && right.Type.KindCase == DataType.KindOneofCase.DayTimeInterval)
            return (name, [ResolvedCalls.CastTo(left, SparkTypes.Timestamp), right], source);
        if (name == "+" && left.Type.KindCase == DataType.KindOneofCase.DayTimeInterval && SparkTypes.IsString(right.Type))
            return (name, [left, ResolvedCalls.CastTo(right, SparkTypes.Timestamp)], source);
        return null;
    }
}
