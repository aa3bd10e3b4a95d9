namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's functions that build maps: <c>map</c>, <c>map_from_arrays</c>, <c>map_from_entries</c>, <c>map_concat</c>,
/// and <c>str_to_map</c> (<c>map_entries</c> is in ArrayReshapeFunctions). Every map is built with DuckDB's <c>MAP(keys, values)</c>, which refuses a repeated or null
/// key as Spark does by default (<c>spark.sql.mapKeyDedupPolicy=EXCEPTION</c>): SparkRuntimeErrors reads DuckDB's
/// failure back as DUPLICATED_MAP_KEY / NULL_MAP_KEY. Keys and values are cast to their common types first.
/// </summary>
internal static class MapBuilders
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(CreateMap, MapBuilderTypes.CreateMap, "map");
        registry.Scalar(c => $"MAP({c.Expect(2)[0]}, {c[1]})", MapBuilderTypes.FromArrays, "map_from_arrays");
        registry.Scalar(FromEntries, MapBuilderTypes.FromEntries, "map_from_entries");
        registry.Scalar(Concat, MapBuilderTypes.Concat, "map_concat");
        registry.Scalar(StringToMap, c => c.RequireAll(SparkTypes.CastsToString, ResultRules.StringType)
            .Strict(new DataType { Map = new DataType.Types.Map { KeyType = SparkTypes.String, ValueType = SparkTypes.String, ValueContainsNull = true } }), "str_to_map");
    }

    /// <summary>
    /// <c>str_to_map(text[, pairDelimiter[, keyValueDelimiter]])</c> (defaults <c>,</c> and <c>:</c>, regular expressions
    /// as in Spark): the text split into pairs (empty ones kept), each split at its first key-value delimiter; a pair
    /// without one has a null value; a repeated key raises DUPLICATED_MAP_KEY.
    /// </summary>
    private static string StringToMap(FunctionCall call)
    {
        call.ExpectBetween(1, 3);
        var text = StringFunctions.Text(call, 0);
        var pairs = call.Count > 1 ? StringFunctions.Text(call, 1) : "','";
        var keyValue = call.Count > 2 ? StringFunctions.Text(call, 2) : "':'";
        var key = $"regexp_split_to_array(\"__kv\", {keyValue})[1]";
        var value = $"CASE WHEN regexp_matches(\"__kv\", {keyValue}) THEN substring(\"__kv\", length({key}) + length(regexp_extract(\"__kv\", {keyValue})) + 1) END";
        return ArrayFunctions.Let($"regexp_split_to_array({text}, {pairs})", "\"__sm\"",
            $"MAP(list_transform(\"__sm\", lambda \"__kv\": {key}), list_transform(\"__sm\", lambda \"__kv\": {value}))");
    }

    /// <summary><c>map(k1, v1, k2, v2, …)</c>; <c>map()</c> is an empty map of strings.</summary>
    private static string CreateMap(FunctionCall call)
    {
        if (call.Count % 2 != 0)
            throw FunctionErrors.WrongNumArgs(call.Name, "an even number of", call.Count);
        if (call.Count == 0) return "CAST(MAP() AS MAP(VARCHAR, VARCHAR))";
        var keys = Enumerable.Range(0, call.Count / 2).Select(i => 2 * i).ToList();
        var values = keys.Select(i => i + 1).ToList();
        var (keyType, valueType) = (call.CommonSparkType(keys), call.CommonSparkType(values));
        return $"MAP([{string.Join(", ", keys.Select(i => call.As(i, keyType)))}], [{string.Join(", ", values.Select(i => call.As(i, valueType)))}])";
    }

    /// <summary>
    /// <c>map_from_entries(array of (key, value) structs)</c>: the fields are read by position, whatever their names;
    /// a null entry makes the map null, as Spark.
    /// </summary>
    private static string FromEntries(FunctionCall call)
    {
        call.Expect(1);
        if (call.SparkTypeOf(0) is not { KindCase: DataType.KindOneofCase.Array } type
            || type.Array.ElementType.KindCase != DataType.KindOneofCase.Struct || type.Array.ElementType.Struct.Fields.Count != 2)
            throw FunctionErrors.UnexpectedInputType(call.Name, "entries", "an array of two-field structs");
        var fields = type.Array.ElementType.Struct.Fields;
        var (key, value) = (SqlIdentifiers.Quote(fields[0].Name), SqlIdentifiers.Quote(fields[1].Name));
        return ArrayFunctions.Let(call[0], "\"__me\"",
            $"CASE WHEN list_position(\"__me\", NULL) IS NOT NULL THEN NULL " +
            $"ELSE MAP(list_transform(\"__me\", lambda \"__e\": \"__e\".{key}), list_transform(\"__me\", lambda \"__e\": \"__e\".{value})) END");
    }

    /// <summary><c>map_concat(m1, m2, …)</c>: the entries in order; a key in two maps raises DUPLICATED_MAP_KEY (Spark's default policy).</summary>
    private static string Concat(FunctionCall call)
    {
        if (call.Count == 0) return "CAST(MAP() AS MAP(VARCHAR, VARCHAR))";
        var common = call.CommonSparkType(Enumerable.Range(0, call.Count));
        var maps = Enumerable.Range(0, call.Count).Select(i => call.As(i, common)).ToList();
        if (maps.Count == 1) return maps[0];
        return $"MAP({string.Join(" || ", maps.Select(m => $"map_keys({m})"))}, {string.Join(" || ", maps.Select(m => $"map_values({m})"))})";
    }
}
