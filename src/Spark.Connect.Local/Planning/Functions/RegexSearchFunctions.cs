using System.Globalization;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's regular-expression searches: <c>regexp_count</c> (how many matches, an INT), <c>regexp_substr</c> (the first
/// match, null when there is none) and <c>regexp_extract_all</c> (group n of every match, group 1 by default as in
/// Spark). Patterns run on RE2, as <see cref="RegexFunctions"/> explains; null text or pattern gives null.
/// </summary>
internal static class RegexSearchFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => $"CAST(len(regexp_extract_all({Text(c.Expect(2))}, {c[1]})) AS INTEGER)", ResultRules.Text(() => SparkTypes.Integer), "regexp_count");
        registry.Scalar(c => $"(CASE WHEN regexp_matches({Text(c.Expect(2))}, {c[1]}) THEN regexp_extract({Text(c)}, {c[1]}, 0) END)",
            c => c.RequireAll(SparkTypes.CastsToString, ResultRules.StringType).AlwaysNullable(SparkTypes.String), "regexp_substr");
        registry.Scalar(ExtractAll, ResultRules.Text(() => SparkTypes.ArrayOf(SparkTypes.String, containsNull: true)), "regexp_extract_all");
    }

    private static string Text(FunctionCall call) => StringFunctions.Text(call, 0);

    /// <summary><c>regexp_extract_all(str, regex[, group = 1])</c>; the group is a constant, as in Spark, written as validated SQL text.</summary>
    private static string ExtractAll(FunctionCall call)
    {
        call.ExpectBetween(2, 3);
        var group = call.Count == 3 ? call.IntegerLiteral(2, "group index") : 1;
        if (group is null or < 0 or > 9)
            throw FunctionErrors.InvalidParameterValue(call.Name, "group index", "the local engine supports groups 0 to 9");
        return $"regexp_extract_all({Text(call)}, {call[1]}, {group.Value.ToString(CultureInfo.InvariantCulture)})";
    }
}
