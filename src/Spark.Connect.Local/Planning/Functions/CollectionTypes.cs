using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>Spark's result types of the struct and array functions.</summary>
internal static class CollectionTypes
{
    /// <summary>A struct of the named values; the struct itself is never null, a field is nullable as its value.</summary>
    public static FunctionResult NamedStruct(TypedCall call)
    {
        var fields = new DataType.Types.Struct();
        for (var i = 0; i < call.Count; i += 2)
        {
            call.Require(i, SparkTypes.IsString, ResultRules.StringType);
            fields.Fields.Add(new DataType.Types.StructField
            {
                Name = call.StringLiteral(i) ?? "",
                DataType = call.Type(i + 1).Clone(),
                Nullable = call.Nullable(i + 1),
            });
        }
        return TypedCall.NeverNull(new DataType { Struct = fields });
    }

    /// <summary><c>get(array, i)</c>: the element type, null out of range.</summary>
    public static FunctionResult Get(TypedCall call)
    {
        call.Require(0, IsArray, ResultRules.ArrayType).Require(1, t => SparkTypes.IsIntegral(t) || SparkTypes.IsNull(t), "\"INT\"");
        return TypedCall.MaybeNull(call.Type(0).Array.ElementType);
    }

    /// <summary><c>array(…)</c>: an array of the common type, holding nulls when an element can be null; never null itself.</summary>
    public static FunctionResult Array(TypedCall call)
    {
        var element = call.Count == 0 ? SparkTypes.Null : call.CommonType(Enumerable.Range(0, call.Count));
        return TypedCall.NeverNull(SparkTypes.ArrayOf(element, call.AnyNullable));
    }

    /// <summary><c>size</c>/<c>cardinality</c> (arrays and maps) and <c>array_size</c>: INT, null for a null input (ANSI).</summary>
    public static FunctionResult Size(TypedCall call, bool mapsToo)
    {
        call.Require(0, t => IsArray(t) || mapsToo && t.KindCase == DataType.KindOneofCase.Map || SparkTypes.IsNull(t),
            mapsToo ? "(\"ARRAY\" or \"MAP\")" : ResultRules.ArrayType);
        return call.Strict(SparkTypes.Integer);
    }

    /// <summary><c>array_contains</c>: BOOLEAN, null also when the array holds a null and no element matches.</summary>
    public static FunctionResult ArrayContains(TypedCall call)
    {
        call.Require(0, IsArray, ResultRules.ArrayType);
        if (SparkTypeCoercion.Wider(call.Type(0).Array.ElementType, call.Type(1)) is null)
            throw call.DifferentTypes([0, 1]);
        return new(SparkTypes.Boolean, call.AnyNullable || call.Type(0).Array.ContainsNull);
    }

    /// <summary>The generators' column: the element type; <c>explode_outer</c> adds a null row for empty arrays.</summary>
    public static FunctionResult Explode(TypedCall call, bool outer)
    {
        call.Require(0, IsArray, ResultRules.ArrayType);
        var array = call.Type(0).Array;
        return new(array.ElementType, outer || array.ContainsNull);
    }

    private static bool IsArray(DataType type) => type.KindCase == DataType.KindOneofCase.Array;
}
