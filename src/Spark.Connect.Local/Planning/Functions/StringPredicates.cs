namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>contains</c>, <c>startswith</c>, <c>endswith</c>: on two binary values they compare bytes, on anything else
/// text (binary read as UTF-8, numbers and booleans as Spark writes them). DuckDB has no byte search, so bytes are
/// compared as upper-case hex, two digits a byte: prefixes and suffixes line up by themselves, and a match inside
/// must start at an even digit.
/// </summary>
internal static class StringPredicates
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        var test = ResultRules.Text(() => SparkTypes.Boolean);
        registry.Scalar(c => Render(c, (h, n) => $"regexp_matches({h}, '^(?:..)*?' || {n})", "contains"), test, "contains");
        registry.Scalar(c => Render(c, (h, n) => $"starts_with({h}, {n})", "starts_with"), test, "startswith");
        registry.Scalar(c => Render(c, (h, n) => $"ends_with({h}, {n})", "ends_with"), test, "endswith");
    }

    private static string Render(FunctionCall call, Func<string, string, string> overHex, string textFunction)
    {
        call.Expect(2);
        if (IsBinary(call, 0) && IsBinary(call, 1))
            return $"(CASE WHEN {call[0]} IS NULL OR {call[1]} IS NULL THEN NULL ELSE {overHex($"hex({call[0]})", $"hex({call[1]})")} END)";
        return $"{textFunction}({StringFunctions.Text(call, 0)}, {StringFunctions.Text(call, 1)})";
    }

    private static bool IsBinary(FunctionCall call, int index) => call.SparkTypeOf(index)?.KindCase == DataType.KindOneofCase.Binary;
}
