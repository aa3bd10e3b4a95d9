using System.Text;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>Conditional expressions: <c>when</c> (CASE), <c>coalesce</c>, <c>in</c>, <c>if</c>, <c>nullif</c>, <c>nvl</c>.</summary>
internal static class ConditionalFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        // DuckDB's coalesce, like Spark's, returns the first non-null argument.
        registry.Scalar(c => $"coalesce({c.ExpectAtLeast(1).JoinedArguments()})", "coalesce");
        registry.Scalar(c => $"coalesce({c.Expect(2).JoinedArguments()})", "nvl", "ifnull");
        registry.Scalar(c => $"nullif({c.Expect(2).JoinedArguments()})", "nullif");
        registry.Scalar(c => $"(CASE WHEN {c.Expect(3)[0]} THEN {c[1]} ELSE {c[2]} END)", "if", "iff");
        registry.Scalar(When, "when");
        registry.Scalar(In, "in");
    }

    /// <summary><c>when(c1, v1, c2, v2, …[, else])</c>: pairs of condition and value, an odd count ends with the else value.</summary>
    private static string When(FunctionCall call)
    {
        call.ExpectAtLeast(2);
        var sql = new StringBuilder("(CASE");
        var pairs = call.Count / 2;
        for (var i = 0; i < pairs; i++)
            sql.Append(" WHEN ").Append(call[2 * i]).Append(" THEN ").Append(call[2 * i + 1]);
        if (call.Count % 2 == 1)
            sql.Append(" ELSE ").Append(call[call.Count - 1]);
        return sql.Append(" END)").ToString();
    }

    /// <summary>
    /// <c>in(x, v1, …)</c>: Spark's IN, which like DuckDB's is null when nothing matches and a null is in
    /// the list. An empty list is false (Spark's non-legacy behaviour; DuckDB has no empty IN).
    /// </summary>
    private static string In(FunctionCall call)
    {
        call.ExpectAtLeast(1);
        return call.Count == 1 ? "false" : $"({call[0]} IN ({call.JoinedArguments(skip: 1)}))";
    }
}
