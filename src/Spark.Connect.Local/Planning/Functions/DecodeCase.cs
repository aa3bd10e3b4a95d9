using System.Text;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>decode(expr, search1, result1[, search2, result2 …][, default])</c>: the result of the first search equal to
/// expr, compared null-safely (a NULL search matches a NULL expr, as Spark's), else the default or NULL.
/// Searches compare in the common type of expr and the searches; results take their common type.
/// </summary>
internal static class DecodeCase
{
    /// <summary>The result: the common type of the results and default; nullable unless every result is not null and a default is given.</summary>
    public static FunctionResult ResultType(TypedCall call)
    {
        if (call.Count <= 2) return call.Require(0, t => t.KindCase is DataType.KindOneofCase.Binary or DataType.KindOneofCase.Null || SparkTypes.CastsToString(t), "\"BINARY\"")
            .Strict(SparkTypes.String);
        call.CommonType(Searches(call.Count).Prepend(0));
        var results = Results(call.Count).ToList();
        var nullable = call.Count % 2 == 1 || results.Any(call.Nullable);
        return new FunctionResult(call.CommonType(results), nullable);
    }

    /// <summary>Renders the CASE.</summary>
    public static string Render(FunctionCall call)
    {
        var compared = call.CommonSparkType(Searches(call.Count).Prepend(0));
        var result = call.CommonSparkType(Results(call.Count));
        var sql = new StringBuilder("(CASE");
        foreach (var search in Searches(call.Count))
            sql.Append($" WHEN {call.As(0, compared)} IS NOT DISTINCT FROM {call.As(search, compared)} THEN {call.As(search + 1, result)}");
        sql.Append(call.Count % 2 == 0 ? $" ELSE {call.As(call.Count - 1, result)}" : " ELSE NULL");
        return sql.Append(" END)").ToString();
    }

    // Searches sit at 1, 3, 5 … up to the last pair; a lone trailing argument is the default.
    private static IEnumerable<int> Searches(int count) => Enumerable.Range(0, (count - 1) / 2).Select(i => 1 + 2 * i);

    private static IEnumerable<int> Results(int count) =>
        Searches(count).Select(s => s + 1).Concat(count % 2 == 0 ? [count - 1] : []);
}
