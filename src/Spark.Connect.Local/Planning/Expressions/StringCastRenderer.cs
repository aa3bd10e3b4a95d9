using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Expressions;

/// <summary>
/// Casts from a string where ANSI Spark reads the text more strictly or more loosely than DuckDB's cast: the text is
/// trimmed of whitespace and ISO control characters first; an integral type takes only <c>[+-]digits</c> (DuckDB would
/// round <c>'1.23'</c> to 1, Spark refuses it); a boolean takes t, true, y, yes, 1 / f, false, n, no, 0 in any case.
/// Anything else is CAST_INVALID_INPUT (NULL under try_cast).
/// </summary>
internal static class StringCastRenderer
{
    private static readonly Dictionary<string, string> SparkNames = new(StringComparer.Ordinal)
    {
        ["TINYINT"] = "TINYINT", ["SMALLINT"] = "SMALLINT", ["INTEGER"] = "INT", ["BIGINT"] = "BIGINT", ["BOOLEAN"] = "BOOLEAN",
    };

    // Java's Character.isWhitespace or isISOControl over the bytes Spark trims: 0x00-0x20 and 0x7F.
    private const string Trimmed = @"regexp_replace(v, '^[\x00-\x20\x7F]+|[\x00-\x20\x7F]+$', '', 'g')";

    /// <summary>The SQL of a cast of the string <paramref name="operand"/> to <paramref name="target"/>, or null when DuckDB's own cast is right.</summary>
    internal static string? Render(string target, string operand, bool tolerant)
    {
        if (!SparkNames.TryGetValue(target, out var sparkName))
            return null;
        var invalid = tolerant ? "NULL" : SparkRuntimeErrors.RaiseWithValues("CAST_INVALID_INPUT", "The value '", "v",
            $"' of the type \"STRING\" cannot be cast to \"{sparkName}\" because it is malformed. Correct the value as per the syntax, or change its target type. " +
            "Use `try_cast` to tolerate malformed input and return NULL instead.");
        var body = target == "BOOLEAN"
            ? $"CASE WHEN v IS NULL THEN NULL WHEN lower({Trimmed}) IN ('t', 'true', 'y', 'yes', '1') THEN true " +
              $"WHEN lower({Trimmed}) IN ('f', 'false', 'n', 'no', '0') THEN false ELSE {invalid} END"
            : $"CASE WHEN v IS NULL THEN NULL WHEN regexp_full_match({Trimmed}, '[+-]?[0-9]+') " +
              $"THEN {(tolerant ? "TRY_CAST" : "CAST")}({Trimmed} AS {target}) ELSE {invalid} END";
        return $"list_transform([{operand}], lambda v: {body})[1]";
    }
}
