namespace Spark.Connect.Local.Planning.Functions;

/// <summary>Spark's result types of <see cref="ArrayEditFunctions"/>.</summary>
internal static class ArrayEditTypes
{
    /// <summary><c>array_append</c>/<c>array_prepend</c>: an array of the common type, holding nulls when either side may.</summary>
    public static FunctionResult AddElement(TypedCall call)
    {
        var element = ElementCommonType(call);
        return new(SparkTypes.ArrayOf(element, call.Type(0).Array.ContainsNull || call.Nullable(1)), call.Nullable(0));
    }

    /// <summary><c>array_remove</c>: the array's type (of the common element type), null when the array or x is.</summary>
    public static FunctionResult Remove(TypedCall call)
    {
        var element = ElementCommonType(call);
        return call.Strict(SparkTypes.ArrayOf(element, call.Type(0).Array.ContainsNull));
    }

    /// <summary><c>array_compact</c>: the array without nulls.</summary>
    public static FunctionResult Compact(TypedCall call)
    {
        call.Require(0, IsArray, ResultRules.ArrayType);
        return call.Strict(SparkTypes.ArrayOf(call.Type(0).Array.ElementType, false));
    }

    /// <summary><c>array_repeat(x, n)</c>: an array of x's type; null only when n is.</summary>
    public static FunctionResult Repeat(TypedCall call)
    {
        call.Require(1, t => SparkTypes.IsIntegral(t) || SparkTypes.IsNull(t), "\"INT\"");
        return new(SparkTypes.ArrayOf(call.Type(0), call.Nullable(0)), call.Nullable(1));
    }

    /// <summary><c>arrays_overlap</c>: BOOLEAN; null also when a null element leaves the answer open.</summary>
    public static FunctionResult Overlap(TypedCall call)
    {
        call.Require(0, IsArray, ResultRules.ArrayType).Require(1, IsArray, ResultRules.ArrayType);
        call.CommonType([0, 1]);
        return new(SparkTypes.Boolean, call.AnyNullable || call.Type(0).Array.ContainsNull || call.Type(1).Array.ContainsNull);
    }

    internal static DataType ElementCommonType(TypedCall call)
    {
        call.Require(0, IsArray, ResultRules.ArrayType);
        return SparkTypeCoercion.Wider(call.Type(0).Array.ElementType, call.Type(1)) ?? throw call.DifferentTypes([0, 1]);
    }

    private static bool IsArray(DataType type) => type.KindCase == DataType.KindOneofCase.Array;
}
