using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Arithmetic and bitwise operators with Spark's (ANSI) semantics: <c>/</c> is double division for
/// integers and exact decimal division for decimals, <c>div</c> truncates toward zero to a bigint,
/// <c>%</c> takes the dividend's sign, and a zero divisor raises DIVIDE_BY_ZERO where DuckDB would
/// return NULL or infinity. Results are cast to Spark's type where DuckDB's typing differs.
/// </summary>
internal static class ArithmeticFunctions
{
    private enum Operation { Add, Subtract, Multiply, Remainder }

    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => IntervalArithmetic.RenderWithNull(c) ?? AddOrSubtract(StringsAsNumbers(c), "+", Operation.Add), c => ArithmeticTypes.AddOrSubtract(c, ArithmeticTypes.Operation.Add), "+");
        registry.Scalar(c => c.Count == 1 ? $"(- {c[0]})" : IntervalArithmetic.RenderWithNull(c) ?? AddOrSubtract(StringsAsNumbers(c), "-", Operation.Subtract),
            c => ArithmeticTypes.AddOrSubtract(c, ArithmeticTypes.Operation.Subtract), "-");
        registry.Scalar(c => IntervalArithmetic.Render(c.Expect(2), divide: false) ?? Numeric(StringsAsNumbers(c), "*", Operation.Multiply), ArithmeticTypes.Multiply, "*");
        registry.Scalar(c => IntervalArithmetic.Render(c.Expect(2), divide: true) ?? Divide(StringsAsNumbers(c)), c => ArithmeticTypes.DivideOrRemainder(c, ArithmeticTypes.Operation.Divide), "/");
        registry.Scalar(c => IntegralDivide(StringsAsNumbers(c)), ArithmeticTypes.IntegralDivide, "div");
        registry.Scalar(c => Remainder(StringsAsNumbers(c)), c => ArithmeticTypes.DivideOrRemainder(c, ArithmeticTypes.Operation.Remainder), "%", "mod");
        registry.Scalar(c => $"(- {c.Expect(1)[0]})", ArithmeticTypes.Unary, "negative");
        registry.Scalar(c => c.Expect(1)[0], ArithmeticTypes.Unary, "positive");
        registry.Scalar(c => Bitwise(c, "&"), ArithmeticTypes.Bitwise, "&");
        registry.Scalar(c => Bitwise(c, "|"), ArithmeticTypes.Bitwise, "|");
        // Spark's ^ is exclusive or; DuckDB's ^ is power.
        registry.Scalar(c => $"xor({c.Expect(2)[0]}, {c[1]})", ArithmeticTypes.Bitwise, "^");
        registry.Scalar(c => $"(~ {c.Expect(1)[0]})", ArithmeticTypes.Bitwise, "~");
    }

    /// <summary>
    /// With typed operands, a string meeting a number is cast to their common type first, as ANSI Spark
    /// does (see <see cref="ArithmeticTypes.StringsAsNumbers"/>); the rest of the rendering then sees numbers.
    /// </summary>
    internal static FunctionCall StringsAsNumbers(FunctionCall call)
    {
        if (call.Count != 2 || call.SparkTypeOf(0) is not { } left || call.SparkTypeOf(1) is not { } right
            || ArithmeticTypes.StringsAsNumbers(left, right) is not { } common)
            return call;
        return call with { Arguments = [.. call.Arguments.Select((a, i) => new SqlArgument(call.As(i, common), a.Source, common))] };
    }

    private static string AddOrSubtract(FunctionCall call, string op, Operation operation)
    {
        call.Expect(2);
        var (left, right) = (call.TypeOf(0), call.TypeOf(1));
        var intervalIndex = left.Family == TypeFamily.Date && right.Family == TypeFamily.Interval ? 1
            : operation == Operation.Add && left.Family == TypeFamily.Interval && right.Family == TypeFamily.Date ? 0 : -1;
        if (intervalIndex >= 0)
        {
            // Spark keeps a date for date ± year-month interval; a day-time interval makes it a timestamp.
            return IsYearMonthInterval(call, intervalIndex)
                ? $"CAST(({call[0]} {op} {call[1]}) AS DATE)"
                : $"CAST(({call[0]} {op} {call[1]}) AS TIMESTAMP WITH TIME ZONE)";
        }
        if (operation == Operation.Subtract && left.Family == TypeFamily.Date && right.Family == TypeFamily.Date)
            return $"to_days(CAST(({call[0]} - {call[1]}) AS INTEGER))"; // Spark: a day-time interval, DuckDB: a number of days
        return Numeric(call, op, operation);
    }

    /// <summary>A year-month (or calendar) interval by its Spark type when known, else by the expression that makes it.</summary>
    private static bool IsYearMonthInterval(FunctionCall call, int index) =>
        call.SparkTypeOf(index) is { } type
            ? type.KindCase is DataType.KindOneofCase.YearMonthInterval or DataType.KindOneofCase.CalendarInterval
            : IsYearMonthInterval(call.Arguments[index].Source);

    private static bool IsYearMonthInterval(Expression source) => source.ExprTypeCase switch
    {
        Expression.ExprTypeOneofCase.Literal => source.Literal.LiteralTypeCase == Expression.Types.Literal.LiteralTypeOneofCase.YearMonthInterval,
        Expression.ExprTypeOneofCase.UnresolvedFunction => source.UnresolvedFunction.FunctionName.Equals("make_ym_interval", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>Renders a binary numeric operator and casts to Spark's result type when it differs from DuckDB's.</summary>
    private static string Numeric(FunctionCall call, string op, Operation operation)
    {
        var (left, right) = (call.TypeOf(0), call.TypeOf(1));
        var sql = $"({call[0]} {op} {call[1]})";
        if (!left.IsNumeric || !right.IsNumeric) return sql; // dates, intervals, unknowns: DuckDB's own rules
        if (left.Family == TypeFamily.Floating || right.Family == TypeFamily.Floating)
            return $"CAST({sql} AS {FloatingResult(left, right)})";
        if (left.Family == TypeFamily.Integral && right.Family == TypeFamily.Integral)
            return sql; // DuckDB widens integers like Spark and raises on overflow like ANSI Spark
        var (a, b) = (left.AsDecimal!.Value, right.AsDecimal!.Value);
        return operation switch
        {
            Operation.Add or Operation.Subtract => $"CAST({sql} AS {DecimalMath.TypeName(DecimalMath.AddType(a, b))})",
            Operation.Remainder => $"CAST({sql} AS {DecimalMath.TypeName(DecimalMath.RemainderType(a, b))})",
            // DuckDB's product type has p1+p2 digits; past 38 it would overflow where Spark reduces the scale.
            _ when a.P + b.P <= DecimalMath.MaxPrecision => $"CAST({sql} AS {DecimalMath.TypeName(DecimalMath.MultiplyType(a, b))})",
            _ => DecimalMath.Multiply(call[0], a, call[1], b, DecimalMath.MultiplyType(a, b)),
        };
    }

    private static string FloatingResult(DuckDbType left, DuckDbType right) =>
        left.Name == "DOUBLE" || right.Name == "DOUBLE" || left.Family == TypeFamily.Decimal || right.Family == TypeFamily.Decimal
            ? "DOUBLE" : "FLOAT";

    private static string Divide(FunctionCall call)
    {
        call.Expect(2);
        var (left, right) = (call.TypeOf(0), call.TypeOf(1));
        if (left.Family == TypeFamily.Interval || right.Family == TypeFamily.Interval)
            throw call.SparkTypeOf(0) is { } leftType && call.SparkTypeOf(1) is { } rightType
                ? FunctionErrors.BinaryOpDiffTypes(call.Name, leftType, rightType) // a number over an interval, or two intervals
                : LocalEngineException.Unsupported("dividing intervals", "Convert the interval to a number first.");
        var decimalOperands = left.Family == TypeFamily.Decimal && right.Family is TypeFamily.Decimal or TypeFamily.Integral
            || right.Family == TypeFamily.Decimal && left.Family == TypeFamily.Integral;
        if (decimalOperands)
        {
            var (a, b) = (left.AsDecimal!.Value, right.AsDecimal!.Value);
            return DecimalMath.Divide(call[0], a, call[1], b, DecimalMath.DivideType(a, b));
        }
        // Every other numeric division is a double division in Spark.
        return SparkRuntimeErrors.GuardDivisor(call[1], $"(CAST({call[0]} AS DOUBLE) / CAST({call[1]} AS DOUBLE))");
    }

    private static string IntegralDivide(FunctionCall call)
    {
        call.Expect(2);
        var (left, right) = (call.TypeOf(0), call.TypeOf(1));
        if (left.Family == TypeFamily.Floating || right.Family == TypeFamily.Floating)
            throw FunctionErrors.UnexpectedInputType(call.Name, "operands", "integral or decimal numbers");
        if (left.Family == TypeFamily.Decimal || right.Family == TypeFamily.Decimal)
        {
            // Exact: both at the common scale as integers, then HUGEINT division truncates toward zero.
            var (a, b) = (left.AsDecimal ?? throw FunctionErrors.UnknownType(call.Name), right.AsDecimal ?? throw FunctionErrors.UnknownType(call.Name));
            var scale = Math.Max(a.S, b.S);
            var quotient = $"({DecimalMath.Unscaled(call[0], scale)} // {DecimalMath.Unscaled(call[1], scale)})";
            return SparkRuntimeErrors.GuardDivisor(call[1], $"CAST({quotient} AS BIGINT)");
        }
        // DuckDB's // truncates toward zero like Spark; bigint operands make the result bigint and
        // make long.MinValue div -1 raise an overflow, as ANSI Spark does.
        return SparkRuntimeErrors.GuardDivisor(call[1], $"(CAST({call[0]} AS BIGINT) // CAST({call[1]} AS BIGINT))");
    }

    /// <summary>
    /// Java's remainder: sign of the dividend, and x % -1 is 0 even for the smallest integer (DuckDB
    /// computes it through a division that overflows).
    /// </summary>
    internal static string Remainder(FunctionCall call)
    {
        call.Expect(2);
        var remainder = Numeric(call, "%", Operation.Remainder);
        if (call.TypeOf(0).Family == TypeFamily.Integral && call.TypeOf(1).Family == TypeFamily.Integral)
            remainder = $"(CASE WHEN {call[1]} = -1 THEN {call[0]} - {call[0]} ELSE {remainder} END)";
        return SparkRuntimeErrors.GuardDivisor(call[1], remainder);
    }

    private static string Bitwise(FunctionCall call, string op)
    {
        call.Expect(2);
        return $"({call[0]} {op} {call[1]})";
    }
}
