using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>Spark's result types of the array functions in <see cref="ArrayFunctions"/> and the map functions.</summary>
internal static class ArrayTypes
{
    /// <summary><c>element_at</c> / <c>try_element_at</c>: the element (or map value) type, null when out of range or missing.</summary>
    public static FunctionResult ElementAt(TypedCall call)
    {
        if (call.Type(0).KindCase == DataType.KindOneofCase.Map)
        {
            if (SparkTypeCoercion.Wider(call.Type(0).Map.KeyType, call.Type(1)) is null)
                throw call.DifferentTypes([0, 1]);
            return TypedCall.MaybeNull(call.Type(0).Map.ValueType);
        }
        call.Require(0, IsArray, "(\"ARRAY\" or \"MAP\")").Require(1, t => SparkTypes.IsIntegral(t) || SparkTypes.IsNull(t), "\"INT\"");
        return TypedCall.MaybeNull(call.Type(0).Array.ElementType);
    }

    /// <summary><c>array_max</c> / <c>array_min</c>: the element type (orderable), null for an empty or null array.</summary>
    public static FunctionResult Extreme(TypedCall call)
    {
        call.Require(0, IsArray, ResultRules.ArrayType);
        var element = call.Type(0).Array.ElementType;
        if (element.KindCase == DataType.KindOneofCase.Map)
            throw FunctionErrors.InvalidOrderingType(call.Name, element);
        return TypedCall.MaybeNull(element);
    }

    /// <summary><c>array_distinct</c>, <c>sort_array</c>, <c>array_sort</c>: the input array's type, null for a null array.</summary>
    public static FunctionResult SameArray(TypedCall call)
    {
        call.Require(0, IsArray, ResultRules.ArrayType);
        if (call.Name.Equals("sort_array", StringComparison.OrdinalIgnoreCase))
            call.Require(1, t => t.KindCase == DataType.KindOneofCase.Boolean, ResultRules.BooleanType);
        // array_sort's comparator must return an INT (its lambda has its body's type).
        if (call.Name.Equals("array_sort", StringComparison.OrdinalIgnoreCase) && call.Count == 2 && call.Type(1).KindCase != DataType.KindOneofCase.Integer)
            throw new LocalEngineException("DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE", "42K09",
                $"Cannot resolve `array_sort` due to data type mismatch: The comparator must return \"INT\", but it returns \"{SparkTypes.Name(call.Type(1)).ToUpperInvariant()}\".",
                new Dictionary<string, string> { ["expectedType"] = "\"INT\"", ["actualType"] = $"\"{SparkTypes.Name(call.Type(1)).ToUpperInvariant()}\"" });
        // A null sort direction makes sort_array null.
        return new(call.Type(0), call.Nullable(0) || (call.Count == 2 && call.Nullable(1)));
    }

    /// <summary><c>array_union</c>: the arrays' common type, holding nulls when either may.</summary>
    public static FunctionResult Union(TypedCall call) => new(Common(call, call.Type(0).Array.ContainsNull || call.Type(1).Array.ContainsNull), call.AnyNullable);

    /// <summary><c>array_intersect</c>: the common type, holding nulls only when both arrays may.</summary>
    public static FunctionResult Intersect(TypedCall call) => new(Common(call, call.Type(0).Array.ContainsNull && call.Type(1).Array.ContainsNull), call.AnyNullable);

    /// <summary><c>array_except</c>: the common type, holding nulls when the first array may.</summary>
    public static FunctionResult Except(TypedCall call) => new(Common(call, call.Type(0).Array.ContainsNull), call.AnyNullable);

    /// <summary>
    /// <c>array_join</c>: STRING over an array of strings (numbers and booleans cast implicitly); null when the array,
    /// separator or replacement is.
    /// </summary>
    public static FunctionResult Join(TypedCall call)
    {
        call.Require(0, t => IsArray(t) && (IsText(t.Array.ElementType) || SparkTypes.IsNumeric(t.Array.ElementType)
            || t.Array.ElementType.KindCase == DataType.KindOneofCase.Boolean), "\"ARRAY<STRING>\"");
        call.RequireAll(t => SparkTypes.IsString(t) || SparkTypes.IsNull(t), ResultRules.StringType, start: 1);
        return call.Strict(SparkTypes.String);
    }

    /// <summary><c>map_keys</c>: the keys (never null elements); <c>map_values</c>: the values.</summary>
    public static FunctionResult MapKeys(TypedCall call)
    {
        call.Require(0, IsMap, "\"MAP\"");
        return new(SparkTypes.ArrayOf(call.Type(0).Map.KeyType, false), call.Nullable(0));
    }

    /// <summary><c>map_values</c>: an array of the value type, holding nulls when the map's values may be null.</summary>
    public static FunctionResult MapValues(TypedCall call)
    {
        call.Require(0, IsMap, "\"MAP\"");
        return new(SparkTypes.ArrayOf(call.Type(0).Map.ValueType, call.Type(0).Map.ValueContainsNull), call.Nullable(0));
    }

    /// <summary>
    /// <c>map_contains_key</c>: BOOLEAN; the key must share a type with the map's keys without promoting either to a
    /// string (Spark's findWiderTypeWithoutStringPromotion), else DATATYPE_MISMATCH.MAP_FUNCTION_DIFF_TYPES.
    /// </summary>
    public static FunctionResult MapContainsKey(TypedCall call)
    {
        call.Require(0, IsMap, "\"MAP\"");
        var (keyType, probe) = (call.Type(0).Map.KeyType, call.Type(1));
        var promotesString = SparkTypes.IsString(keyType) != SparkTypes.IsString(probe) && !SparkTypes.IsNull(probe);
        if (promotesString || SparkTypeCoercion.Wider(keyType, probe) is null)
        {
            var (map, key) = ($"\"{SparkTypes.Name(call.Type(0)).ToUpperInvariant()}\"", $"\"{SparkTypes.Name(probe).ToUpperInvariant()}\"");
            throw new LocalEngineException("DATATYPE_MISMATCH.MAP_FUNCTION_DIFF_TYPES", "42K09",
                $"Cannot resolve `{call.Name}` due to data type mismatch: Input to `{call.Name}` should have been \"MAP\" followed by a value with same key type, but it's [{map}, {key}].",
                new Dictionary<string, string> { ["functionName"] = $"`{call.Name}`", ["dataType"] = "\"MAP\"", ["leftType"] = map, ["rightType"] = key });
        }
        return call.Strict(SparkTypes.Boolean);
    }

    private static DataType Common(TypedCall call, bool containsNull)
    {
        call.Require(0, IsArray, ResultRules.ArrayType).Require(1, IsArray, ResultRules.ArrayType);
        var common = call.CommonType([0, 1]);
        return SparkTypes.ArrayOf(common.Array.ElementType, containsNull);
    }

    /// <summary>A string (or NULL) element type, which array_join reads as is.</summary>
    internal static bool IsText(DataType type) => SparkTypes.IsString(type) || SparkTypes.IsNull(type);

    private static bool IsArray(DataType type) => type.KindCase == DataType.KindOneofCase.Array;

    private static bool IsMap(DataType type) => type.KindCase == DataType.KindOneofCase.Map;
}
