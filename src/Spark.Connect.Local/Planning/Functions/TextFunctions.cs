using System.Globalization;
using Spark.Connect.Local.Strings;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// More of Spark's string functions: <c>soundex</c> and <c>levenshtein</c> (the engine's C# functions, counting
/// characters), <c>translate</c>, <c>overlay</c>, <c>split_part</c>, <c>substring_index</c>, <c>find_in_set</c>,
/// <c>elt</c>. Non-string arguments are cast to text, as Spark's implicit casts do.
/// </summary>
internal static class TextFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        var text = ResultRules.Text(() => SparkTypes.String);
        registry.Scalar(c => $"{SparkStringFunctions.Soundex}({StringFunctions.Text(c.Expect(1), 0)})", text, "soundex");
        registry.Scalar(Levenshtein, c => c.RequireAll(SparkTypes.CastsToString, ResultRules.StringType, start: 0).Strict(SparkTypes.Integer), "levenshtein");
        // DuckDB's translate is Spark's: characters of `from` beyond `to` are removed, the first mapping of a character wins.
        registry.Scalar(c => $"translate({Texts(c.Expect(3))})", text, "translate");
        registry.Scalar(Overlay, text, "overlay");
        registry.Scalar(SplitPart, text, "split_part");
        registry.Scalar(SubstringIndex, text, "substring_index");
        registry.Scalar(FindInSet, ResultRules.Text(() => SparkTypes.Integer), "find_in_set");
        registry.Scalar(Elt, TextTypes.Elt, "elt");
    }

    private static string Texts(FunctionCall call) => string.Join(", ", Enumerable.Range(0, call.Count).Select(i => StringFunctions.Text(call, i)));

    /// <summary><c>levenshtein(a, b[, threshold])</c>: the distance, or -1 when it exceeds the threshold.</summary>
    private static string Levenshtein(FunctionCall call)
    {
        call.ExpectBetween(2, 3);
        var distance = $"{SparkStringFunctions.Levenshtein}({StringFunctions.Text(call, 0)}, {StringFunctions.Text(call, 1)})";
        return call.Count == 2 ? distance
            : ArrayFunctions.Let(distance, "\"__lv\"", $"CASE WHEN {call[2]} IS NULL THEN NULL WHEN \"__lv\" > {call[2]} THEN -1 ELSE \"__lv\" END");
    }

    /// <summary>
    /// <c>overlay(input, replace, pos[, len])</c>: Spark's <c>substring(input, 1, pos - 1) || replace || substring(input, pos + len)</c>
    /// with Spark's substring rules; a negative (or missing) <c>len</c> is the replacement's length.
    /// </summary>
    private static string Overlay(FunctionCall call)
    {
        call.ExpectBetween(3, 4);
        if (call.SparkTypeOf(0) is { KindCase: DataType.KindOneofCase.Binary })
            throw LocalEngineException.Unsupported("overlay of binary values", "Overlay strings.");
        var (input, replace) = (StringFunctions.Text(call, 0), StringFunctions.Text(call, 1));
        var replaceLength = $"length({replace})";
        // Spark casts the position and length to INT (the Scala client may send them as strings).
        var (position, given) = ($"CAST({call[2]} AS INTEGER)", call.Count == 4 ? $"CAST({call[3]} AS INTEGER)" : null);
        var length = given is null ? replaceLength : $"(CASE WHEN {given} < 0 THEN {replaceLength} ELSE {given} END)";
        var head = SubstringFunctions.Render(call, input, "1", $"({position} - 1)");
        var tail = SubstringFunctions.Render(call, input, $"({position} + {length})", null);
        return $"({head} || {replace} || {tail})";
    }

    /// <summary>
    /// <c>split_part(str, delimiter, n)</c>: the n-th part (negative from the end), '' past either end; an empty
    /// delimiter does not split; 0 raises INVALID_INDEX_OF_ZERO, as Spark.
    /// </summary>
    private static string SplitPart(FunctionCall call)
    {
        call.Expect(3);
        var (s, d, n) = (StringFunctions.Text(call, 0), StringFunctions.Text(call, 1), call[2]);
        var parts = $"(CASE WHEN {d} = '' THEN [{s}] ELSE string_split({s}, {d}) END)";
        return ArrayFunctions.Let(parts, "\"__sp\"",
            $"CASE WHEN {n} = 0 THEN {SparkRuntimeErrors.IndexOfZero} WHEN abs({n}) > len(\"__sp\") THEN '' " +
            $"WHEN {n} > 0 THEN \"__sp\"[{n}] ELSE \"__sp\"[len(\"__sp\") + 1 + {n}] END");
    }

    /// <summary>
    /// <c>substring_index(str, delimiter, count)</c>: the text before the count-th delimiter (after the count-th from the
    /// end when negative); all of it when there are fewer; '' for a count of 0 or an empty delimiter.
    /// </summary>
    private static string SubstringIndex(FunctionCall call)
    {
        call.Expect(3);
        var (s, d, n) = (StringFunctions.Text(call, 0), StringFunctions.Text(call, 1), call[2]);
        var body = $"CASE WHEN {s} IS NULL OR {d} IS NULL OR {n} IS NULL THEN NULL WHEN {n} = 0 OR {d} = '' THEN '' " +
                   $"WHEN {n} > 0 THEN {Joined("list_slice(\"__si\", 1, " + n + ")", d)} " +
                   $"ELSE {Joined("list_slice(\"__si\", greatest(len(\"__si\") + 1 + " + n + ", 1), len(\"__si\"))", d)} END";
        return ArrayFunctions.Let($"string_split({s}, {d})", "\"__si\"", body);
    }

    // DuckDB's array_to_string takes only a constant separator; the slices here are never empty.
    private static string Joined(string parts, string separator) => $"list_reduce({parts}, lambda \"__p\", \"__q\": \"__p\" || {separator} || \"__q\")";

    /// <summary><c>find_in_set(str, list)</c>: the 1-based position of str among the comma-separated items; 0 when absent or when str holds a comma.</summary>
    private static string FindInSet(FunctionCall call)
    {
        call.Expect(2);
        var (s, list) = (StringFunctions.Text(call, 0), StringFunctions.Text(call, 1));
        return $"CAST((CASE WHEN {s} IS NULL OR {list} IS NULL THEN NULL WHEN contains({s}, ',') THEN 0 " +
               $"ELSE coalesce(list_position(string_split({list}, ','), {s}), 0) END) AS INTEGER)";
    }

    /// <summary>
    /// <c>elt(n, input1, input2, …)</c>: the n-th input (as text unless all are binary); null for a null n; outside
    /// 1..count ANSI Spark raises INVALID_ARRAY_INDEX.
    /// </summary>
    private static string Elt(FunctionCall call)
    {
        call.ExpectAtLeast(2);
        var allBinary = Enumerable.Range(1, call.Count - 1).All(i => call.SparkTypeOf(i) is { KindCase: DataType.KindOneofCase.Binary });
        var cases = string.Concat(Enumerable.Range(1, call.Count - 1).Select(i =>
            $" WHEN {i.ToString(CultureInfo.InvariantCulture)} THEN {(allBinary ? call[i] : StringFunctions.Text(call, i))}"));
        var count = (call.Count - 1).ToString(CultureInfo.InvariantCulture);
        var outOfRange = SparkRuntimeErrors.RaiseWithValues("INVALID_ARRAY_INDEX", "The index ", $"CAST({call[0]} AS VARCHAR)",
            $" is out of bounds. The array has {count} elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
        return $"(CASE WHEN {call[0]} IS NULL THEN NULL ELSE (CASE {call[0]}{cases} ELSE {outOfRange} END) END)";
    }
}
