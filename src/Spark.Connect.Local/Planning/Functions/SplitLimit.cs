using System.Globalization;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>split(str, regex, limit)</c> with a positive limit: at most <c>limit</c> parts, the last holding everything after
/// the (limit − 1)-th match. DuckDB splits without a limit, so the parts past the limit are joined back with the
/// matches that separated them (<c>regexp_extract_all</c> finds the same non-overlapping matches the split cut at).
/// </summary>
internal static class SplitLimit
{
    /// <summary>The SQL of the split; <paramref name="text"/> and <paramref name="pattern"/> are SQL expressions.</summary>
    public static string Render(string text, string pattern, long limit)
    {
        var n = limit.ToString(CultureInfo.InvariantCulture);
        var rest = $"array_to_string(list_transform(range({n}, len(\"__parts\") + 1), lambda \"__i\": \"__parts\"[\"__i\"] || coalesce(\"__seps\"[\"__i\"], '')), '')";
        var body = $"CASE WHEN len(\"__parts\") <= {n} THEN \"__parts\" ELSE list_slice(\"__parts\", 1, {n} - 1) || [{rest}] END";
        var withSeparators = ArrayFunctions.Let($"regexp_extract_all({text}, {pattern})", "\"__seps\"", body);
        return ArrayFunctions.Let($"regexp_split_to_array({text}, {pattern})", "\"__parts\"", withSeparators);
    }
}
