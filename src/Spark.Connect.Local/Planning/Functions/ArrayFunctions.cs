namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's array functions that DuckDB's list functions answer differently: element access with ANSI errors,
/// extremes, order-keeping set operations that treat null as a value, sorting with Spark's null placement, joins.
/// Internal lambda parameters are named <c>"__…"</c>: generated columns and lambda variables are <c>"c…"</c> and
/// <c>"lv…"</c>, so an internal name never hides one the arguments use.
/// </summary>
internal static class ArrayFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => ElementAt(c, tolerant: false), ArrayTypes.ElementAt, "element_at");
        registry.Scalar(c => ElementAt(c, tolerant: true), ArrayTypes.ElementAt, "try_element_at");
        // Both skip nulls and give null for an empty array; NaN is the largest double in both.
        registry.Scalar(c => $"list_max({c.Expect(1)[0]})", ArrayTypes.Extreme, "array_max");
        registry.Scalar(c => $"list_min({c.Expect(1)[0]})", ArrayTypes.Extreme, "array_min");
        registry.Scalar(c => Distinct(c.Expect(1)[0]), ArrayTypes.SameArray, "array_distinct");
        registry.Scalar(c => Distinct($"({c.Expect(2).As(0, c.CommonSparkType([0, 1]))} || {c.As(1, c.CommonSparkType([0, 1]))})"), ArrayTypes.Union, "array_union");
        registry.Scalar(c => Membership(c, keep: true), ArrayTypes.Intersect, "array_intersect");
        registry.Scalar(c => Membership(c, keep: false), ArrayTypes.Except, "array_except");
        registry.Scalar(SortArray, ArrayTypes.SameArray, "sort_array");
        registry.Scalar(ArraySort, ArrayTypes.SameArray, "array_sort");
        registry.Scalar(Join, ArrayTypes.Join, "array_join");
    }

    /// <summary>
    /// <c>element_at(array, i)</c>: 1-based, negative counts from the end (as DuckDB's list_extract). ANSI Spark raises
    /// INVALID_ARRAY_INDEX_IN_ELEMENT_AT beyond either end (<c>try_element_at</c> gives null) and INVALID_INDEX_OF_ZERO
    /// for 0 (both functions). On a map: the key's value, null when missing (Spark 3.4+, ANSI or not).
    /// </summary>
    private static string ElementAt(FunctionCall call, bool tolerant)
    {
        call.Expect(2);
        if (call.SparkTypeOf(0) is { KindCase: DataType.KindOneofCase.Map })
            return $"({call[0]})[{call[1]}]";
        var index = call[1];
        var outOfRange = tolerant ? "" :
            $" WHEN abs({index}) > len(\"__a\") THEN {SparkRuntimeErrors.RaiseWithValues("INVALID_ARRAY_INDEX_IN_ELEMENT_AT", "The index ", index, " is out of bounds. The array has ", "len(\"__a\")", " elements. Use `try_element_at` to tolerate accessing element at invalid index and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.")}";
        return Let(call[0], "\"__a\"",
            $"CASE WHEN {index} = 0 THEN {SparkRuntimeErrors.IndexOfZero}{outOfRange} ELSE list_extract(\"__a\", {index}) END");
    }

    /// <summary>
    /// <c>array_distinct</c>: the first occurrence of each value, in order, keeping one null (DuckDB's list_distinct
    /// neither keeps order nor nulls). list_position finds null and NaN as values, as Spark's hash set does.
    /// </summary>
    private static string Distinct(string array) =>
        Let(array, "\"__d\"", "list_filter(\"__d\", lambda \"__x\", \"__i\": list_position(\"__d\", \"__x\") = \"__i\")");

    /// <summary>
    /// <c>array_intersect</c> / <c>array_except</c>: the distinct elements of the first array found (or not found) in
    /// the second, in the first array's order; null when either array is.
    /// </summary>
    private static string Membership(FunctionCall call, bool keep)
    {
        call.Expect(2);
        var common = call.CommonSparkType([0, 1]);
        var test = keep ? "IS NOT NULL" : "IS NULL";
        return Let(call.As(1, common), "\"__b\"",
            $"CASE WHEN \"__b\" IS NULL THEN NULL ELSE list_filter({Distinct(call.As(0, common))}, lambda \"__y\": list_position(\"__b\", \"__y\") {test}) END");
    }

    /// <summary>
    /// <c>sort_array(array[, ascending])</c>: nulls first ascending, last descending (the direction a boolean literal, as
    /// Spark requires). A null direction (a foldable null boolean) gives a null array, as Spark's null-safe eval does.
    /// </summary>
    private static string SortArray(FunctionCall call)
    {
        call.ExpectBetween(1, 2);
        if (call.Count == 2 && IsNullConstant(call.Arguments[1].Source) && call.SparkTypeOf(0) is { } arrayType)
            return $"CAST(NULL AS {DuckDbTypeNames.FromSpark(arrayType)})";
        var ascending = call.Count == 1 || call.BooleanLiteral(1, "sort direction");
        return ArraySorting.Sort(call, call[0], descending: !ascending, nullsFirst: ascending);
    }

    /// <summary><c>array_sort(array[, comparator])</c>: ascending with nulls last, or by the comparator (<see cref="ComparatorSort"/>).</summary>
    private static string ArraySort(FunctionCall call)
    {
        call.ExpectBetween(1, 2);
        if (call.Count == 2)
            return ComparatorSort.Sort(call);
        return ArraySorting.Sort(call, call[0], descending: false, nullsFirst: false);
    }

    /// <summary>
    /// <c>array_join(array, separator[, nullReplacement])</c>: null elements are skipped unless a replacement is given,
    /// which then stands in for them; null when the array, separator or replacement is. DuckDB's array_to_string takes
    /// only a constant separator, so the elements are folded with the separator between them.
    /// </summary>
    private static string Join(FunctionCall call)
    {
        call.ExpectBetween(2, 3);
        var text = ElementsAsText(call);
        var elements = call.Count == 2
            ? $"list_filter({text}, lambda \"__j\": \"__j\" IS NOT NULL)"
            : $"list_transform({text}, lambda \"__j\": coalesce(\"__j\", {call[2]}))";
        var joined = Let(elements, "\"__f\"",
            $"CASE WHEN len(\"__f\") = 0 THEN '' ELSE list_reduce(\"__f\", lambda \"__p\", \"__q\": \"__p\" || {call[1]} || \"__q\") END");
        var nullWhen = call.Count == 2 ? $"{call[1]} IS NULL" : $"{call[1]} IS NULL OR {call[2]} IS NULL";
        return $"(CASE WHEN {nullWhen} THEN NULL ELSE {joined} END)";
    }

    /// <summary>
    /// The array as strings: Spark casts numbers and booleans implicitly to an ARRAY&lt;STRING&gt; argument, doubles and
    /// floats written as Java writes them.
    /// </summary>
    private static string ElementsAsText(FunctionCall call)
    {
        if (call.SparkTypeOf(0) is not { KindCase: DataType.KindOneofCase.Array } type || ArrayTypes.IsText(type.Array.ElementType))
            return call[0];
        var element = type.Array.ElementType;
        var cast = element.KindCase is DataType.KindOneofCase.Double or DataType.KindOneofCase.Float
            ? Rendering.SparkNumberText.Render("\"__t\"")
            : "CAST(\"__t\" AS VARCHAR)";
        return $"list_transform({call[0]}, lambda \"__t\": {cast})";
    }

    /// <summary>A null literal, or a cast of one (<c>CAST(NULL AS BOOLEAN)</c>): a foldable null.</summary>
    private static bool IsNullConstant(Expression source) => source.ExprTypeCase switch
    {
        Expression.ExprTypeOneofCase.Literal => source.Literal.LiteralTypeCase == Expression.Types.Literal.LiteralTypeOneofCase.Null,
        Expression.ExprTypeOneofCase.Cast => IsNullConstant(source.Cast.Expr),
        _ => false,
    };

    /// <summary>
    /// <paramref name="body"/> with <paramref name="parameter"/> bound to <paramref name="value"/>, evaluated once:
    /// <c>list_transform([value], lambda p: body)[1]</c>, so a long argument is not written (nor computed) twice.
    /// </summary>
    internal static string Let(string value, string parameter, string body) =>
        $"list_transform([{value}], lambda {parameter}: {body})[1]";
}
