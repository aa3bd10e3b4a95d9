namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Ranking and offset window functions (only valid with OVER). Spark's ranks and ntile are INTEGER
/// (DuckDB: BIGINT); percent_rank and cume_dist DOUBLE. lag/lead take (input, offset = 1, default =
/// null, ignoreNulls = false) and nth_value (input, n, ignoreNulls = false), as Spark Connect sends them.
/// </summary>
internal static class WindowFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Window(c => Ranking(c, "row_number"), "row_number");
        registry.Window(c => Ranking(c, "rank"), "rank");
        registry.Window(c => Ranking(c, "dense_rank"), "dense_rank");
        registry.Window(c => $"percent_rank(){c.Expect(0).OverSuffix}", "percent_rank");
        registry.Window(c => $"cume_dist(){c.Expect(0).OverSuffix}", "cume_dist");
        registry.Window(Ntile, "ntile");
        registry.Window(c => Offset(c, "lag"), "lag");
        registry.Window(c => Offset(c, "lead"), "lead");
        registry.Window(NthValue, "nth_value");
    }

    private static string Ranking(FunctionCall call, string duckDbFunction) =>
        $"CAST({duckDbFunction}(){call.Expect(0).OverSuffix} AS INTEGER)";

    private static string Ntile(FunctionCall call)
    {
        call.Expect(1);
        if (call.IntegerLiteral(0, "number of buckets") is not > 0)
            throw FunctionErrors.InvalidParameterValue(call.Name, "number of buckets", "it must be a positive integer");
        return $"CAST(ntile({call[0]}){call.OverSuffix} AS INTEGER)";
    }

    private static string Offset(FunctionCall call, string duckDbFunction)
    {
        call.ExpectBetween(1, 4);
        var offset = call.Count > 1 ? call[1] : "1";
        if (call.Count > 1 && call.IntegerLiteral(1, "offset") is null)
            throw FunctionErrors.InvalidParameterValue(call.Name, "offset", "it is null");
        var defaultValue = call.Count > 2 ? call[2] : "NULL";
        var ignoreNulls = call.Count > 3 && call.BooleanLiteral(3, "ignoreNulls") ? " IGNORE NULLS" : "";
        return $"{duckDbFunction}({call[0]}, {offset}, {defaultValue}{ignoreNulls}){call.OverSuffix}";
    }

    private static string NthValue(FunctionCall call)
    {
        call.ExpectBetween(2, 3);
        if (call.IntegerLiteral(1, "n") is not > 0)
            throw FunctionErrors.InvalidParameterValue(call.Name, "n", "it must be a positive integer");
        var ignoreNulls = call.Count > 2 && call.BooleanLiteral(2, "ignoreNulls") ? " IGNORE NULLS" : "";
        return $"nth_value({call[0]}, {call[1]}{ignoreNulls}){call.OverSuffix}";
    }
}
