namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's functions for special numeric values: <c>nanvl</c> (a replacement for NaN), <c>nullifzero</c>,
/// <c>zeroifnull</c>, and <c>width_bucket</c> (the equi-width histogram bucket of a value).
/// </summary>
internal static class NumericEdgeFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(NanValue, NanValueType, "nanvl");
        registry.Scalar(c => $"nullif({c.Expect(1)[0]}, 0)", c => c.RequireAll(NumberOrNull, ResultRules.NumericType).AlwaysNullable(c.Type(0)), "nullifzero");
        registry.Scalar(c => $"coalesce({c.Expect(1).As(0, ZeroType(c))}, 0)", c => TypedCall.NeverNull(ZeroType(c.RequireAll(NumberOrNull, ResultRules.NumericType))), "zeroifnull");
        registry.Scalar(WidthBucket, c => c.RequireAll(SparkTypes.CastsToNumber, ResultRules.NumericType).AlwaysNullable(SparkTypes.Long), "width_bucket");
    }

    private static bool NumberOrNull(DataType type) => SparkTypes.IsNumeric(type) || SparkTypes.IsNull(type);

    /// <summary>zeroifnull is Spark's coalesce(x, 0): the common type of x and INT (a byte or short becomes an INT).</summary>
    private static DataType ZeroType(FunctionCall call) => call.SparkTypeOf(0) is { } type ? SparkTypeCoercion.Wider(type, SparkTypes.Integer) ?? type : SparkTypes.Integer;

    private static DataType ZeroType(TypedCall call) => SparkTypeCoercion.Wider(call.Type(0), SparkTypes.Integer) ?? SparkTypes.Integer;

    /// <summary>nanvl(a, b): b where a is NaN, else a; both as DOUBLE (FLOAT when both are floats).</summary>
    private static string NanValue(FunctionCall call)
    {
        call.Expect(2);
        var type = BothFloats(call.SparkTypeOf(0), call.SparkTypeOf(1)) ? SparkTypes.Float : SparkTypes.Double;
        var (a, b) = (call.As(0, type), call.As(1, type));
        return $"(CASE WHEN isnan({a}) THEN {b} ELSE {a} END)";
    }

    private static FunctionResult NanValueType(TypedCall call)
    {
        call.RequireAll(SparkTypes.CastsToNumber, "(\"DOUBLE\" or \"FLOAT\")");
        return call.Strict(BothFloats(call.Type(0), call.Type(1)) ? SparkTypes.Float : SparkTypes.Double);
    }

    private static bool BothFloats(DataType? a, DataType? b) =>
        a?.KindCase == DataType.KindOneofCase.Float && b?.KindCase == DataType.KindOneofCase.Float;

    /// <summary>
    /// width_bucket(v, min, max, n): 0 below the range, n + 1 at or past its end, else 1 + ⌊n·(v − min)/(max − min)⌋
    /// (mirrored when min &gt; max). Null, as Spark, for n ≤ 0, min = max, or a NaN or infinite bound or NaN value.
    /// </summary>
    private static string WidthBucket(FunctionCall call)
    {
        call.Expect(4);
        var (v, lo, hi, n) = ("\"__w\".v", "\"__w\".lo", "\"__w\".hi", "\"__w\".n");
        var values = $"{{'v': CAST({call[0]} AS DOUBLE), 'lo': CAST({call[1]} AS DOUBLE), 'hi': CAST({call[2]} AS DOUBLE), 'n': CAST({call[3]} AS BIGINT)}}";
        var body = $"CASE WHEN {n} <= 0 OR {n} = 9223372036854775807 OR {lo} = {hi} OR isnan({v}) OR isnan({lo}) OR isnan({hi}) OR isinf({lo}) OR isinf({hi}) THEN NULL " +
                   $"WHEN {lo} < {hi} THEN (CASE WHEN {v} < {lo} THEN 0 WHEN {v} >= {hi} THEN {n} + 1 ELSE CAST(trunc({n} * ({v} - {lo}) / ({hi} - {lo})) AS BIGINT) + 1 END) " +
                   $"ELSE (CASE WHEN {v} > {lo} THEN 0 WHEN {v} <= {hi} THEN {n} + 1 ELSE CAST(trunc({n} * ({lo} - {v}) / ({lo} - {hi})) AS BIGINT) + 1 END) END";
        return $"(CASE WHEN ({call[0]}) IS NULL OR ({call[1]}) IS NULL OR ({call[2]}) IS NULL OR ({call[3]}) IS NULL THEN CAST(NULL AS BIGINT) ELSE {ArrayFunctions.Let(values, "\"__w\"", body)} END)";
    }
}
