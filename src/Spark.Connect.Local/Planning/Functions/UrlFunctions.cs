using Spark.Connect.Local.Strings;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's URL functions, run by the engine's own DuckDB functions (<see cref="SparkUrlFunctions"/>) for Java's exact
/// rules: <c>url_encode</c>, <c>url_decode</c> (CANNOT_DECODE_URL on a malformed escape), <c>try_url_decode</c>,
/// <c>parse_url</c> (INVALID_URL on text java.net.URI refuses) and <c>try_parse_url</c>.
/// </summary>
internal static class UrlFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        var text = ResultRules.Text(() => SparkTypes.String);
        Func<TypedCall, FunctionResult> maybeNull = c => c.RequireAll(SparkTypes.CastsToString, ResultRules.StringType).AlwaysNullable(SparkTypes.String);
        registry.Scalar(c => Call(SparkUrlFunctions.UrlEncode, c.Expect(1)), text, "url_encode");
        registry.Scalar(c => Call(SparkUrlFunctions.UrlDecode, c.Expect(1)), text, "url_decode");
        registry.Scalar(c => Call(SparkUrlFunctions.TryUrlDecode, c.Expect(1)), maybeNull, "try_url_decode");
        registry.Scalar(c => ParseUrl(c, SparkUrlFunctions.ParseUrl, SparkUrlFunctions.ParseUrlKey), maybeNull, "parse_url");
        registry.Scalar(c => ParseUrl(c, SparkUrlFunctions.TryParseUrl, SparkUrlFunctions.TryParseUrlKey), maybeNull, "try_parse_url");
    }

    private static string ParseUrl(FunctionCall call, string twoArguments, string threeArguments) =>
        Call(call.ExpectBetween(2, 3).Count == 2 ? twoArguments : threeArguments, call);

    internal static string Call(string function, FunctionCall call) =>
        $"{function}({string.Join(", ", Enumerable.Range(0, call.Count).Select(i => StringFunctions.Text(call, i)))})";
}
