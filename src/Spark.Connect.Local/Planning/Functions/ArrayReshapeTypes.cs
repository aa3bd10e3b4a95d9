using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>Spark's result types of the functions in <see cref="ArrayReshapeFunctions"/>.</summary>
internal static class ArrayReshapeTypes
{
    /// <summary><c>slice</c>: the array's type; start and length are INTs (other integers cast implicitly); null when any argument is.</summary>
    public static FunctionResult Slice(TypedCall call)
    {
        call.Require(0, IsArray, ResultRules.ArrayType);
        call.RequireAll(t => SparkTypes.IsIntegral(t) || SparkTypes.IsNull(t), "\"INT\"", start: 1);
        return new(call.Type(0), call.AnyNullable);
    }

    /// <summary><c>flatten</c>: ARRAY of the inner element type; null when the array is or may hold a null array.</summary>
    public static FunctionResult Flatten(TypedCall call)
    {
        call.Require(0, t => IsArray(t) && IsArray(t.Array.ElementType), "\"ARRAY<ARRAY>\"");
        var outer = call.Type(0).Array;
        var inner = outer.ElementType.Array;
        return new(SparkTypes.ArrayOf(inner.ElementType, inner.ContainsNull), call.Nullable(0) || outer.ContainsNull);
    }

    /// <summary><c>array_position</c>: BIGINT; the value must share a type with the elements.</summary>
    public static FunctionResult Position(TypedCall call)
    {
        call.Require(0, IsArray, ResultRules.ArrayType);
        if (SparkTypeCoercion.Wider(call.Type(0).Array.ElementType, call.Type(1)) is null)
            throw call.DifferentTypes([0, 1]);
        return call.Strict(SparkTypes.Long);
    }

    /// <summary><c>map_entries</c>: ARRAY&lt;STRUCT&lt;key, value&gt;&gt; (the key never null), null for a null map.</summary>
    public static FunctionResult MapEntries(TypedCall call)
    {
        call.Require(0, t => t.KindCase == DataType.KindOneofCase.Map, "\"MAP\"");
        return new(SparkTypes.ArrayOf(EntryType(call.Type(0)), false), call.Nullable(0));
    }

    /// <summary>The struct of one map entry: <c>key</c> (not null) and <c>value</c> (as nullable as the map's values).</summary>
    public static DataType EntryType(DataType map)
    {
        var entry = new DataType.Types.Struct();
        entry.Fields.Add(new DataType.Types.StructField { Name = "key", DataType = map.Map.KeyType.Clone(), Nullable = false });
        entry.Fields.Add(new DataType.Types.StructField { Name = "value", DataType = map.Map.ValueType.Clone(), Nullable = map.Map.ValueContainsNull });
        return new DataType { Struct = entry };
    }

    private static bool IsArray(DataType type) => type.KindCase == DataType.KindOneofCase.Array;
}
