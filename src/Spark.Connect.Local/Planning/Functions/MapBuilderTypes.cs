namespace Spark.Connect.Local.Planning.Functions;

/// <summary>Spark's result types of the map-building functions (<see cref="MapBuilders"/>).</summary>
internal static class MapBuilderTypes
{
    /// <summary><c>map(…)</c>: the keys' and values' common types; never null itself.</summary>
    public static FunctionResult CreateMap(TypedCall call)
    {
        if (call.Count == 0) return TypedCall.NeverNull(MapOf(SparkTypes.String, SparkTypes.String, false));
        var keys = Enumerable.Range(0, call.Count / 2).Select(i => 2 * i).ToList();
        var values = keys.Select(i => i + 1).ToList();
        var valuesNullable = values.Any(call.Nullable);
        return TypedCall.NeverNull(MapOf(call.CommonType(keys), call.CommonType(values), valuesNullable));
    }

    /// <summary><c>map_from_arrays(keys, values)</c>.</summary>
    public static FunctionResult FromArrays(TypedCall call)
    {
        call.Require(0, IsArray, ResultRules.ArrayType).Require(1, IsArray, ResultRules.ArrayType);
        return call.Strict(MapOf(call.Type(0).Array.ElementType, call.Type(1).Array.ElementType, call.Type(1).Array.ContainsNull));
    }

    /// <summary><c>map_from_entries(array&lt;struct&lt;k, v&gt;&gt;)</c>: null also for a null entry.</summary>
    public static FunctionResult FromEntries(TypedCall call)
    {
        var type = call.Type(0);
        var fields = type.Array.ElementType.Struct.Fields;
        return new(MapOf(fields[0].DataType, fields[1].DataType, fields[1].Nullable), call.Nullable(0) || type.Array.ContainsNull);
    }

    /// <summary><c>map_concat(m…)</c>: the maps' common type, null when any map is.</summary>
    public static FunctionResult Concat(TypedCall call)
    {
        if (call.Count == 0) return TypedCall.NeverNull(MapOf(SparkTypes.String, SparkTypes.String, false));
        call.RequireAll(t => t.KindCase == DataType.KindOneofCase.Map, "\"MAP\"");
        return call.Strict(call.CommonType(Enumerable.Range(0, call.Count)));
    }

    private static bool IsArray(DataType type) => type.KindCase == DataType.KindOneofCase.Array;

    private static DataType MapOf(DataType key, DataType value, bool valueContainsNull) =>
        new() { Map = new DataType.Types.Map { KeyType = key.Clone(), ValueType = value.Clone(), ValueContainsNull = valueContainsNull } };
}
