namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's <c>try_add</c>, <c>try_subtract</c>, <c>try_multiply</c>, <c>try_divide</c>, <c>try_mod</c>,
/// <c>try_to_date</c>, <c>try_to_timestamp</c>: the plain function's answer, or NULL where it would fail. The plain
/// rendering is wrapped in DuckDB's <c>TRY(…)</c>, which turns its errors (overflow, bad text) into NULL; the
/// divisions test their divisor instead, since their own zero guard raises through <c>error()</c>, which TRY does not
/// accept. Result types are the plain function's, always nullable.
/// </summary>
internal static class TryFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        Tolerant(registry, "try_add", "+", 2, 2);
        Tolerant(registry, "try_subtract", "-", 2, 2);
        Tolerant(registry, "try_multiply", "*", 2, 2);
        Tolerant(registry, "try_to_date", "to_date", 1, 2);
        Tolerant(registry, "try_to_timestamp", "to_timestamp", 1, 2);
        NullForZeroDivisor(registry, "try_divide", "/");
        NullForZeroDivisor(registry, "try_mod", "%");
    }

    private static void Tolerant(FunctionRegistry registry, string name, string plain, int min, int max) =>
        registry.Scalar(c => $"TRY({Plain(plain).Render(c.ExpectBetween(min, max))})", c => Nullable(plain, c), name);

    // A zero divisor gives NULL before the plain rendering's guard can raise DIVIDE_BY_ZERO.
    private static void NullForZeroDivisor(FunctionRegistry registry, string name, string plain) =>
        registry.Scalar(c => $"(CASE WHEN ({c.Expect(2)[1]}) = 0 THEN NULL ELSE {Plain(plain).Render(c)} END)", c => Nullable(plain, c), name);

    private static FunctionRenderer Plain(string name) => FunctionRegistry.Find(name);

    private static FunctionResult Nullable(string plain, TypedCall call) => call.AlwaysNullable(Plain(plain).ResultType(call).Type);
}
