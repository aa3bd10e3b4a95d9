namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Comparisons, null-safe equality, boolean logic and null tests. DuckDB's three-valued logic and
/// comparison rules match Spark's, so these are direct operator renderings.
/// </summary>
internal static class ComparisonFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => Binary(c, "="), "==", "=");
        registry.Scalar(c => Binary(c, "<>"), "!=", "<>");
        registry.Scalar(c => Binary(c, "<"), "<");
        registry.Scalar(c => Binary(c, "<="), "<=");
        registry.Scalar(c => Binary(c, ">"), ">");
        registry.Scalar(c => Binary(c, ">="), ">=");
        // Spark's <=> is true for two nulls and false (never null) for one: DuckDB's IS NOT DISTINCT FROM.
        registry.Scalar(c => Binary(c, "IS NOT DISTINCT FROM"), "<=>", "equal_null");
        registry.Scalar(c => Binary(c, "AND"), "and");
        registry.Scalar(c => Binary(c, "OR"), "or");
        registry.Scalar(c => $"(NOT {c.Expect(1)[0]})", "not", "!");
        registry.Scalar(c => $"({c.Expect(1)[0]} IS NULL)", "isnull");
        registry.Scalar(c => $"({c.Expect(1)[0]} IS NOT NULL)", "isnotnull");
        // Spark's isnan is false (not null) for null input.
        registry.Scalar(c => $"coalesce(isnan(CAST({c.Expect(1)[0]} AS DOUBLE)), false)", "isnan");
    }

    private static string Binary(FunctionCall call, string sqlOperator)
    {
        call.Expect(2);
        return $"({call[0]} {sqlOperator} {call[1]})";
    }
}
