using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Spark's analyzer turns <c>number * interval</c> into its interval-times-number expression, so the column is named
/// with the interval first: <c>2 * INTERVAL '1' YEAR</c> is <c>(INTERVAL '1' YEAR * 2)</c>, as Spark writes it.
/// </summary>
internal static class IntervalOperandOrder
{
    /// <summary>The swapped call and its name, or null when <paramref name="name"/> over the arguments is not a number times an interval.</summary>
    internal static (string Name, List<ResolvedExpression> Arguments, Expression Source)? Rewrite(string name, Expression source, List<ResolvedExpression> arguments)
    {
        if (name != "*" || arguments.Count != 2 || source.ExprTypeCase != Expression.ExprTypeOneofCase.UnresolvedFunction
            || !SparkTypes.IsAnsiInterval(arguments[1].Type) || SparkTypes.IsAnsiInterval(arguments[0].Type) || !IntervalArithmetic.IsFactor(arguments[0].Type))
            return null;
        var written = source.UnresolvedFunction.Arguments;
        var alias = new Expression.Types.Alias { Expr = source };
        alias.Name.Add($"({ColumnNamer.Name(written[1])} * {ColumnNamer.Name(written[0])})");
        return (name, [arguments[1], arguments[0]], new Expression { Alias = alias });
    }
}
