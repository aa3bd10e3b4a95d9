using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's result types of the arithmetic operators: numbers widen (integers to the wider integer,
/// anything with a float to FLOAT or DOUBLE, decimals by DecimalPrecision), datetimes and intervals as
/// Spark's datetime arithmetic, <c>/</c> is DOUBLE unless decimals are divided. Operators are null when
/// an operand is; <c>/</c>, <c>div</c> and <c>%</c> are always nullable, as Spark declares them.
/// </summary>
internal static class ArithmeticTypes
{
    /// <summary>The arithmetic operation whose decimal rule applies.</summary>
    internal enum Operation { Add, Subtract, Multiply, Divide, Remainder }

    /// <summary><c>+</c> and binary <c>-</c>, including date, timestamp and interval arithmetic.</summary>
    public static FunctionResult AddOrSubtract(TypedCall call, Operation operation)
    {
        if (call.Count == 1) return Unary(call);
        var (left, right) = Operands(call);
        var type = IsNumberOrNull(left) && IsNumberOrNull(right)
            ? Numeric(left, right, operation)
            : Datetime(left, right, operation) ?? IntervalArithmetic.AdditionType(left, right, operation == Operation.Subtract)
                ?? throw FunctionErrors.BinaryOpDiffTypes(call.Name, left, right);
        return call.Strict(type);
    }

    /// <summary><c>*</c>: numbers, or an interval times a number.</summary>
    public static FunctionResult Multiply(TypedCall call)
    {
        var (left, right) = Operands(call);
        if (IsNumberOrNull(left) && IsNumberOrNull(right)) return call.Strict(Numeric(left, right, Operation.Multiply));
        if (SparkTypes.IsAnsiInterval(left) && IntervalArithmetic.IsFactor(right)) return call.Strict(IntervalArithmetic.ResultType(left));
        if (SparkTypes.IsAnsiInterval(right) && IntervalArithmetic.IsFactor(left)) return call.Strict(IntervalArithmetic.ResultType(right));
        if (SparkTypes.IsInterval(left) && IsNumberOrNull(right)) return call.Strict(left);
        if (SparkTypes.IsInterval(right) && IsNumberOrNull(left)) return call.Strict(right);
        throw FunctionErrors.BinaryOpDiffTypes(call.Name, left, right);
    }

    /// <summary><c>/</c> and <c>%</c>: numbers only here; nullable whatever the operands (Spark's DivModLike).</summary>
    public static FunctionResult DivideOrRemainder(TypedCall call, Operation operation)
    {
        var (left, right) = Operands(call);
        if (operation == Operation.Divide && SparkTypes.IsAnsiInterval(left) && IntervalArithmetic.IsFactor(right))
            return call.Strict(IntervalArithmetic.ResultType(left));
        if (!IsNumberOrNull(left) || !IsNumberOrNull(right))
            throw FunctionErrors.BinaryOpDiffTypes(call.Name, left, right);
        return TypedCall.MaybeNull(Numeric(left, right, operation));
    }

    /// <summary><c>div</c>: BIGINT of integers or decimals.</summary>
    public static FunctionResult IntegralDivide(TypedCall call)
    {
        if (StringsAsNumbers(call.Type(0), call.Type(1)) is not null) return TypedCall.MaybeNull(SparkTypes.Long);
        call.RequireAll(t => SparkTypes.IsIntegral(t) || SparkTypes.IsDecimal(t) || SparkTypes.IsNull(t), "(\"BIGINT\" or \"DECIMAL\")");
        return TypedCall.MaybeNull(SparkTypes.Long);
    }

    /// <summary>Unary minus and <c>negative</c>/<c>positive</c>: the operand's type.</summary>
    public static FunctionResult Unary(TypedCall call)
    {
        call.Require(0, t => IsNumberOrNull(t) || SparkTypes.IsInterval(t), "(\"NUMERIC\" or \"INTERVAL\")");
        return new(SparkTypes.IsNull(call.Type(0)) ? SparkTypes.Double : call.Type(0), call.Nullable(0));
    }

    /// <summary><c>&amp;</c>, <c>|</c>, <c>^</c>: integers, widened; <c>~</c>: the operand's type.</summary>
    public static FunctionResult Bitwise(TypedCall call)
    {
        call.RequireAll(t => SparkTypes.IsIntegral(t) || SparkTypes.IsNull(t), ResultRules.IntegralType);
        var type = SparkTypeCoercion.Wider(call.Arguments.Select(a => a.Type))!;
        return call.Strict(SparkTypes.IsNull(type) ? SparkTypes.Long : type);
    }

