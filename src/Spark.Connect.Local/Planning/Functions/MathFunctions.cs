namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Math functions. Spark returns DOUBLE for the transcendental functions, NaN outside a function's
/// domain (<c>sqrt(-1)</c>, <c>asin(2)</c>) and NULL for logarithms of zero or negatives, where DuckDB
/// raises errors; <c>ceil</c>/<c>floor</c> return BIGINT (or decimal(p-s+1,0)), <c>signum</c> DOUBLE.
/// </summary>
internal static class MathFunctions
{
    private const string NaN = "CAST('NaN' AS DOUBLE)";

    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        var number = ResultRules.Double;
        // Spark's logarithms are null outside their domain, so always nullable.
        var logarithm = ResultRules.Strict(() => SparkTypes.Double, SparkTypes.CastsToNumber, ResultRules.NumericType);
        Func<TypedCall, FunctionResult> nullableLogarithm = c => TypedCall.MaybeNull(logarithm(c).Type);
        // DuckDB has no abs of an interval; intervals compare, so negate the negative ones.
        registry.Scalar(c => c.Expect(1).TypeOf(0).Family == TypeFamily.Interval
            ? $"(CASE WHEN {c[0]} < INTERVAL '0 seconds' THEN (- {c[0]}) ELSE {c[0]} END)"
            : $"abs({c[0]})", ArithmeticTypes.Unary, "abs");
        registry.Scalar(c => CeilOrFloor(c, "ceil"), CeilOrFloorType, "ceil", "ceiling");
        registry.Scalar(c => CeilOrFloor(c, "floor"), CeilOrFloorType, "floor");
        registry.Scalar(c => $"pow({AsDouble(c.Expect(2)[0])}, {AsDouble(c[1])})", number, "power", "pow");
        registry.Scalar(c => $"(CASE WHEN {c.Expect(1)[0]} < 0 THEN {NaN} ELSE sqrt({AsDouble(c[0])}) END)", number, "sqrt");
        registry.Scalar(Cbrt, number, "cbrt");
        registry.Scalar(c => Double(c, "exp"), number, "exp");
        registry.Scalar(c => Logarithm(c.Expect(1)[0], "ln"), nullableLogarithm, "ln");
        registry.Scalar(Log, nullableLogarithm, "log");
        registry.Scalar(c => Logarithm(c.Expect(1)[0], "log10"), nullableLogarithm, "log10");
        registry.Scalar(c => Logarithm(c.Expect(1)[0], "log2"), nullableLogarithm, "log2");
        foreach (var name in new[] { "sin", "cos", "tan", "atan", "sinh", "cosh", "tanh", "degrees", "radians", "cot" })
            registry.Scalar(c => Double(c, name), number, name);
        registry.Scalar(c => OutsideUnitRangeIsNaN(c, "asin"), number, "asin");
        registry.Scalar(c => OutsideUnitRangeIsNaN(c, "acos"), number, "acos");
        registry.Scalar(c => $"atan2({AsDouble(c.Expect(2)[0])}, {AsDouble(c[1])})", number, "atan2");
        // DuckDB's sign is a TINYINT and 0 for NaN; Spark's signum is a DOUBLE and NaN for NaN.
        registry.Scalar(c => $"(CASE WHEN isnan({AsDouble(c.Expect(1)[0])}) THEN {NaN} ELSE CAST(sign({c[0]}) AS DOUBLE) END)", number, "signum", "sign");
        // Both skip nulls and order NaN above every number: null only when every argument is.
        registry.Scalar(c => $"greatest({c.ExpectAtLeast(2).JoinedAsCommonType()})", GreatestOrLeast, "greatest");
        registry.Scalar(c => $"least({c.ExpectAtLeast(2).JoinedAsCommonType()})", GreatestOrLeast, "least");
        registry.Scalar(c => c.WithoutArguments("pi()"), ResultRules.NeverNull(() => SparkTypes.Double), "pi");
        registry.Scalar(c => c.WithoutArguments("exp(1)"), ResultRules.NeverNull(() => SparkTypes.Double), "e");
    }

    internal static string AsDouble(string sql) => $"CAST({sql} AS DOUBLE)";

    private static string Double(FunctionCall call, string duckDbFunction) => $"{duckDbFunction}({AsDouble(call.Expect(1)[0])})";

    /// <summary>DuckDB's cbrt(27) is 3.0000000000000004; Java's Math.cbrt is exact for perfect cubes, so snap to them.</summary>
    private static string Cbrt(FunctionCall call)
    {
        var x = AsDouble(call.Expect(1)[0]);
        return $"list_transform([struct_pack(x := {x}, r := cbrt({x}))], lambda v: CASE WHEN round(v['r']) * round(v['r']) * round(v['r']) = v['x'] THEN round(v['r']) ELSE v['r'] END)[1]";
    }

    private static string OutsideUnitRangeIsNaN(FunctionCall call, string duckDbFunction)
    {
        var x = AsDouble(call.Expect(1)[0]);
        return $"(CASE WHEN {x} < -1 OR {x} > 1 THEN {NaN} ELSE {duckDbFunction}({x}) END)";
    }

    /// <summary>Spark's logarithms are null at or below zero (DuckDB raises); NaN stays NaN.</summary>
    private static string Logarithm(string x, string duckDbFunction) =>
        $"(CASE WHEN {x} <= 0 THEN NULL ELSE {duckDbFunction}({AsDouble(x)}) END)";

    /// <summary><c>log(x)</c> is ln; <c>log(base, x)</c> takes the base first and is null for a non-positive base or x.</summary>
    private static string Log(FunctionCall call)
    {
        call.ExpectBetween(1, 2);
        if (call.Count == 1) return Logarithm(call[0], "ln");
        var (b, x) = (call[0], call[1]);
        return $"(CASE WHEN {b} <= 0 OR {x} <= 0 THEN NULL ELSE ln({AsDouble(x)}) / ln({AsDouble(b)}) END)";
    }

    /// <summary>
    /// Spark's ceil/floor of a double or integer is a BIGINT; of decimal(p,s) a decimal(p-s+1,0).
    /// The two-argument (scale) form is not supported.
    /// </summary>
    private static string CeilOrFloor(FunctionCall call, string duckDbFunction)
    {
        if (call.Count == 2)
            throw LocalEngineException.Unsupported($"{call.Name} with a scale", "Use round or bround with a scale, or ceil/floor without one.");
        call.Expect(1);
        var type = call.TypeOf(0);
        return type.Family switch
        {
            TypeFamily.Integral => $"CAST({call[0]} AS BIGINT)",
            TypeFamily.Decimal => $"CAST({duckDbFunction}({call[0]}) AS {DecimalMath.TypeName((Math.Min(DecimalMath.MaxPrecision, type.Precision - type.Scale + 1), 0))})",
            _ => $"CAST({duckDbFunction}({AsDouble(call[0])}) AS BIGINT)",
        };
    }

    /// <summary>Spark's ceil/floor: decimal(p-s+1, 0) for decimals, BIGINT for everything else.</summary>
    private static FunctionResult CeilOrFloorType(TypedCall call)
    {
        call.Require(0, SparkTypes.CastsToNumber, ResultRules.NumericType);
        var type = call.Type(0);
        return call.Strict(SparkTypes.IsDecimal(type)
            ? SparkTypes.Decimal(Math.Min(DecimalMath.MaxPrecision, SparkTypes.Precision(type) - SparkTypes.Scale(type) + 1), 0)
            : SparkTypes.Long);
    }

    private static FunctionResult GreatestOrLeast(TypedCall call)
    {
        var type = call.CommonType(Enumerable.Range(0, call.Count));
        return new(type, call.Arguments.All(a => a.Nullable));
    }
}
