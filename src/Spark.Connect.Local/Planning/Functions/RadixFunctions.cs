using Spark.Connect.Local.Strings;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's radix functions, run by the engine's own DuckDB functions (<see cref="SparkRadix"/>): <c>conv</c> (unsigned
/// 64-bit, ARITHMETIC_OVERFLOW past it), <c>bin</c> and <c>hex</c> of a long (two's complement), <c>hex</c> of a string or
/// binary (its bytes), <c>unhex</c> (null for text that is not hex).
/// </summary>
internal static class RadixFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(Conv, c => c.Require(0, SparkTypes.CastsToString, ResultRules.StringType)
            .Require(1, SparkTypes.CastsToNumber, "\"INT\"").Require(2, SparkTypes.CastsToNumber, "\"INT\"").AlwaysNullable(SparkTypes.String), "conv");
        registry.Scalar(c => $"{SparkUrlFunctions.Bin}({Long(c.Expect(1), 0)})", ResultRules.Strict(() => SparkTypes.String, SparkTypes.CastsToNumber, "\"BIGINT\""), "bin");
        registry.Scalar(Hex, ResultRules.Strict(() => SparkTypes.String, t => SparkTypes.CastsToNumber(t) || t.KindCase == DataType.KindOneofCase.Binary,
            "(\"BIGINT\" or \"BINARY\" or \"STRING\")"), "hex");
        registry.Scalar(c => $"{SparkUrlFunctions.Unhex}({StringFunctions.Text(c.Expect(1), 0)})",
            c => c.Require(0, SparkTypes.CastsToString, ResultRules.StringType).AlwaysNullable(SparkTypes.Binary), "unhex");
    }

    private static string Conv(FunctionCall call)
    {
        call.Expect(3);
        return $"{SparkUrlFunctions.Conv}({StringFunctions.Text(call, 0)}, CAST({Long(call, 1)} AS VARCHAR), CAST({Long(call, 2)} AS VARCHAR))";
    }

    private static string Hex(FunctionCall call)
    {
        call.Expect(1);
        return call.TypeOf(0).Family is TypeFamily.String or TypeFamily.Binary
            ? $"{SparkUrlFunctions.HexBytes}({DigestFunctions.Bytes(call, 0)})"
            : $"{SparkUrlFunctions.HexLong}({Long(call, 0)})";
    }

    /// <summary>The argument as a BIGINT the way Spark's cast makes one: fractions truncated toward zero (DuckDB would round).</summary>
    private static string Long(FunctionCall call, int index) => call.TypeOf(index).Family is TypeFamily.Floating or TypeFamily.Decimal
        ? $"CAST(trunc({call[index]}) AS BIGINT)"
        : $"CAST({call[index]} AS BIGINT)";
}
