namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>chr(n)</c> / <c>char(n)</c>: Spark's character with code <c>n mod 256</c> (Latin-1, so 256 is U+0000 and 321 is
/// 'A'), the empty string for a negative n, null for null. n is cast to BIGINT as Spark's implicit cast does: a
/// fractional number truncates toward zero. A string n is refused rather than read by a cast whose rules differ.
/// </summary>
internal static class CharacterCodeFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry) =>
        registry.Scalar(Chr, c => c.Require(0, t => SparkTypes.IsNumeric(t) || SparkTypes.IsNull(t), "\"BIGINT\"").Strict(SparkTypes.String), "chr", "char");

    private static string Chr(FunctionCall call)
    {
        call.Expect(1);
        var type = call.SparkTypeOf(0);
        if (type is not null && SparkTypes.IsString(type))
            throw LocalEngineException.Unsupported($"{call.Name} of a string", $"Cast the code to BIGINT first: {call.Name}(CAST(s AS BIGINT)).");
        var code = type is not null && (SparkTypes.IsFractional(type) || SparkTypes.IsDecimal(type))
            ? $"CAST(trunc({call[0]}) AS BIGINT)"
            : $"CAST({call[0]} AS BIGINT)";
        return $"(CASE WHEN {code} < 0 THEN '' ELSE chr(CAST({code} % 256 AS INTEGER)) END)";
    }
}
