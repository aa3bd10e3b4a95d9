namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's array functions that add, drop or combine elements: <c>array_append</c>, <c>array_prepend</c>,
/// <c>array_remove</c>, <c>array_compact</c>, <c>array_repeat</c>, <c>arrays_overlap</c> (<c>flatten</c> is in ArrayReshapeFunctions). A null array
/// gives null (DuckDB's list_append would start a new list); elements are cast to the common type first.
/// </summary>
internal static class ArrayEditFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => AddElement(c, append: true), ArrayEditTypes.AddElement, "array_append");
        registry.Scalar(c => AddElement(c, append: false), ArrayEditTypes.AddElement, "array_prepend");
        registry.Scalar(Remove, ArrayEditTypes.Remove, "array_remove");
        registry.Scalar(c => $"list_filter({c.Expect(1)[0]}, lambda \"__x\": \"__x\" IS NOT NULL)", ArrayEditTypes.Compact, "array_compact");
        registry.Scalar(Repeat, ArrayEditTypes.Repeat, "array_repeat");
        registry.Scalar(Overlap, ArrayEditTypes.Overlap, "arrays_overlap");
    }

    /// <summary><c>array_append(array, x)</c> / <c>array_prepend(array, x)</c>: x (even null) added at the end / start.</summary>
    private static string AddElement(FunctionCall call, bool append)
    {
        call.Expect(2);
        var (array, element) = ArrayAndElement(call);
        var added = append ? "list_append(\"__aa\", " + element + ")" : "list_prepend(" + element + ", \"__aa\")";
        return ArrayFunctions.Let(array, "\"__aa\"", $"CASE WHEN \"__aa\" IS NULL THEN NULL ELSE {added} END");
    }

    /// <summary><c>array_remove(array, x)</c>: every element equal to x dropped (nulls kept); null when x is.</summary>
    private static string Remove(FunctionCall call)
    {
        call.Expect(2);
        var (array, element) = ArrayAndElement(call);
        return $"(CASE WHEN {element} IS NULL THEN NULL ELSE list_filter({array}, lambda \"__x\": \"__x\" IS NULL OR \"__x\" <> {element}) END)";
    }

    /// <summary><c>array_repeat(x, n)</c>: n copies of x (none for n ≤ 0); null when n is.</summary>
    private static string Repeat(FunctionCall call)
    {
        call.Expect(2);
        return $"(CASE WHEN {call[1]} IS NULL THEN NULL ELSE list_transform(range(CAST(greatest({call[1]}, 0) AS BIGINT)), lambda \"__i\": {call[0]}) END)";
    }

    /// <summary>
    /// <c>arrays_overlap(a, b)</c>: true when they share a non-null element; otherwise null when both are non-empty and
    /// either holds a null (the null might have matched); else false.
    /// </summary>
    private static string Overlap(FunctionCall call)
    {
        call.Expect(2);
        var common = call.CommonSparkType([0, 1]);
        var body = "CASE WHEN \"__oa\" IS NULL OR \"__ob\" IS NULL THEN NULL " +
                   "WHEN len(list_filter(\"__oa\", lambda \"__x\": list_contains(\"__ob\", \"__x\"))) > 0 THEN true " +
                   "WHEN len(\"__oa\") > 0 AND len(\"__ob\") > 0 AND (list_position(\"__oa\", NULL) IS NOT NULL OR list_position(\"__ob\", NULL) IS NOT NULL) THEN NULL " +
                   "ELSE false END";
        return ArrayFunctions.Let(call.As(0, common), "\"__oa\"", ArrayFunctions.Let(call.As(1, common), "\"__ob\"", body));
    }

    /// <summary>The array cast to the element's common type, and the element cast to it.</summary>
    internal static (string Array, string Element) ArrayAndElement(FunctionCall call)
    {
        if (call.SparkTypeOf(0) is not { KindCase: DataType.KindOneofCase.Array } arrayType || call.SparkTypeOf(1) is not { } elementType)
            return (call[0], call[1]);
        var common = SparkTypeCoercion.Wider(arrayType.Array.ElementType, elementType);
        if (common is null) return (call[0], call[1]);
        return (call.As(0, SparkTypes.ArrayOf(common, true)), call.As(1, common));
    }
}
