namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's <c>bit_and</c>, <c>bit_or</c>, <c>bit_xor</c> (an integral column's type, null over no rows) and
/// <c>product</c> (a DOUBLE, null over no rows or only nulls).
/// </summary>
internal static class BitAggregateFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        foreach (var name in new[] { "bit_and", "bit_or", "bit_xor" })
            registry.Aggregate(c => $"{name}({Distinct(c)}{c.Expect(1)[0]}){c.OverSuffix}", BitType, name);
        registry.Aggregate(c => $"product({Distinct(c)}{MathFunctions.AsDouble(c.Expect(1)[0])}){c.OverSuffix}",
            c => c.Require(0, t => SparkTypes.CastsToNumber(t), ResultRules.NumericType).AlwaysNullable(SparkTypes.Double), "product");
    }

    private static string Distinct(FunctionCall call) => call.IsDistinct ? "DISTINCT " : "";

    private static FunctionResult BitType(TypedCall call) =>
        call.Require(0, t => SparkTypes.IsIntegral(t) || SparkTypes.IsNull(t), ResultRules.IntegralType)
            .AlwaysNullable(SparkTypes.IsNull(call.Type(0)) ? SparkTypes.Integer : call.Type(0));
}
