namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's array functions that cut, join or search arrays: <c>slice</c>, <c>flatten</c>, <c>array_position</c>,
/// and <c>map_entries</c>, each with Spark's answers where DuckDB's near-namesakes differ (DuckDB's flatten skips a
/// null inner array, its list_slice counts differently, its list_position finds null).
/// </summary>
internal static class ArrayReshapeFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(Slice, ArrayReshapeTypes.Slice, "slice");
        registry.Scalar(Flatten, ArrayReshapeTypes.Flatten, "flatten");
        registry.Scalar(Position, ArrayReshapeTypes.Position, "array_position");
        // DuckDB's entries are STRUCT("key", "value"), the field names Spark gives map_entries' structs.
        registry.Scalar(c => $"map_entries({c.Expect(1)[0]})", ArrayReshapeTypes.MapEntries, "map_entries");
    }

    /// <summary>
    /// <c>slice(array, start, length)</c>: <paramref name="call"/>'s start counts from 1, or from the end when negative;
    /// a start before the first element or after the last gives an empty array. Null when any argument is null (Spark
    /// checks nothing then); otherwise a start of 0 raises INVALID_PARAMETER_VALUE.START and a negative length
    /// INVALID_PARAMETER_VALUE.LENGTH. The elements are kept by position, so no bound can overflow or wrap.
    /// </summary>
    private static string Slice(FunctionCall call)
    {
        call.Expect(3);
        var start = $"CAST({call[1]} AS BIGINT)";
        var length = $"CAST({call[2]} AS BIGINT)";
        var from = $"(CASE WHEN {start} > 0 THEN {start} - 1 ELSE {start} + len(\"__s\") END)";
        var kept = $"list_filter(\"__s\", lambda \"__x\", \"__i\": {from} >= 0 AND \"__i\" > {from} AND \"__i\" <= {from} + {length})";
        return ArrayFunctions.Let(call[0], "\"__s\"",
            $"CASE WHEN \"__s\" IS NULL OR {start} IS NULL OR {length} IS NULL THEN NULL " +
            $"WHEN {start} = 0 THEN {SparkRuntimeErrors.RaiseWithValues("INVALID_PARAMETER_VALUE.START", "The value of parameter(s) `start` in `slice` is invalid: Expects a positive or a negative value for `start`, but got 0.")} " +
            $"WHEN {length} < 0 THEN {SparkRuntimeErrors.RaiseWithValues("INVALID_PARAMETER_VALUE.LENGTH", "The value of parameter(s) `length` in `slice` is invalid: Expects `length` greater than or equal to 0, but got ", length, ".")} " +
            $"ELSE {kept} END");
    }

    /// <summary><c>flatten(array of arrays)</c>: the inner arrays' elements in order; null when the array or any inner array is null.</summary>
    private static string Flatten(FunctionCall call)
    {
        call.Expect(1);
        return ArrayFunctions.Let(call[0], "\"__f\"", "CASE WHEN list_position(\"__f\", NULL) IS NOT NULL THEN NULL ELSE flatten(\"__f\") END");
    }

    /// <summary>
    /// <c>array_position(array, value)</c>: the 1-based BIGINT position of the first element equal to the value, 0 when
    /// none is; null elements never match and a null array or value gives null.
    /// </summary>
    private static string Position(FunctionCall call)
    {
        call.Expect(2);
        var common = call.SparkTypeOf(0) is { KindCase: DataType.KindOneofCase.Array } array && call.SparkTypeOf(1) is { } value
            ? SparkTypeCoercion.Wider(array.Array.ElementType, value) : null;
        var needle = common is null ? call[1] : $"CAST({call[1]} AS {DuckDbTypeNames.FromSpark(common)})";
        return ArrayFunctions.Let(call[0], "\"__p\"",
            $"CASE WHEN \"__p\" IS NULL OR ({needle}) IS NULL THEN NULL ELSE CAST(coalesce(list_position(\"__p\", {needle}), 0) AS BIGINT) END");
    }
}
