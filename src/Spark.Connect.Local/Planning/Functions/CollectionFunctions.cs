namespace Spark.Connect.Local.Planning.Functions;

/// <summary>Structs and arrays: <c>named_struct</c>, <c>get</c>, <c>array</c>, <c>size</c>, <c>array_contains</c>.</summary>
internal static class CollectionFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(NamedStruct, "named_struct");
        registry.Scalar(Get, "get");
        registry.Scalar(c => $"list_value({c.JoinedArguments()})", "array");
        // ANSI Spark's size of a null array is null, as DuckDB's len.
        registry.Scalar(c => $"CAST(len({c.Expect(1)[0]}) AS INTEGER)", "size", "cardinality", "array_size");
        registry.Scalar(c => $"list_contains({c.Expect(2)[0]}, {c[1]})", "array_contains");
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
