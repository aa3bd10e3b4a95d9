using Spark.Connect.Local.CaseMapping;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's case mapping: <c>upper</c>/<c>ucase</c>, <c>lower</c>/<c>lcase</c>, <c>initcap</c> and <c>ilike</c>
/// (Spark rewrites <c>ilike(s, p)</c> to <c>lower(s) LIKE lower(p)</c>), rendered with the engine's own DuckDB
/// functions (<see cref="SparkCaseFunctions"/>), which map case as Spark does, where DuckDB's <c>upper</c>,
/// <c>lower</c> and <c>ILIKE</c> map one code point at a time and differ beyond ASCII (<c>ß</c>, <c>ﬁ</c>, <c>İ</c>,
/// final <c>Σ</c>). Non-string arguments are cast to text first, as Spark's implicit cast does.
/// </summary>
internal static class CaseFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        var text = ResultRules.Text(() => SparkTypes.String);
        registry.Scalar(c => Call(SparkCaseFunctions.Upper, c.Expect(1), 0), text, "upper", "ucase");
        registry.Scalar(c => Call(SparkCaseFunctions.Lower, c.Expect(1), 0), text, "lower", "lcase");
        registry.Scalar(c => Call(SparkCaseFunctions.InitCap, c.Expect(1), 0), text, "initcap");
        registry.Scalar(c => StringFunctions.Like(c, i => Call(SparkCaseFunctions.Lower, c, i)), StringTypes.Like, "ilike");
    }

    private static string Call(string function, FunctionCall call, int index) => $"{function}({StringFunctions.Text(call, index)})";
}
