using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Planning.Functions;
using Kind = Spark.Connect.Protocol.Expression.ExprTypeOneofCase;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Spark's analyzer rewrites of <c>+</c> and <c>-</c> on dates and timestamps (ANSI, Spark 4): a date plus or minus an
/// integer (or NULL) is <c>date_add</c>/<c>date_sub</c> (the operands of <c>n + date</c> swapped), named so; a string
/// or NULL meeting a date or timestamp in a subtraction is cast to that type (so <c>date - 'yyyy-mm-dd'</c> subtracts
/// dates); a string added to a date is cast to a date, which <c>date_add</c> then refuses as Spark does, and to a timestamp
/// is BINARY_OP_WRONG_TYPE (two timestamps).
/// </summary>
internal static class DatetimeArithmetic
{
    /// <summary>The call to resolve instead of <paramref name="name"/> over <paramref name="arguments"/>, or null to keep it.</summary>
    internal static (string Name, List<ResolvedExpression> Arguments, Expression Source)? Rewrite(string name, Expression source, List<ResolvedExpression> arguments)
    {
        if (name is not ("+" or "-") || arguments.Count != 2) return null;
        var (left, right) = (arguments[0], arguments[1]);
        var add = name == "+";
        if (IsDate(left) && (IsIntegralOrNull(right) || IsNonIntegral(right)))
            return Call(add ? "date_add" : "date_sub", source, left, right, 0, 1);
        if (add && IsDate(right) && (IsIntegralOrNull(left) || IsNonIntegral(left)))
            return Call("date_add", source, right, left, 1, 0);
        if (add && IsDate(left) && IsText(right))
            return Call("date_add", source, left, AsType(right, SparkTypes.Date), 0, 1);
        if (add && IsDate(right) && IsText(left))
            return Call("date_add", source, AsType(left, SparkTypes.Date), right, 0, 1);
        if (Interval(name, source, left, right) is { } withInterval)
            return withInterval;
        if (add && (SparkTypes.IsTimestamp(left.Type) && IsText(right) || IsText(left) && SparkTypes.IsTimestamp(right.Type)))
            throw AddingTimestamps(SparkTypes.IsTimestamp(left.Type) ? left.Type : right.Type);
        if (!add && SparkTypes.IsDatetime(left.Type) && (IsText(right) || IsNull(right)))
            return ("-", [left, AsType(right, left.Type)], source);
        if (!add && SparkTypes.IsDatetime(right.Type) && (IsText(left) || IsNull(left)))
            return ("-", [AsType(left, right.Type), right], source);
        return null;
    }

    /// <summary>Whether the resolver renamed an operator call (the column then takes the new call's name).</summary>
    internal static bool Renamed(Expression written, Expression resolvedSource) =>
        written.ExprTypeCase == Kind.UnresolvedFunction && written.UnresolvedFunction.FunctionName is "+" or "-" or "*"
        && (resolvedSource.ExprTypeCase == Kind.UnresolvedFunction && resolvedSource.UnresolvedFunction.FunctionName is "date_add" or "date_sub"
            || resolvedSource is { ExprTypeCase: Kind.Alias, Alias.Name.Count: 1 });

    /// <summary>
    /// A date or timestamp plus or minus an interval, as Spark names it (<c>DATE '…' - INTERVAL '2-2' YEAR TO MONTH</c>, the
    /// datetime first); a date with a literal whole-day interval stays a date: <c>date_add(d, extractansiintervaldays(i))</c>.
    /// </summary>
    private static (string, List<ResolvedExpression>, Expression)? Interval(string name, Expression source, ResolvedExpression left, ResolvedExpression right)
    {
        var add = name == "+";
        var swap = add && SparkTypes.IsInterval(left.Type) && SparkTypes.IsDatetime(right.Type);
        if (!swap && !(SparkTypes.IsDatetime(left.Type) && SparkTypes.IsInterval(right.Type))) return null;
        var written = source.UnresolvedFunction.Arguments;
        var (datetime, interval) = swap ? (right, left) : (left, right);
        var (datetimeName, intervalName) = swap ? (ColumnNamer.Name(written[1]), ColumnNamer.Name(written[0])) : (ColumnNamer.Name(written[0]), ColumnNamer.Name(written[1]));
        if (IsDate(datetime) && intervalName.StartsWith("INTERVAL '", StringComparison.Ordinal) && intervalName.EndsWith("' DAY", StringComparison.Ordinal))
        {
            var days = $"extractansiintervaldays({intervalName})";
            var shown = $"date_add({datetimeName}, {(add ? days : $"(- {days})")})";
            return (add ? "date_add" : "date_sub", [datetime, interval], Named(source, shown));
        }
        return (name, [datetime, interval], Named(source, $"{datetimeName} {name} {intervalName}"));
    }

    private static Expression Named(Expression source, string name)
    {
        var alias = new Expression.Types.Alias { Expr = source };
        alias.Name.Add(name);
        return new Expression { Alias = alias };
    }

    private static (string, List<ResolvedExpression>, Expression) Call(string function, Expression source, ResolvedExpression first, ResolvedExpression second,
        int firstSource, int secondSource)
    {
        var written = source.UnresolvedFunction.Arguments;
        var call = new Expression.Types.UnresolvedFunction { FunctionName = function };
        call.Arguments.Add(written[firstSource]);
        call.Arguments.Add(written[secondSource]);
        return (function, [first, second], new Expression { UnresolvedFunction = call });
    }

    /// <summary>Text added to a timestamp is read as a timestamp, and two timestamps don't add: Spark's BINARY_OP_WRONG_TYPE.</summary>
    private static LocalEngineException AddingTimestamps(DataType timestamp)
    {
        const string accepted = "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\")";
        var actual = $"\"{SparkTypes.Name(timestamp).ToUpperInvariant()}\"";
        return new LocalEngineException("DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE", "42K09",
            $"Cannot resolve `+` due to data type mismatch: the binary operator requires the input type {accepted}, not {actual}.",
            new Dictionary<string, string> { ["inputType"] = accepted, ["actualDataType"] = actual });
    }

    private static ResolvedExpression AsType(ResolvedExpression operand, DataType type) =>
        ResolvedCalls.CastTo(operand, type);

    private static bool IsDate(ResolvedExpression e) => e.Type.KindCase == DataType.KindOneofCase.Date;

    private static bool IsNull(ResolvedExpression e) => SparkTypes.IsNull(e.Type);

    private static bool IsText(ResolvedExpression e) => SparkTypes.IsString(e.Type);

    private static bool IsIntegralOrNull(ResolvedExpression e) => SparkTypes.IsIntegral(e.Type) || SparkTypes.IsNull(e.Type);

    private static bool IsNonIntegral(ResolvedExpression e) => SparkTypes.IsFractional(e.Type) || SparkTypes.IsDecimal(e.Type);
}
