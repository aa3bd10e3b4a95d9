using System.Text;
using System.Text.RegularExpressions;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>get_json_object(json, path)</c>: the value at a JSONPath as text (strings unquoted, objects and arrays as
/// compact JSON), null for a missing value, a JSON null or text that is no JSON. Spark's path is translated to
/// DuckDB's and bound: <c>$</c> followed by <c>.name</c>, <c>['name']</c> and <c>[index]</c> steps; wildcards and other
/// syntax are unsupported (a literal path is required). DuckDB re-serialises nested numbers (<c>1.50</c> → <c>1.5</c>).
/// </summary>
internal static partial class JsonFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry) =>
        registry.Scalar(GetJsonObject, c => c.RequireAll(SparkTypes.CastsToString, ResultRules.StringType).AlwaysNullable(SparkTypes.String), "get_json_object");

    private static string GetJsonObject(FunctionCall call)
    {
        call.Expect(2);
        if (call.LiteralAt(1) is null) return JsonRuntimePath.Render(call);
        var path = call.StringLiteral(1, "path");
        if (path is null) return "CAST(NULL AS VARCHAR)";
        var translated = Translate(path);
        if (translated is null) return "CAST(NULL AS VARCHAR)"; // Spark: a path it can't parse gives null
        var bound = call.Context.Bind(new Spark.Connect.Protocol.Expression.Types.Literal { String = translated });
        var json = StringFunctions.Text(call, 0);
        return ArrayFunctions.Let(json, "\"__js\"", $"CASE WHEN json_valid(\"__js\") THEN json_extract_string(\"__js\", {bound}) END");
    }

    /// <summary>Spark's path as DuckDB's (<c>$."name"[0]</c>), or null when Spark would not parse it.</summary>
    private static string? Translate(string path)
    {
        if (!path.StartsWith('$')) return null;
        var result = new StringBuilder("$");
        var rest = path.AsSpan(1);
        while (!rest.IsEmpty)
        {
            var match = Step().Match(rest.ToString());
            if (!match.Success)
            {
                if (rest.Contains('*'))
                    throw LocalEngineException.Unsupported("get_json_object with a wildcard path", "Extract the array and explode it.");
                return null;
            }
            if (match.Groups["index"].Success) result.Append('[').Append(match.Groups["index"].Value).Append(']');
            else
            {
                var name = match.Groups["dot"].Success ? match.Groups["dot"].Value : match.Groups["quoted"].Value;
                result.Append(".\"").Append(name.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
            }
            rest = rest[match.Length..];
        }
        return result.ToString();
    }

    [GeneratedRegex(@"^(?:\.(?<dot>[^.\[\]'*]+)|\['(?<quoted>[^'*]+)'\]|\[(?<index>[0-9]+)\])")]
    private static partial Regex Step();
}
