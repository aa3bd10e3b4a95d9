using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's result types of the higher-order functions. A lambda argument's type is its body's type (see
/// <see cref="TypedArgument"/>); the resolver has already checked that the first argument is an array.
/// </summary>
internal static class HigherOrderTypes
{
    /// <summary><c>transform</c>: an array of the lambda's type, holding nulls when the lambda can be null; null for a null array.</summary>
    public static FunctionResult Transform(TypedCall call)
    {
        RequireArray(call);
        return new(SparkTypes.ArrayOf(call.Type(1), call.Nullable(1)), call.Nullable(0));
    }

    /// <summary><c>filter</c>: the input array's type; the lambda must be a BOOLEAN.</summary>
    public static FunctionResult Filter(TypedCall call)
    {
        RequireArray(call);
        RequireBoolean(call, 1);
        return new(call.Type(0), call.Nullable(0));
    }

    /// <summary><c>exists</c> / <c>forall</c>: BOOLEAN, null for a null array or where the lambda's nulls decide.</summary>
    public static FunctionResult Predicate(TypedCall call)
    {
        RequireArray(call);
        RequireBoolean(call, 1);
        return new(SparkTypes.Boolean, call.Nullable(0) || call.Nullable(1));
    }

    /// <summary>
    /// <c>aggregate</c>: the merge function must have the zero value's type (nullability aside, as Spark's
    /// DataType.equalsStructurally); the result is the finish function's type, or the accumulator's, which Spark
    /// always treats as nullable.
    /// </summary>
    public static FunctionResult Aggregate(TypedCall call)
    {
        RequireArray(call);
        if (!SameStructure(call.Type(1), call.Type(2)))
            throw new LocalEngineException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "42K09",
                $"Cannot resolve `{call.Name}` due to data type mismatch: the third parameter requires the \"{SparkTypes.Name(call.Type(1))}\" type " +
                $"(the zero value's), however the merge function has the type \"{SparkTypes.Name(call.Type(2))}\". Cast the zero value or the merge result.",
                new Dictionary<string, string>
                {
                    ["functionName"] = $"`{call.Name}`", ["paramIndex"] = "third",
                    ["requiredType"] = $"\"{SparkTypes.Name(call.Type(1))}\"", ["inputType"] = $"\"{SparkTypes.Name(call.Type(2))}\"",
                });
        return call.Count == 4 ? new(call.Type(3), call.Nullable(0) || call.Nullable(3)) : TypedCall.MaybeNull(call.Type(1));
    }

    /// <summary>Same type ignoring nullability and struct field names, as Spark's DataType.equalsStructurally.</summary>
    private static bool SameStructure(DataType a, DataType b) => (a.KindCase, b.KindCase) switch
    {
        (DataType.KindOneofCase.Array, DataType.KindOneofCase.Array) => SameStructure(a.Array.ElementType, b.Array.ElementType),
        (DataType.KindOneofCase.Map, DataType.KindOneofCase.Map) => SameStructure(a.Map.KeyType, b.Map.KeyType) && SameStructure(a.Map.ValueType, b.Map.ValueType),
        (DataType.KindOneofCase.Struct, DataType.KindOneofCase.Struct) => a.Struct.Fields.Count == b.Struct.Fields.Count
            && a.Struct.Fields.Zip(b.Struct.Fields).All(p => SameStructure(p.First.DataType, p.Second.DataType)),
        _ => SparkTypeCoercion.SameType(a, b),
    };

    private static void RequireArray(TypedCall call) =>
        call.Require(0, t => t.KindCase == DataType.KindOneofCase.Array, ResultRules.ArrayType);

    private static void RequireBoolean(TypedCall call, int index) =>
        call.Require(index, t => t.KindCase == DataType.KindOneofCase.Boolean, ResultRules.BooleanType);
}
