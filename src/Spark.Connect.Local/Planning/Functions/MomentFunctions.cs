namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's moment and regression aggregates: <c>covar_pop</c>, <c>covar_samp</c>, <c>kurtosis</c>, <c>skewness</c>, the
/// <c>regr_*</c> family (rows where both arguments are non-null; <c>regr_*(y, x)</c>), and <c>try_sum</c>/<c>try_avg</c>.
/// All on DOUBLE; Spark answers null (not NaN) where a denominator is 0 (its default for
/// <c>spark.sql.legacy.statisticalAggregate</c>): one row for a sample statistic, no spread for kurtosis and skewness.
/// </summary>
internal static class MomentFunctions
{
    private static readonly string[] Regressions = ["regr_avgx", "regr_avgy", "regr_slope", "regr_intercept", "regr_r2", "regr_sxx", "regr_sxy", "regr_syy"];

    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Aggregate(c => Pair(c, "covar_pop"), AggregateTypes.Statistic, "covar_pop");
        registry.Aggregate(c => Pair(c, "covar_samp"), AggregateTypes.Statistic, "covar_samp");
        foreach (var name in Regressions)
            registry.Aggregate(c => Pair(c, name), AggregateTypes.Statistic, name);
        registry.Aggregate(c => $"CAST(coalesce(regr_count({Doubles(c)}){c.OverSuffix}, 0) AS BIGINT)", ResultRules.NeverNull(() => SparkTypes.Long), "regr_count");
        registry.Aggregate(Kurtosis, AggregateTypes.Statistic, "kurtosis");
        registry.Aggregate(Skewness, AggregateTypes.Statistic, "skewness");
        registry.Aggregate(TrySum, AggregateTypes.Sum, "try_sum");
        registry.Aggregate(c => FunctionRegistry.Find("avg").Render(c), AggregateTypes.Average, "try_avg");
    }

    private static string Doubles(FunctionCall call) => $"{MathFunctions.AsDouble(call.Expect(2)[0])}, {MathFunctions.AsDouble(call[1])}";

    private static string Distinct(FunctionCall call) => call.IsDistinct ? "DISTINCT " : "";

    private static string Pair(FunctionCall call, string duckDbFunction) => $"{duckDbFunction}({Distinct(call)}{Doubles(call)}){call.OverSuffix}";

    /// <summary>A moment aggregate of x as DOUBLE, with the OVER clause (for the formulas below).</summary>
    private static string Moment(FunctionCall call, string function, string of) => $"{function}({Distinct(call)}{of}){call.OverSuffix}";

    /// <summary>Spark's kurtosis: the population excess kurtosis n·m4/m2² − 3; null without spread.</summary>
    private static string Kurtosis(FunctionCall call)
    {
        var x = MathFunctions.AsDouble(call.Expect(1)[0]);
        return $"(CASE WHEN {Moment(call, "var_pop", x)} = 0 THEN NULL ELSE {Moment(call, "kurtosis_pop", x)} END)";
    }

    /// <summary>
    /// Spark's skewness: the population skewness √n·m3/m2^1.5 = E[(x−μ)³]/σ³, from the raw moments (DuckDB's
    /// <c>skewness</c> is the sample-adjusted one, and null under three rows where Spark answers); null without spread.
    /// </summary>
    private static string Skewness(FunctionCall call)
    {
        var x = MathFunctions.AsDouble(call.Expect(1)[0]);
        var (mean, variance) = (Moment(call, "avg", x), Moment(call, "var_pop", x));
        var third = $"({Moment(call, "avg", $"{x} * {x} * {x}")} - 3 * {mean} * {Moment(call, "avg", $"{x} * {x}")} + 2 * {mean} * {mean} * {mean})";
        return $"(CASE WHEN {variance} = 0 THEN NULL ELSE {third} / pow({variance}, 1.5) END)";
    }

    /// <summary>try_sum: sum, but null where the bigint or decimal sum would overflow (sum raises ARITHMETIC_OVERFLOW).</summary>
    private static string TrySum(FunctionCall call)
    {
        call.Expect(1);
        var sum = $"sum({Distinct(call)}{call[0]}){call.OverSuffix}";
        return call.TypeOf(0).Family switch
        {
            TypeFamily.Integral => $"list_transform([{sum}], lambda s: CASE WHEN s < -9223372036854775808 OR s > 9223372036854775807 THEN NULL ELSE CAST(s AS BIGINT) END)[1]",
            TypeFamily.Decimal => DecimalSum(call, sum),
            _ => FunctionRegistry.Find("sum").Render(call),
        };
    }

    /// <summary>
    /// A decimal(p, s) sum is Spark's decimal(p + 10, s): null when it needs more integer digits. Past 38 digits DuckDB's
    /// own sum raises its overflow (ARITHMETIC_OVERFLOW) before the check can answer null.
    /// </summary>
    private static string DecimalSum(FunctionCall call, string sum)
    {
        var type = call.TypeOf(0);
        var precision = type.Precision + 10;
        if (precision >= DecimalMath.MaxPrecision) return FunctionRegistry.Find("sum").Render(call);
        var target = DecimalMath.TypeName((precision, type.Scale));
        var limit = $"CAST('1{new string('0', precision - type.Scale)}' AS DECIMAL(38,{type.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}))";
        return ArrayFunctions.Let(sum, "\"__ts\"", $"CASE WHEN abs(\"__ts\") >= {limit} THEN NULL ELSE CAST(\"__ts\" AS {target}) END");
    }
}
