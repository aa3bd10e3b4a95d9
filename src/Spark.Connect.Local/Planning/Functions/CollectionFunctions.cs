namespace Spark.Connect.Local.Planning.Functions;

/// <summary>Structs and arrays: <c>named_struct</c>, <c>get</c>, <c>array</c>, <c>size</c>, <c>array_contains</c>, <c>explode</c>.</summary>
internal static class CollectionFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(NamedStruct, CollectionTypes.NamedStruct, "named_struct");
        registry.Scalar(Get, CollectionTypes.Get, "get");
        registry.Scalar(c => $"list_value({c.JoinedAsCommonType()})", CollectionTypes.Array, "array");
        // ANSI Spark's size of a null array is null, as DuckDB's len.
        // DuckDB's len takes lists only; a map's entries are counted by cardinality.
        registry.Scalar(c => c.Expect(1).SparkTypeOf(0) is { KindCase: DataType.KindOneofCase.Map } ? $"CAST(cardinality({c[0]}) AS INTEGER)" : $"CAST(len({c[0]}) AS INTEGER)",
            c => CollectionTypes.Size(c, mapsToo: true), "size", "cardinality");
        registry.Scalar(c => $"CAST(len({c.Expect(1)[0]}) AS INTEGER)", c => CollectionTypes.Size(c, mapsToo: false), "array_size");
        registry.Scalar(ArrayContains, CollectionTypes.ArrayContains, "array_contains");
        registry.Scalar(c => Explode(c, outer: false), c => CollectionTypes.Explode(c, outer: false), "explode");
        registry.Scalar(c => Explode(c, outer: true), c => CollectionTypes.Explode(c, outer: true), "explode_outer");
    }

    /// <summary>
    /// The generators over arrays. Spark's <c>explode</c> gives one row per element and none for an empty
    /// or null array; <c>explode_outer</c> gives one row with a null element for those. DuckDB's
    /// <c>unnest</c> in the select list behaves like <c>explode</c>, so the outer form swaps an empty or
    /// null list for a list holding one NULL.
    /// </summary>
    private static string Explode(FunctionCall call, bool outer)
    {
        var list = call.Expect(1)[0];
        var type = call.TypeOf(0);
        if (type.Name.StartsWith("MAP(", StringComparison.Ordinal))
            throw LocalEngineException.Unsupported($"{call.Name} of a map", "Explode an array; for a map, explode map_entries(map).");
        if (type.Family != TypeFamily.Unknown && !type.Name.EndsWith("[]", StringComparison.Ordinal))
            throw FunctionErrors.UnexpectedInputType(call.Name, "array", "an array");
        return outer ? $"unnest(CASE WHEN len({list}) > 0 THEN {list} ELSE [NULL] END)" : $"unnest({list})";
    }

    /// <summary>
    /// <c>array_contains(array, x)</c>: true on a match; otherwise null when the array holds a null (Spark's three-valued
    /// answer: the null might have been x) or when x or the array is null; else false. DuckDB's list_contains says false
    /// where the array holds a null.
    /// </summary>
    private static string ArrayContains(FunctionCall call)
    {
        call.Expect(2);
        return ArrayFunctions.Let(call[0], "\"__c\"",
            $"CASE WHEN list_contains(\"__c\", {call[1]}) THEN true WHEN list_position(\"__c\", NULL) IS NULL THEN list_contains(\"__c\", {call[1]}) END");
    }

    /// <summary>
    /// <c>named_struct('a', x, 'b', y)</c> → <c>struct_pack("a" := x, "b" := y)</c>. The names must be
    /// string literals (as Spark requires); they are read from the plan and quoted as identifiers.
    /// </summary>
    private static string NamedStruct(FunctionCall call)
    {
        if (call.Count == 0 || call.Count % 2 != 0)
            throw FunctionErrors.WrongNumArgs(call.Name, "an even number (> 0) of", call.Count);
        var fields = new List<string>();
        for (var i = 0; i < call.Count; i += 2)
        {
            var name = call.StringLiteral(i, $"field name at position {i + 1}")
                ?? throw FunctionErrors.InvalidParameterValue(call.Name, $"field name at position {i + 1}", "it is null");
            fields.Add($"{SqlIdentifiers.Quote(name)} := {call[i + 1]}");
        }
        return $"struct_pack({string.Join(", ", fields)})";
    }

    /// <summary>
    /// <c>get(array, i)</c>: 0-based, null when out of range. DuckDB lists are 1-based and count negative
    /// indexes from the end, so negative indexes are turned into null first.
    /// </summary>
    private static string Get(FunctionCall call)
    {
        call.Expect(2);
        return $"(CASE WHEN {call[1]} >= 0 THEN list_extract({call[0]}, {call[1]} + 1) END)";
    }
}
