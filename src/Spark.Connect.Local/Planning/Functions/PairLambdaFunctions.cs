namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's higher-order functions whose lambda takes two values of one position: <c>zip_with</c> (the elements of two
/// arrays at the same index) and <c>map_filter</c>, <c>transform_values</c>, <c>transform_keys</c> (a map entry's key
/// and value). DuckDB's list lambdas get one element, so each position becomes a struct and the resolver makes the two
/// variables read its fields (<c>x</c>/<c>y</c>, <c>key</c>/<c>value</c>); <see cref="PairLambda"/> binds both
/// DuckDB parameters to that one struct.
/// </summary>
internal static class PairLambdaFunctions
{
    /// <summary>The fields of zip_with's pair struct, read by its first and second lambda variables.</summary>
    public const string LeftField = "x", RightField = "y";

    /// <summary>The fields of a map entry (DuckDB's map_entries), read by the key and value variables.</summary>
    public const string KeyField = "key", ValueField = "value";

    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(ZipWith, PairLambdaTypes.ZipWith, "zip_with");
        // An entry is kept where the predicate is true (null drops it), as list_filter does; a null map stays null.
        registry.Scalar(c => $"map_from_entries(list_filter(map_entries({c.Expect(2)[0]}), {PairLambda(c, 1)}))", PairLambdaTypes.MapFilter, "map_filter");
        registry.Scalar(TransformValues, PairLambdaTypes.TransformValues, "transform_values");
        registry.Scalar(TransformKeys, PairLambdaTypes.TransformKeys, "transform_keys");
    }

    /// <summary>
    /// The two-variable lambda at <paramref name="index"/> as a DuckDB lambda of one struct:
    /// <c>lambda p1: list_transform([p1], lambda p2: body)[1]</c>, so the first variable reads its field of p1 and the
    /// second its field of p2, the same struct.
    /// </summary>
    private static string PairLambda(FunctionCall call, int index)
    {
        var lambda = HigherOrderFunctions.Lambda(call, index);
        if (lambda.Parameters.Count != 2)
            throw FunctionErrors.WrongNumArgs(call.Name + " function", "2", lambda.Parameters.Count);
        var (first, second) = (lambda.Parameters[0], lambda.Parameters[1]);
        return $"lambda {first}: list_transform([{first}], lambda {second}: {lambda.Body})[1]";
    }

    /// <summary>
    /// <c>zip_with(left, right, (x, y) -&gt; …)</c>: as long as the longer array, the shorter one's missing elements
    /// null (Spark pads); null when either array is.
    /// </summary>
    private static string ZipWith(FunctionCall call)
    {
        call.Expect(3);
        var pairs = $"list_transform(range(0, greatest(len(\"__za\"), len(\"__zb\"))), lambda \"__i\": " +
            $"{{'{LeftField}': \"__za\"[\"__i\" + 1], '{RightField}': \"__zb\"[\"__i\" + 1]}})";
        var zipped = $"CASE WHEN \"__za\" IS NULL OR \"__zb\" IS NULL THEN NULL ELSE list_transform({pairs}, {PairLambda(call, 2)}) END";
        return ArrayFunctions.Let(call[0], "\"__za\"", ArrayFunctions.Let(call[1], "\"__zb\"", zipped));
    }

    /// <summary><c>transform_values(map, (k, v) -&gt; …)</c>: the same keys, in order, with the lambda's values.</summary>
    private static string TransformValues(FunctionCall call)
    {
        call.Expect(2);
        return ArrayFunctions.Let(call[0], "\"__m\"", $"map(map_keys(\"__m\"), list_transform(map_entries(\"__m\"), {PairLambda(call, 1)}))");
    }

    /// <summary>
    /// <c>transform_keys(map, (k, v) -&gt; …)</c>: the lambda's keys with the same values. A null new key raises
    /// NULL_MAP_KEY and a repeated one DUPLICATED_MAP_KEY (Spark's default spark.sql.mapKeyDedupPolicy, EXCEPTION).
    /// </summary>
    private static string TransformKeys(FunctionCall call)
    {
        call.Expect(2);
        var duplicate = "list_filter(\"__k\", lambda \"__d\", \"__j\": list_position(\"__k\", \"__d\") < \"__j\")[1]";
        var checkedKeys = "CASE WHEN \"__k\" IS NULL THEN NULL " +
            $"WHEN list_position(\"__k\", NULL) IS NOT NULL THEN {SparkRuntimeErrors.NullMapKey} " +
            $"WHEN len(list_distinct(\"__k\")) < len(\"__k\") THEN {SparkRuntimeErrors.RaiseWithValues("DUPLICATED_MAP_KEY", "Duplicate map key ", duplicate, " was found, please check the input data. If you want to remove the duplicated keys, you can set \"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key inserted at last takes precedence.")} " +
            "ELSE map(\"__k\", map_values(\"__m\")) END";
        return ArrayFunctions.Let(call[0], "\"__m\"", ArrayFunctions.Let($"list_transform(map_entries(\"__m\"), {PairLambda(call, 1)})", "\"__k\"", checkedKeys));
    }
}
