namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>nvl2(a, b, c)</c> (b when a is not null, else c, at b and c's common type) and <c>assert_true(condition[, message])</c>
/// (null when the condition holds, otherwise Spark's USER_RAISED_EXCEPTION; a null condition fails too, as in Spark).
/// </summary>
internal static class NullTestFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(Nvl2, c => new FunctionResult(c.Expect3().CommonType([1, 2]), c.Nullable(1) || c.Nullable(2)), "nvl2");
        registry.Scalar(AssertTrue, c => c.Require(0, t => t.KindCase == DataType.KindOneofCase.Boolean || SparkTypes.IsNull(t), ResultRules.BooleanType)
            .AlwaysNullable(SparkTypes.Null), "assert_true");
    }

    private static TypedCall Expect3(this TypedCall call) => call.Count == 3 ? call : throw FunctionErrors.WrongNumArgs(call.Name, "3", call.Count);

    private static string Nvl2(FunctionCall call)
    {
        call.Expect(3);
        var common = call.CommonSparkType([1, 2]);
        return $"(CASE WHEN {call[0]} IS NOT NULL THEN {call.As(1, common)} ELSE {call.As(2, common)} END)";
    }

    private static string AssertTrue(FunctionCall call)
    {
        call.ExpectBetween(1, 2);
        var message = call.Count == 2 ? call[1] : "'assert_true: the condition is not true!'";
        return $"(CASE WHEN {call[0]} THEN NULL ELSE {SparkRuntimeErrors.RaiseWithValues("USER_RAISED_EXCEPTION", "", message)} END)";
    }
}
