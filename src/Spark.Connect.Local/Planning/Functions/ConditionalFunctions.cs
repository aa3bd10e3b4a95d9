using System.Text;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Conditional expressions: <c>when</c> (CASE), <c>coalesce</c>, <c>in</c>, <c>if</c>, <c>nullif</c>, <c>nvl</c>.
/// Their result is the common type of the values (Spark's wider type); coalesce is null only when every
/// argument can be, CASE when a branch can be or there is no ELSE.
/// </summary>
internal static class ConditionalFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        // DuckDB's coalesce, like Spark's, returns the first non-null argument.
        registry.Scalar(c => $"coalesce({c.ExpectAtLeast(1).JoinedAsCommonType()})", Coalesce, "coalesce");
        registry.Scalar(c => $"coalesce({c.Expect(2).JoinedAsCommonType()})", Coalesce, "nvl", "ifnull");
        // Spark: if(a = b, null, a), so a's type and possibly null.
        registry.Scalar(c => $"nullif({c.Expect(2).JoinedArguments()})", NullIf, "nullif");
        // Only `if`: `iff` is not a Spark function (Spark answers UNRESOLVED_ROUTINE for it).
        registry.Scalar(IfThenElse, If, "if");
        registry.Scalar(When, WhenType, "when");
        registry.Scalar(In, InType, "in");
    }

    /// <summary><c>when(c1, v1, c2, v2, …[, else])</c>: pairs of condition and value, an odd count ends with the else value.</summary>
    private static string When(FunctionCall call)
    {
        call.ExpectAtLeast(2);
        var sql = new StringBuilder("(CASE");
        var pairs = call.Count / 2;
        var values = Enumerable.Range(0, pairs).Select(i => 2 * i + 1).ToList();
        if (call.Count % 2 == 1) values.Add(call.Count - 1);
        var common = call.CommonSparkType(values);
        for (var i = 0; i < pairs; i++)
            sql.Append(" WHEN ").Append(call[2 * i]).Append(" THEN ").Append(call.As(2 * i + 1, common));
        if (call.Count % 2 == 1)
            sql.Append(" ELSE ").Append(call.As(call.Count - 1, common));
        return sql.Append(" END)").ToString();
    }

    /// <summary>
    /// <c>in(x, v1, …)</c>: Spark's IN, which like DuckDB's is null when nothing matches and a null is in
    /// the list. An empty list is false (Spark's non-legacy behaviour; DuckDB has no empty IN).
    /// </summary>
    private static string In(FunctionCall call)
    {
        call.ExpectAtLeast(1);
        if (call.Count == 1) return "false";
        var common = call.CommonSparkType(Enumerable.Range(0, call.Count));
        var values = string.Join(", ", Enumerable.Range(1, call.Count - 1).Select(i => call.As(i, common)));
        return $"({call.As(0, common)} IN ({values}))";
    }

    private static string IfThenElse(FunctionCall call)
    {
        call.Expect(3);
        var common = call.CommonSparkType([1, 2]);
        return $"(CASE WHEN {call[0]} THEN {call.As(1, common)} ELSE {call.As(2, common)} END)";
    }

    private static FunctionResult Coalesce(TypedCall call) =>
        new(call.CommonType(Enumerable.Range(0, call.Count)), call.Arguments.All(a => a.Nullable));

    private static FunctionResult NullIf(TypedCall call)
    {
        call.CommonType([0, 1]);
        return TypedCall.MaybeNull(call.Type(0));
    }

    private static FunctionResult If(TypedCall call)
    {
        call.Require(0, SparkTypes.CastsToBoolean, ResultRules.BooleanType);
        return new(call.CommonType([1, 2]), call.Nullable(1) || call.Nullable(2));
    }

    /// <summary>Conditions at even positions must be boolean; the values (odd positions and a trailing else) share a type.</summary>
    private static FunctionResult WhenType(TypedCall call)
    {
        var values = new List<int>();
        for (var i = 0; i + 1 < call.Count; i += 2)
        {
            call.Require(i, SparkTypes.CastsToBoolean, ResultRules.BooleanType);
            values.Add(i + 1);
        }
        var hasElse = call.Count % 2 == 1;
        if (hasElse) values.Add(call.Count - 1);
        return new(call.CommonType(values), !hasElse || values.Any(call.Nullable));
    }

    private static FunctionResult InType(TypedCall call)
    {
        if (call.Count == 1) return TypedCall.NeverNull(SparkTypes.Boolean);
        call.CommonType(Enumerable.Range(0, call.Count));
        return call.Strict(SparkTypes.Boolean);
    }
}
