namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's <c>substring(str, pos[, len])</c>: 1-based; 0 means the first character, like 1
/// (substring('abc', 0, 2) is 'ab'); a negative <c>pos</c> counts from the end, and a window that starts
/// before the text keeps its end (substring('abcdef', -10, 8) is 'abcd'); a negative <c>len</c> gives ''.
/// DuckDB's substring treats 0 and negatives differently, so the general case computes Spark's
/// zero-based [start, end) window and asks DuckDB only for a plain slice.
/// </summary>
internal static class SubstringFunctions
{
    /// <summary>Renders <c>substring</c>/<c>substr</c>.</summary>
    public static string Substring(FunctionCall call)
    {
        call.ExpectBetween(2, 3);
        return Render(call, StringFunctions.Text(call, 0), call[1], call.Count == 3 ? call[2] : null);
    }

    /// <summary>Renders a substring of <paramref name="text"/> from <paramref name="position"/> for <paramref name="length"/> characters (to the end when null).</summary>
    public static string Render(FunctionCall call, string text, string position, string? length)
    {
        if (IsPlainCase(call, length))
            return length is null ? $"substring({text}, {position})" : $"substring({text}, {position}, {length})";
        // The arguments are bound once in a one-element list so the window arithmetic can use them freely.
        var lengthValue = length is null ? "NULL" : $"CAST({length} AS BIGINT)";
        var start = "(CASE WHEN v['p'] > 0 THEN v['p'] - 1 WHEN v['p'] < 0 THEN length(v['s']) + v['p'] ELSE 0 END)";
        var clampedStart = $"(CASE WHEN {start} < 0 THEN 0 ELSE {start} END)";
        var end = length is null ? "length(v['s'])" : $"({start} + v['l'])";
        var nullInput = length is null ? "v['s'] IS NULL OR v['p'] IS NULL" : "v['s'] IS NULL OR v['p'] IS NULL OR v['l'] IS NULL";
        return $"list_transform([struct_pack(s := CAST({text} AS VARCHAR), p := CAST({position} AS BIGINT), l := {lengthValue})], " +
               $"lambda v: CASE WHEN {nullInput} THEN NULL WHEN {end} <= {clampedStart} THEN '' " +
               $"ELSE substring(v['s'], {clampedStart} + 1, {end} - {clampedStart}) END)[1]";
    }

    /// <summary>A positive literal start and a missing or non-negative literal length: DuckDB agrees with Spark.</summary>
    private static bool IsPlainCase(FunctionCall call, string? length)
    {
        var positionIndex = call.Name.Equals("left", StringComparison.OrdinalIgnoreCase) ? -1 : 1;
        var lengthIndex = call.Name.Equals("left", StringComparison.OrdinalIgnoreCase) ? 1 : 2;
        var positionOk = positionIndex < 0 || IsLiteralAtLeast(call, positionIndex, 1);
        var lengthOk = length is null || IsLiteralAtLeast(call, lengthIndex, 0);
        return positionOk && lengthOk;
    }

    private static bool IsLiteralAtLeast(FunctionCall call, int index, long minimum)
    {
        var literal = call.LiteralAt(index);
        return literal?.LiteralTypeCase switch
        {
            Spark.Connect.Protocol.Expression.Types.Literal.LiteralTypeOneofCase.Integer => literal.Integer >= minimum,
            Spark.Connect.Protocol.Expression.Types.Literal.LiteralTypeOneofCase.Long => literal.Long >= minimum,
            Spark.Connect.Protocol.Expression.Types.Literal.LiteralTypeOneofCase.Short => literal.Short >= minimum,
            Spark.Connect.Protocol.Expression.Types.Literal.LiteralTypeOneofCase.Byte => literal.Byte >= minimum,
            _ => false,
        };
    }
}
