namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>get_json_object(json, path)</c> with a path computed per row (json_tuple's computed field names use it): the
/// paths <c>$.name</c> and <c>$['name']</c> of one top-level field are read; a NULL path gives NULL; any other path
/// stops the query with UNSUPPORTED_FEATURE.LOCAL_ENGINE (a literal path supports more, see <see cref="JsonFunctions"/>).
/// </summary>
internal static class JsonRuntimePath
{
    /// <summary>Renders the lookup.</summary>
    public static string Render(FunctionCall call)
    {
        var (json, path) = ("\"__jrj\"", "\"__jrp\"");
        // The field name between $[' and '] or after $. ; quotes and backslashes escaped for DuckDB's quoted path step.
        // DuckDB's regexp_extract gives '' (not NULL) without a match, so the shape picks the pattern.
        var name = $"(CASE WHEN starts_with({path}, '$[') THEN regexp_extract({path}, '^\\$\\[''([^''*]*)''\\]$', 1) ELSE regexp_extract({path}, '^\\$\\.([^.\\[\\]''*]+)$', 1) END)";
        var duckDbPath = $"'$.\"' || replace(replace({name}, '\\', '\\\\'), '\"', '\\\"') || '\"'";
        var simple = $"regexp_full_match({path}, '\\$\\[''[^''*]*''\\]') OR regexp_full_match({path}, '\\$\\.[^.\\[\\]''*]+')";
        var unsupported = SparkRuntimeErrors.RaiseWithValues("UNSUPPORTED_FEATURE.LOCAL_ENGINE",
            "The local engine does not support get_json_object with the computed path ", path, "; a computed path may only name one top-level field ($.name or $['name']).");
        var body = $"CASE WHEN {path} IS NULL OR {json} IS NULL THEN NULL WHEN NOT ({simple}) THEN {unsupported} " +
                   $"WHEN json_valid({json}) THEN json_extract_string({json}, {duckDbPath}) END";
        return ArrayFunctions.Let(StringFunctions.Text(call, 0), json, ArrayFunctions.Let(StringFunctions.Text(call, 1), path, body));
    }
}
