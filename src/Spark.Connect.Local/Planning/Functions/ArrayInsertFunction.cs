namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's <c>array_insert(array, pos, x)</c>: x placed at 1-based position pos (negative: counted from the end, -1
/// appending); a position past either end pads with nulls. Position 0 raises INVALID_INDEX_OF_ZERO; a null array or
/// position gives null; a null x is inserted. Elements are cast to the common type.
/// </summary>
internal static class ArrayInsertFunction
{
    /// <summary>Adds this function to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry) =>
        registry.Scalar(Insert, ResultType, "array_insert");

    private static FunctionResult ResultType(TypedCall call)
    {
        // Spark types array_insert by the tightest common type, which never promotes to a string: an INT array and a
        // STRING value have none (ANSI's string-to-number rule does not apply here).
        if (call.Type(0).KindCase == DataType.KindOneofCase.Array && StringMeetsOther(call.Type(0).Array.ElementType, call.Type(2)))
            throw DifferentTypes(call);
        var element = ArrayEditTypes.ElementCommonType(new TypedCall(call.Name, [call.Arguments[0], call.Arguments[2]], false, false));
        call.Require(1, t => SparkTypes.IsIntegral(t) || SparkTypes.IsNull(t), "\"INT\"");
        return new(SparkTypes.ArrayOf(element, true), call.Nullable(0) || call.Nullable(1));
    }

    private const string LegacyNegativeIndex = "spark.sql.legacy.negativeIndexInArrayInsert";

    private static bool StringMeetsOther(DataType element, DataType value) =>
        SparkTypes.IsString(element) != SparkTypes.IsString(value) && !SparkTypes.IsNull(element) && !SparkTypes.IsNull(value);

    private static LocalEngineException DifferentTypes(TypedCall call)
    {
        var (left, right) = ($"\"{SparkTypes.Name(call.Type(0))}\"", $"\"{SparkTypes.Name(call.Type(2))}\"");
        return new LocalEngineException("DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES", "42K09",
            $"Cannot resolve `array_insert` due to data type mismatch: Input to `array_insert` should have been \"ARRAY\" followed by a value " +
            $"with same element type, but it's [{left}, {right}].",
            new Dictionary<string, string> { ["functionName"] = "`array_insert`", ["dataType"] = "\"ARRAY\"", ["leftType"] = left, ["rightType"] = right });
    }

    private static string Insert(FunctionCall call)
    {
        call.Expect(3);
        var (array, element) = ArrayEditFunctions.ArrayAndElement(call with { Arguments = [call.Arguments[0], call.Arguments[2]] });
        var (a, p, n) = ("\"__ai\".a", "\"__ai\".p", "len(\"__ai\".a)");
        // idx: the 0-based index x lands on while it stays within (or right past) the array's reach on the left.
        string At(string idx) => $"list_concat(list_resize(list_slice({a}, 1, {idx}), {idx}), [{element}], list_slice({a}, {idx} + 1, {n}))";
        // Spark 3.4's legacy negative index (spark.sql.legacy.negativeIndexInArrayInsert) puts x one place further
        // left: -1 inserts before the last element instead of appending.
        var shift = string.Equals(call.Context.Setting(LegacyNegativeIndex), "true", StringComparison.OrdinalIgnoreCase) ? "" : " + 1";
        var body = $"CASE WHEN {a} IS NULL OR {p} IS NULL THEN NULL WHEN {p} = 0 THEN {SparkRuntimeErrors.IndexOfZero} " +
                   $"WHEN {p} > 0 THEN {At($"{p} - 1")} " +
                   $"WHEN -{p} <= {n} THEN {At($"{n} + {p}{shift}")} " +
                   $"ELSE list_concat([{element}], list_resize(list_slice({a}, 1, 0), -{p} - {n}{(shift.Length > 0 ? " - 1" : "")}), {a}) END";
        return ArrayFunctions.Let($"{{'a': {array}, 'p': CAST({call[1]} AS BIGINT)}}", "\"__ai\"", body);
    }
}
