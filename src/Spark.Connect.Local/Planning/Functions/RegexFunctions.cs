using System.Globalization;
using System.Text;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Regular-expression functions: <c>split</c>, <c>regexp_replace</c>, <c>regexp_extract</c>. DuckDB
/// uses RE2, which shares Java's common syntax; patterns RE2 can't compile fail the query. Java's
/// replacement syntax (<c>$1</c>, <c>\$</c>) is translated to RE2's (<c>\1</c>) and bound as a parameter.
/// </summary>
internal static class RegexFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        // split's array never holds nulls (Spark's ArrayType(StringType, containsNull = false)).
        registry.Scalar(Split, ResultRules.Text(() => SparkTypes.ArrayOf(SparkTypes.String, containsNull: false)), "split");
        registry.Scalar(Replace, ResultRules.Text(() => SparkTypes.String), "regexp_replace");
        registry.Scalar(Extract, ResultRules.Text(() => SparkTypes.String), "regexp_extract");
    }

    /// <summary>
    /// <c>split(str, regex[, limit])</c>: keeps trailing empty strings (Spark's default limit -1); null when the text or
    /// the pattern is (DuckDB would not split on a null pattern). A positive limit is rendered by <see cref="SplitLimit"/>.
    /// </summary>
    private static string Split(FunctionCall call)
    {
        call.ExpectBetween(2, 3);
        var (text, pattern) = (StringFunctions.Text(call, 0), StringFunctions.Text(call, 1));
        var limit = call.Count == 3 ? call.IntegerLiteral(2, "limit") : -1;
        if (limit is null) return "CAST(NULL AS VARCHAR[])";
        var split = limit > 0 ? SplitLimit.Render(text, pattern, limit.Value) : $"regexp_split_to_array({text}, {pattern})";
        return $"(CASE WHEN {pattern} IS NULL THEN NULL ELSE {split} END)";
    }

    /// <summary><c>regexp_replace(str, regex, replacement[, position = 1])</c>: replaces every match.</summary>
    private static string Replace(FunctionCall call)
    {
        call.ExpectBetween(3, 4);
        if (call.Count == 4 && call.IntegerLiteral(3, "position") != 1)
            throw LocalEngineException.Unsupported("regexp_replace from a position other than 1", "Combine substring and regexp_replace instead.");
        var replacement = call.StringLiteral(2, "replacement");
        var bound = replacement is null ? "NULL" : call.Context.Bind(new Spark.Connect.Protocol.Expression.Types.Literal { String = ToRe2Replacement(replacement) });
        return $"regexp_replace({StringFunctions.Text(call, 0)}, {call[1]}, {bound}, 'g')";
    }

    /// <summary>
    /// <c>regexp_extract(str, regex[, group = 1])</c>: '' (not null) when nothing matches, as DuckDB. The
    /// group is a constant in both engines; DuckDB needs it as SQL text, so the validated number is written.
    /// </summary>
    private static string Extract(FunctionCall call)
    {
        call.ExpectBetween(2, 3);
        var group = call.Count == 3 ? call.IntegerLiteral(2, "group index") : 1;
        if (group is null or < 0 or > 9)
            throw FunctionErrors.InvalidParameterValue(call.Name, "group index", "the local engine supports groups 0 to 9");
        return $"regexp_extract({StringFunctions.Text(call, 0)}, {call[1]}, {group.Value.ToString(CultureInfo.InvariantCulture)})";
    }

    /// <summary>Java's <c>$n</c> group references become RE2's <c>\n</c>; Java's <c>\x</c> escapes become the literal character.</summary>
    internal static string ToRe2Replacement(string java)
    {
        var re2 = new StringBuilder();
        for (var i = 0; i < java.Length; i++)
        {
            var c = java[i];
            if (c == '\\' && i + 1 < java.Length)
            {
                var escaped = java[++i];
                re2.Append(escaped == '\\' ? @"\\" : escaped.ToString());
            }
            else if (c == '$')
            {
                if (i + 1 >= java.Length || !char.IsAsciiDigit(java[i + 1]) || (i + 2 < java.Length && char.IsAsciiDigit(java[i + 2])))
                    throw LocalEngineException.Unsupported($"the regexp_replace replacement '{java}'",
                        "Refer to groups as $0 … $9 and write a literal $ as \\$.");
                re2.Append('\\').Append(java[++i]);
            }
            else
            {
                re2.Append(c);
            }
        }
        return re2.ToString();
    }
}
