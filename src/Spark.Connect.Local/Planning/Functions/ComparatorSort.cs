namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>array_sort(array, (left, right) -&gt; int)</c>: the elements ordered by the comparator, stably (Spark sorts with
/// Java's stable object sort). DuckDB's list_sort takes no comparator, so each element's place is counted: the elements
/// the comparator puts before it, plus the equal ones before it in the array. That is the stable sort's answer for any
/// consistent comparator, at n² comparisons. A null comparison raises COMPARATOR_RETURNS_NULL, as Spark does.
/// </summary>
internal static class ComparatorSort
{
    /// <summary>The fields of the pair struct the comparator's two variables read (the left and the right element).</summary>
    public const string LeftField = "l", RightField = "r";

    /// <summary>The sorted array; <paramref name="call"/>'s second argument is the comparator lambda.</summary>
    public static string Sort(FunctionCall call)
    {
        var comparator = HigherOrderFunctions.Lambda(call, 1);
        if (comparator.Parameters.Count != 2)
            throw FunctionErrors.WrongNumArgs(call.Name + " function", "2", comparator.Parameters.Count);
        var (first, second) = (comparator.Parameters[0], comparator.Parameters[1]);
        // One comparison: the comparator applied to the pair struct {l: s[j], r: s[i]}, its result bound to "__c".
        var pair = $"{{'{LeftField}': \"__s\"[\"__j\"], '{RightField}': \"__s\"[\"__i\"]}}";
        var compared = $"list_transform([{pair}], lambda {first}: list_transform([{first}], lambda {second}: {comparator.Body})[1])[1]";
        var nullResult = SparkRuntimeErrors.RaiseWithValues("COMPARATOR_RETURNS_NULL",
            "The comparator has returned a NULL for a comparison between ", "\"__s\"[\"__j\"]", " and ", "\"__s\"[\"__i\"]",
            ". It should return a positive integer for \"greater than\", 0 for \"equal\" and a negative integer for \"less than\". " +
            "To revert to deprecated behavior where NULL is treated as 0 (equal), you must set \"spark.sql.legacy.allowNullComparisonResultInArraySort\" to \"true\".");
        var before = $"list_transform([{compared}], lambda \"__c\": CASE WHEN \"__c\" IS NULL THEN {nullResult} " +
            "ELSE \"__c\" < 0 OR (\"__c\" = 0 AND \"__j\" < \"__i\") END)[1]";
        var positions = "range(1, len(\"__s\") + 1)";
        var places = $"list_transform({positions}, lambda \"__i\": {{'p': len(list_filter({positions}, lambda \"__j\": \"__j\" <> \"__i\" AND {before})), 'v': \"__s\"[\"__i\"]}})";
        // Element k of the answer is the one whose place is k; places are distinct, so exactly one matches.
        var ordered = $"list_transform(range(0, len(\"__s\")), lambda \"__k\": list_filter(\"__p\", lambda \"__e\": \"__e\".p = \"__k\")[1].v)";
        return ArrayFunctions.Let(call[0], "\"__s\"",
            $"CASE WHEN \"__s\" IS NULL THEN NULL ELSE {ArrayFunctions.Let(places, "\"__p\"", ordered)} END");
    }
}
