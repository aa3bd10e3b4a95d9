namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// The rest of Spark's elementary math: inverse hyperbolics, <c>csc</c>/<c>sec</c>, <c>expm1</c>/<c>log1p</c>,
/// <c>hypot</c>, <c>rint</c>, <c>factorial</c> and <c>pmod</c>. Each follows the formula Spark's expression uses
/// (so NaN and infinities land where Java's would); DuckDB has no expm1/log1p, so those use the classic
/// cancellation-free forms, exact to a few units in the last place even for arguments near zero.
/// </summary>
internal static class ElementaryMathFunctions
{
    private const string NaN = "CAST('NaN' AS DOUBLE)", PlusInfinity = "CAST('Infinity' AS DOUBLE)", MinusInfinity = "CAST('-Infinity' AS DOUBLE)";

    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        var number = ResultRules.Double;
        registry.Scalar(c => Acosh(Arg(c)), number, "acosh");
        registry.Scalar(c => Asinh(Arg(c)), number, "asinh");
        registry.Scalar(c => Atanh(Arg(c)), number, "atanh");
        registry.Scalar(c => $"(1.0 / sin({Arg(c)}))", number, "csc");
        registry.Scalar(c => $"(1.0 / cos({Arg(c)}))", number, "sec");
        registry.Scalar(c => Expm1(Arg(c)), number, "expm1");
        // Spark's log1p is null at or below -1 (its asymptote), like its other logarithms.
        registry.Scalar(c => $"(CASE WHEN {Arg(c)} <= -1 THEN NULL ELSE {Log1p(Arg(c))} END)",
            c => TypedCall.MaybeNull(ResultRules.Double(c).Type), "log1p");
        registry.Scalar(Hypot, number, "hypot");
        registry.Scalar(c => $"round_even({Arg(c)}, 0)", number, "rint");
        // Factorial of an int in [0, 20] as a bigint; anything else is null.
        registry.Scalar(c => $"(CASE WHEN {c.Expect(1)[0]} BETWEEN 0 AND 20 THEN CAST(factorial(CAST({c[0]} AS INTEGER)) AS BIGINT) END)",
            c => c.Require(0, t => SparkTypes.IsIntegral(t) || SparkTypes.IsNull(t), ResultRules.IntegralType).AlwaysNullable(SparkTypes.Long), "factorial");
        registry.Scalar(Pmod, c => ArithmeticTypes.DivideOrRemainder(c, ArithmeticTypes.Operation.Remainder), "pmod");
    }

    private static string Arg(FunctionCall call) => MathFunctions.AsDouble(call.Expect(1)[0]);

    private static string Acosh(string x) => $"(CASE WHEN {x} < 1 THEN {NaN} ELSE ln({x} + sqrt({x} * {x} - 1.0)) END)";

    private static string Asinh(string x) => $"(CASE WHEN {x} = {MinusInfinity} THEN {MinusInfinity} ELSE ln({x} + sqrt({x} * {x} + 1.0)) END)";

    /// <summary>Spark's atanh is ½(log1p(x) − log1p(−x)): ±∞ at ±1, NaN beyond.</summary>
    private static string Atanh(string x) =>
        $"(CASE WHEN {x} > 1 OR {x} < -1 THEN {NaN} WHEN {x} = 1 THEN {PlusInfinity} WHEN {x} = -1 THEN {MinusInfinity} " +
        $"ELSE 0.5 * ({Log1p(x)} - {Log1p($"(- {x})")}) END)";

    /// <summary>log(1 + x) without losing x's digits near zero: ln(u)·x/(u − 1) with u = 1 + x (exact when u rounds to 1).</summary>
    private static string Log1p(string x) =>
        $"(CASE WHEN isnan({x}) THEN {x} WHEN {x} = -1 THEN {MinusInfinity} WHEN {x} < -1 THEN {NaN} WHEN 1.0 + {x} = 1.0 THEN {x} " +
        $"WHEN isinf({x}) THEN {x} ELSE ln(1.0 + {x}) * {x} / ((1.0 + {x}) - 1.0) END)";

    /// <summary>exp(x) − 1 without cancellation: (u − 1)·x/ln(u) with u = eˣ, x itself when u rounds to 1.</summary>
    private static string Expm1(string x) =>
        $"(CASE WHEN isnan({x}) THEN {x} WHEN {x} > 709.782712893384 THEN {PlusInfinity} WHEN {x} < -40 THEN -1.0 " +
        $"WHEN exp({x}) = 1.0 THEN {x} WHEN exp({x}) - 1.0 = -1.0 THEN -1.0 ELSE (exp({x}) - 1.0) * {x} / ln(exp({x})) END)";

    /// <summary>√(a² + b²); operands past 1e150 are scaled first so the squares can't overflow.</summary>
    private static string Hypot(FunctionCall call)
    {
        var (a, b) = (MathFunctions.AsDouble(call.Expect(2)[0]), MathFunctions.AsDouble(call[1]));
        var m = $"greatest(abs({a}), abs({b}))";
        return $"(CASE WHEN isinf({a}) OR isinf({b}) THEN {PlusInfinity} WHEN isnan({a}) OR isnan({b}) THEN {NaN} " +
               $"WHEN {m} > 1e150 THEN {m} * sqrt(pow({a} / {m}, 2) + pow({b} / {m}, 2)) ELSE sqrt({a} * {a} + {b} * {b}) END)";
    }

    /// <summary>
    /// Spark's positive modulus: r = a % n, then (r + n) % n when r is negative; typed and guarded (DIVIDE_BY_ZERO)
    /// exactly as <c>%</c> is.
    /// </summary>
    private static string Pmod(FunctionCall call)
    {
        var strict = ArithmeticFunctions.StringsAsNumbers(call.Expect(2));
        var remainder = ArithmeticFunctions.Remainder(strict);
        var shifted = ArithmeticFunctions.Remainder(strict with { Arguments = [strict.Arguments[0] with { Sql = $"({remainder} + {strict[1]})" }, strict.Arguments[1]] });
        return $"(CASE WHEN {remainder} < 0 THEN {shifted} ELSE {remainder} END)";
    }
}
