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
        var rank = ResultRules.NeverNull(() => SparkTypes.Integer);
        var fraction = ResultRules.NeverNull(() => SparkTypes.Double);
        registry.Window(c => Ranking(c, "row_number"), rank, "row_number");
        registry.Window(c => Ranking(c, "rank"), rank, "rank");
        registry.Window(c => Ranking(c, "dense_rank"), rank, "dense_rank");
        registry.Window(c => $"percent_rank(){c.Expect(0).OverSuffix}", fraction, "percent_rank");
        registry.Window(c => $"cume_dist(){c.Expect(0).OverSuffix}", fraction, "cume_dist");
        registry.Window(Ntile, rank, "ntile");
        registry.Window(c => Offset(c, "lag"), OffsetType, "lag");
        registry.Window(c => Offset(c, "lead"), OffsetType, "lead");
        registry.Window(NthValue, c => TypedCall.MaybeNull(c.Type(0)), "nth_value");
    }

    /// <summary>
    /// <c>lag</c>/<c>lead</c>: the input's type; past the partition's edge the default (null unless given),
    /// so null only when the input or the default can be (Spark's rule).
    /// </summary>
    private static FunctionResult OffsetType(TypedCall call)
    {
        var hasDefault = call.Count > 2 && !SparkTypes.IsNull(call.Type(2));
        if (hasDefault && SparkTypeCoercion.Wider(call.Type(0), call.Type(2)) is null)
            throw call.DifferentTypes([0, 2]);
        return new(call.Type(0), !hasDefault || call.Nullable(0) || call.Nullable(2));
    }

    private static string Ranking(FunctionCall call, string duckDbFunction) =>
        $"CAST({duckDbFunction}(){call.Expect(0).OverSuffix} AS INTEGER)";

    private static string Ntile(FunctionCall call)
    {
        call.Expect(1);
        var buckets = PositiveLiteral(call, 0, "number of buckets");
        return $"CAST(ntile({buckets}){call.OverSuffix} AS INTEGER)";
    }

    private static string Offset(FunctionCall call, string duckDbFunction)
    {
        call.ExpectBetween(1, 4);
        var offset = call.Count > 1 ? Literal(call, 1, "offset") : "1";
        var defaultValue = call.Count > 2 ? call[2] : "NULL";
        var ignoreNulls = call.Count > 3 && call.BooleanLiteral(3, "ignoreNulls") ? " IGNORE NULLS" : "";
        return $"{duckDbFunction}({call[0]}, {offset}, {defaultValue}{ignoreNulls}){call.OverSuffix}";
    }

    private static string NthValue(FunctionCall call)
    {
        call.ExpectBetween(2, 3);
        var n = PositiveLiteral(call, 1, "n");
        var ignoreNulls = call.Count > 2 && call.BooleanLiteral(2, "ignoreNulls") ? " IGNORE NULLS" : "";
        return $"nth_value({call[0]}, {n}{ignoreNulls}){call.OverSuffix}";
    }

    /// <summary>
    /// Offsets and counts are constants in Spark; DuckDB wants constants there too, so the validated
    /// integer is written as digits (a number can't carry SQL) instead of a parameter.
    /// </summary>
    private static string Literal(FunctionCall call, int index, string role)
    {
        var value = call.IntegerLiteral(index, role)
            ?? throw FunctionErrors.InvalidParameterValue(call.Name, role, "it is null");
        if (value is < int.MinValue or > int.MaxValue)
            throw FunctionErrors.InvalidParameterValue(call.Name, role, "it must fit in an int");
        return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string PositiveLiteral(FunctionCall call, int index, string role)
    {
        var text = Literal(call, index, role);
        return text.StartsWith('-') || text == "0"
            ? throw FunctionErrors.InvalidParameterValue(call.Name, role, "it must be a positive integer")
            : text;
    }
}