    /// <summary>The result of a numeric operation on <paramref name="left"/> and <paramref name="right"/> (NULL takes the other side's type).</summary>
    internal static DataType Numeric(DataType left, DataType right, Operation operation)
    {
        if (SparkTypes.IsNull(left)) left = SparkTypes.IsNull(right) ? SparkTypes.Double : right;
        if (SparkTypes.IsNull(right)) right = left;
        if (operation == Operation.Divide && !(SparkTypes.IsDecimal(left) || SparkTypes.IsDecimal(right)))
            return SparkTypes.Double;
        if (SparkTypes.IsFractional(left) || SparkTypes.IsFractional(right))
        {
            var isFloatOnly = left.KindCase != DataType.KindOneofCase.Double && right.KindCase != DataType.KindOneofCase.Double
                && !SparkTypes.IsDecimal(left) && !SparkTypes.IsDecimal(right);
            return isFloatOnly && operation != Operation.Divide ? SparkTypes.Float : SparkTypes.Double;
        }
        if (SparkTypes.IsIntegral(left) && SparkTypes.IsIntegral(right)) return SparkTypeCoercion.WiderNumber(left, right);
        var (a, b) = (SparkTypes.AsDecimal(left)!.Value, SparkTypes.AsDecimal(right)!.Value);
        return SparkTypes.Decimal(operation switch
        {
            Operation.Add or Operation.Subtract => DecimalMath.AddType(a, b),
            Operation.Multiply => DecimalMath.MultiplyType(a, b),
            Operation.Divide => DecimalMath.DivideType(a, b),
            _ => DecimalMath.RemainderType(a, b),
        });
    }

    /// <summary>Spark's datetime arithmetic, or null when the operands don't combine.</summary>
    private static DataType? Datetime(DataType left, DataType right, Operation operation)
    {
        var subtract = operation == Operation.Subtract;
        if (!subtract && SparkTypes.IsInterval(left) && SparkTypes.IsDatetime(right))
            (left, right) = (right, left); // addition commutes
        if (left.KindCase == DataType.KindOneofCase.Date)
        {
            if (SparkTypes.IsIntegral(right) || SparkTypes.IsNull(right)) return SparkTypes.Date; // date_add / date_sub
            if (right.KindCase is DataType.KindOneofCase.YearMonthInterval or DataType.KindOneofCase.CalendarInterval) return SparkTypes.Date;
            if (right.KindCase == DataType.KindOneofCase.DayTimeInterval) return SparkTypes.Timestamp;
            if (subtract && right.KindCase == DataType.KindOneofCase.Date) return SparkTypes.DayTimeInterval(0, 0);
            if (subtract && SparkTypes.IsTimestamp(right)) return SparkTypes.DayTimeInterval();
            return null;
        }
        if (SparkTypes.IsTimestamp(left))
        {
            if (SparkTypes.IsInterval(right)) return left;
            if (subtract && SparkTypes.IsDatetime(right)) return SparkTypes.DayTimeInterval();
            return null;
        }
        if (SparkTypes.IsInterval(left) && SparkTypes.IsInterval(right)) return SparkTypeCoercion.Wider(left, right);
        return null;
    }

    /// <summary>
    /// ANSI Spark's operand types when a string meets a number: both become their common type (a string
    /// and an integer a bigint, a string and a fraction a double, a string and a decimal that decimal);
    /// two strings (or a string and NULL) are read as doubles. Null when no operand is a string or the
    /// other is not a number.
    /// </summary>
    internal static DataType? StringsAsNumbers(DataType left, DataType right)
    {
        if (!SparkTypes.IsString(left) && !SparkTypes.IsString(right)) return null;
        var other = SparkTypes.IsString(left) ? right : left;
        if (SparkTypes.IsString(other) || SparkTypes.IsNull(other)) return SparkTypes.Double;
        return SparkTypes.IsNumeric(other) ? SparkTypeCoercion.Wider(left, right) : null;
    }

    private static (DataType Left, DataType Right) Operands(TypedCall call) =>
        StringsAsNumbers(call.Type(0), call.Type(1)) is { } common ? (common, common) : (call.Type(0), call.Type(1));

    private static bool IsNumberOrNull(DataType type) => SparkTypes.IsNumeric(type) || SparkTypes.IsNull(type);
}
