using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>Spark's result types of the functions in <see cref="PairLambdaFunctions"/>; a lambda argument's type is its body's.</summary>
internal static class PairLambdaTypes
{
    /// <summary><c>zip_with</c>: an array of the lambda's type (holding nulls when the lambda may be null); null when either array is.</summary>
    public static FunctionResult ZipWith(TypedCall call)
    {
        call.Require(0, IsArray, ResultRules.ArrayType).Require(1, IsArray, ResultRules.ArrayType);
        return new(SparkTypes.ArrayOf(call.Type(2), call.Nullable(2)), call.Nullable(0) || call.Nullable(1));
    }

    /// <summary><c>map_filter</c>: the map's type; the lambda must be a BOOLEAN.</summary>
    public static FunctionResult MapFilter(TypedCall call)
    {
        RequireMap(call);
        call.Require(1, t => t.KindCase == DataType.KindOneofCase.Boolean, ResultRules.BooleanType);
        return new(call.Type(0), call.Nullable(0));
    }

    /// <summary><c>transform_values</c>: the map's keys with values of the lambda's type.</summary>
    public static FunctionResult TransformValues(TypedCall call)
    {
        RequireMap(call);
        return new(MapOf(call.Type(0).Map.KeyType, call.Type(1), call.Nullable(1)), call.Nullable(0));
    }

    /// <summary><c>transform_keys</c>: keys of the lambda's type (a map key is never null), the map's values.</summary>
    public static FunctionResult TransformKeys(TypedCall call)
    {
        RequireMap(call);
        if (call.Type(1).KindCase == DataType.KindOneofCase.Map)
            throw call.WrongType(1, "a key type that is not a map");
        return new(MapOf(call.Type(1), call.Type(0).Map.ValueType, call.Type(0).Map.ValueContainsNull), call.Nullable(0));
    }

    private static DataType MapOf(DataType key, DataType value, bool valueContainsNull) =>
        new() { Map = new DataType.Types.Map { KeyType = key.Clone(), ValueType = value.Clone(), ValueContainsNull = valueContainsNull } };

    private static void RequireMap(TypedCall call) => call.Require(0, t => t.KindCase == DataType.KindOneofCase.Map, "\"MAP\"");

    private static bool IsArray(DataType type) => type.KindCase == DataType.KindOneofCase.Array;
}
