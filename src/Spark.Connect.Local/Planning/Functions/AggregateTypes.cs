using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's result types of the aggregate functions. Over no rows (or only nulls) an aggregate is null,
/// so all are nullable except <c>count</c>, <c>count_if</c> (0) and <c>collect_list</c>/<c>collect_set</c> ([]).
/// </summary>
internal static class AggregateTypes
{
    /// <summary><c>sum</c>: BIGINT for integers, decimal(p+10, s) for decimals, DOUBLE otherwise, intervals as themselves.</summary>
    public static FunctionResult Sum(TypedCall call)
    {
        var type = call.Type(0);
        if (SparkTypes.IsIntegral(type)) return TypedCall.MaybeNull(SparkTypes.Long);
        if (SparkTypes.IsDecimal(type))
            return TypedCall.MaybeNull(SparkTypes.Decimal(Math.Min(DecimalMath.MaxPrecision, SparkTypes.Precision(type) + 10), SparkTypes.Scale(type)));
        if (SparkTypes.IsAnsiInterval(type)) return TypedCall.MaybeNull(type);
        call.Require(0, SparkTypes.CastsToNumber, "(\"NUMERIC\" or \"ANSI INTERVAL\")");
        return TypedCall.MaybeNull(SparkTypes.Double);
    }

    /// <summary><c>avg</c>: decimal(p+4, s+4) for decimals (bounded to 38), DOUBLE otherwise.</summary>
    public static FunctionResult Average(TypedCall call)
    {
        var type = call.Type(0);
        if (SparkTypes.IsDecimal(type))
            return TypedCall.MaybeNull(SparkTypes.Decimal(Math.Min(DecimalMath.MaxPrecision, SparkTypes.Precision(type) + 4),
                Math.Min(DecimalMath.MaxPrecision, SparkTypes.Scale(type) + 4)));
        call.Require(0, SparkTypes.CastsToNumber, ResultRules.NumericType);
        return TypedCall.MaybeNull(SparkTypes.Double);
    }

    /// <summary><c>min</c>/<c>max</c>: the input type; maps have no order.</summary>
    public static FunctionResult MinOrMax(TypedCall call)
    {
        if (call.Type(0).KindCase == DataType.KindOneofCase.Map) throw FunctionErrors.InvalidOrderingType(call.Name, call.Type(0));
        return TypedCall.MaybeNull(call.Type(0));
    }

    /// <summary><c>bool_and</c>/<c>bool_or</c> and their aliases.</summary>
    public static FunctionResult Logic(TypedCall call) =>
        call.Require(0, SparkTypes.CastsToBoolean, ResultRules.BooleanType).AlwaysNullable(SparkTypes.Boolean);

    /// <summary><c>count_if</c>: BIGINT, 0 over no rows.</summary>
    public static FunctionResult CountIf(TypedCall call)
    {
        call.Require(0, SparkTypes.CastsToBoolean, ResultRules.BooleanType);
        return TypedCall.NeverNull(SparkTypes.Long);
    }

    /// <summary>Standard deviations, variances and <c>corr</c>: DOUBLE, null for too few rows.</summary>
    public static FunctionResult Statistic(TypedCall call) =>
        call.RequireAll(SparkTypes.CastsToNumber, ResultRules.NumericType).AlwaysNullable(SparkTypes.Double);

    /// <summary><c>collect_list</c>/<c>collect_set</c>: an array without nulls, [] over no rows.</summary>
    public static FunctionResult Collect(TypedCall call) =>
        TypedCall.NeverNull(SparkTypes.ArrayOf(call.Type(0), containsNull: false));

    /// <summary><c>first</c>, <c>last</c>, <c>max_by</c>, <c>min_by</c>: the first argument's type.</summary>
    public static FunctionResult FirstArgument(TypedCall call) => TypedCall.MaybeNull(call.Type(0));
}
