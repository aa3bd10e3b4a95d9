namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// String functions (case mapping is in <see cref="CaseFunctions"/>). DuckDB's string functions count code
/// points and are 1-based like Spark's; the renderings differ where Spark's rules do: counts are INTEGER,
/// <c>concat</c> is null if any argument is, one-argument trims remove only spaces, 2-argument
/// <c>trim</c>/<c>ltrim</c>/<c>rtrim</c> take the characters first (<c>btrim</c> takes them second),
/// padding with '' does not fail.
/// </summary>
internal static class StringFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        var text = ResultRules.Text(() => SparkTypes.String);
        var count = ResultRules.Text(() => SparkTypes.Integer);
        var test = ResultRules.Text(() => SparkTypes.Boolean);
        registry.Scalar(Length, count, "length", "char_length", "character_length", "len");
        registry.Scalar(c => $"CAST(instr({Text(c.Expect(2), 0)}, {Text(c, 1)}) AS INTEGER)", count, "instr");
        registry.Scalar(Locate, count, "locate", "position");
        registry.Scalar(c => $"replace({Text(c.ExpectBetween(2, 3), 0)}, {Text(c, 1)}, {(c.Count == 3 ? Text(c, 2) : "''")})", text, "replace");
        registry.Scalar(c => c.ExpectBetween(1, 2).Count == 1 ? SpacesTrim("trim", Text(c, 0)) : $"trim({Text(c, 0)}, {Text(c, 1)})", text, "btrim");
        registry.Scalar(c => Trim(c, "trim"), text, "trim");
        registry.Scalar(c => Trim(c, "ltrim"), text, "ltrim");
        registry.Scalar(c => Trim(c, "rtrim"), text, "rtrim");
        registry.Scalar(Concat, StringTypes.Concat, "concat");
        registry.Scalar(c => $"concat_ws({AtLeastOne(c).JoinedArguments()})", StringTypes.ConcatWs, "concat_ws");
        registry.Scalar(c => $"ascii({Text(c.Expect(1), 0)})", count, "ascii");
        // LIKE's escape argument is a non-null constant: only the text and the pattern make it null.
        registry.Scalar(c => Like(c, i => c[i]), StringTypes.Like, "like");
        // DuckDB's RE2 finds a match anywhere, like Java's Matcher.find that rlike uses; patterns RE2
        // can't compile (look-around, back-references) fail the query rather than match differently.
        registry.Scalar(c => $"regexp_matches({Text(c.Expect(2), 0)}, {Text(c, 1)})", test, "rlike", "regexp", "regexp_like");
        registry.Scalar(c => Pad(c, "lpad"), BinaryPad.ResultType, "lpad");
        registry.Scalar(c => Pad(c, "rpad"), BinaryPad.ResultType, "rpad");
        registry.Scalar(Reverse, StringTypes.Reverse, "reverse");
        registry.Scalar(c => $"repeat({Text(c.Expect(2), 0)}, CAST({NonNegative(c[1])} AS BIGINT))", text, "repeat");
        registry.Scalar(c => SubstringFunctions.Render(c, Text(c.Expect(2), 0), "1", $"CAST({c[1]} AS INTEGER)"), text, "left");
        registry.Scalar(Right, text, "right");
        registry.Scalar(SubstringFunctions.Substring, text, "substring", "substr");
    }

    /// <summary><c>right(str, len)</c>: null for a null str, '' for len &lt;= 0, else the last len characters (the length is cast to INT).</summary>
    private static string Right(FunctionCall call)
    {
        call.Expect(2);
        var (s, length) = (Text(call, 0), $"CAST({call[1]} AS INTEGER)");
        return $"(CASE WHEN {s} IS NULL THEN NULL WHEN {length} <= 0 THEN '' ELSE right({s}, {length}) END)";
    }

    /// <summary>
    /// concat_ws and format_string check their arguments as Spark's type check does: none at all is
    /// DATATYPE_MISMATCH.WRONG_NUM_ARGS (not the function registry's WRONG_NUM_ARGS).
    /// </summary>
    internal static FunctionCall AtLeastOne(FunctionCall call)
    {
        if (call.Count > 0) return call;
        throw new LocalEngineException("DATATYPE_MISMATCH.WRONG_NUM_ARGS", "42K09",
            $"Cannot resolve \"{call.Name}()\" due to data type mismatch: The `{call.Name}` requires > 0 parameters but the actual number is 0.",
            new Dictionary<string, string> { ["functionName"] = $"`{call.Name}`", ["expectedNum"] = "> 0", ["actualNum"] = "0", ["sqlExpr"] = $"\"{call.Name}()\"" });
    }

    /// <summary>Spark counts characters (code points) as INTEGER; DuckDB's length is BIGINT. Binary counts bytes.</summary>
    private static string Length(FunctionCall call)
    {
        call.Expect(1);
        return call.TypeOf(0).Family == TypeFamily.Binary
            ? $"CAST(octet_length({call[0]}) AS INTEGER)"
            : $"CAST(length({Text(call, 0)}) AS INTEGER)";
    }

    /// <summary><c>locate(substr, str[, pos])</c>: the search text comes first; positions other than 1 are not supported.</summary>
    private static string Locate(FunctionCall call)
    {
        call.ExpectBetween(2, 3);
        if (call.Count == 3 && call.IntegerLiteral(2, "start position") != 1)
            throw LocalEngineException.Unsupported("locate with a start position other than 1", "Use substring and instr instead.");
        return $"CAST(instr({call[1]}, {call[0]}) AS INTEGER)";
    }

    /// <summary>
    /// Spark's <c>trim(str)</c> removes only spaces (not tabs or newlines); <c>trim(chars, str)</c> removes
    /// any of <c>chars</c> — the characters come first for trim, ltrim and rtrim.
    /// </summary>
    private static string Trim(FunctionCall call, string duckDbFunction)
    {
        call.ExpectBetween(1, 2);
        return call.Count == 1 ? SpacesTrim(duckDbFunction, Text(call, 0)) : $"{duckDbFunction}({Text(call, 1)}, {Text(call, 0)})";
    }

    private static string SpacesTrim(string duckDbFunction, string text) => $"{duckDbFunction}({text}, ' ')";

    /// <summary>Spark's concat is null when any argument is (DuckDB's concat skips nulls, its || does not).</summary>
    private static string Concat(FunctionCall call)
    {
        if (call.Count == 0) return "''";
        // Arrays: concatenated in order, duplicates kept; DuckDB's || on lists is null when either list is, as Spark's concat.
        if (call.Arguments.Any(a => a.Type is { KindCase: DataType.KindOneofCase.Array }))
        {
            var common = call.CommonSparkType(Enumerable.Range(0, call.Count));
            return "(" + string.Join(" || ", Enumerable.Range(0, call.Count).Select(i => call.As(i, common))) + ")";
        }
        var parts = Enumerable.Range(0, call.Count).Select(i =>
            call.TypeOf(i).Family is TypeFamily.String or TypeFamily.Binary or TypeFamily.Other or TypeFamily.Unknown
                ? call[i]
                : $"CAST({call[i]} AS VARCHAR)");
        return "(" + string.Join(" || ", parts) + ")";
    }

    /// <summary>
    /// Spark's LIKE escapes with a backslash by default; DuckDB has no default escape. A third argument
    /// (the escape character) must be a literal from a small set of punctuation. <paramref name="operand"/>
    /// renders the text (0) and the pattern (1): <c>ilike</c> lower-cases both (<see cref="CaseFunctions"/>).
    /// </summary>
    internal static string Like(FunctionCall call, Func<int, string> operand)
    {
        call.ExpectBetween(2, 3);
        var escape = call.Count == 3 ? call.StringLiteral(2, "escape character") : "\\";
        if (escape is not ("\\" or "/" or "!" or "#" or "$" or "^" or "~" or "|" or "="))
            throw FunctionErrors.InvalidParameterValue(call.Name, "escape character", "the local engine accepts one of \\ / ! # $ ^ ~ | =");
        return $"({operand(0)} LIKE {operand(1)} ESCAPE {SqlLiterals.QuoteString(escape)})";
    }

    /// <summary>
    /// <c>lpad(str, len[, pad])</c>: shortens text longer than <c>len</c>; an empty pad leaves shorter text as
    /// it is (DuckDB raises "Insufficient padding"). Negative lengths give ''.
    /// </summary>
    private static string Pad(FunctionCall call, string duckDbFunction)
    {
        call.ExpectBetween(2, 3);
        if (BinaryPad.Applies(call)) return BinaryPad.Render(call, duckDbFunction);
        var pad = call.Count == 3 ? Text(call, 2) : "' '";
        var padded = $"{duckDbFunction}({Text(call, 0)}, CAST({call[1]} AS INTEGER), {pad})";
        if (call.Count == 2 || call.LiteralAt(2) is { String.Length: > 0 }) return padded;
        return $"(CASE WHEN {pad} = '' THEN substring({Text(call, 0)}, 1, {NonNegative(call[1])}) ELSE {padded} END)";
    }

    /// <summary>Arrays are reversed as lists; strings by character.</summary>
    private static string Reverse(FunctionCall call)
    {
        call.Expect(1);
        return call.TypeOf(0).Name.EndsWith(']') ? $"list_reverse({call[0]})" : $"reverse({Text(call, 0)})";
    }

    /// <summary>
    /// The argument as text: Spark casts numbers, dates and booleans to strings for string functions,
    /// where DuckDB has no overload (or, for <c>contains</c> on a list, a different function).
    /// </summary>
    internal static string Text(FunctionCall call, int index) => call.TypeOf(index).Family switch
    {
        TypeFamily.String or TypeFamily.Unknown => call[index],
        // Spark casts bytes to a string by reading them as UTF-8; DuckDB's CAST would write \x escapes instead.
        TypeFamily.Binary => $"decode({call[index]})",
        _ => $"CAST({call[index]} AS VARCHAR)",
    };

    /// <summary>Negative numbers become 0 and null stays null (DuckDB's greatest would turn null into 0).</summary>
    internal static string NonNegative(string sql) => $"(CASE WHEN {sql} < 0 THEN 0 ELSE {sql} END)";
}
