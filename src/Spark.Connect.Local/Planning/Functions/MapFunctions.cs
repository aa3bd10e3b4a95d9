namespace Spark.Connect.Local.Planning.Functions;

/// <summary>Spark's map functions: <c>map_keys</c>, <c>map_values</c>, <c>map_contains_key</c>, and <c>raise_error</c>.</summary>
internal static class MapFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        // DuckDB keeps a map's entries in insertion order, as Spark's maps do.
        registry.Scalar(c => $"map_keys({c.Expect(1)[0]})", ArrayTypes.MapKeys, "map_keys");
        registry.Scalar(c => $"map_values({c.Expect(1)[0]})", ArrayTypes.MapValues, "map_values");
        // Map keys are never null, so list_contains's answer is Spark's (null only for a null map or key).
        registry.Scalar(c => $"list_contains(map_keys({c.Expect(2)[0]}), {c[1]})", ArrayTypes.MapContainsKey, "map_contains_key");
        // Spark 4: USER_RAISED_EXCEPTION with the text as its message; the value's type is NULL.
        registry.Scalar(c => SparkRuntimeErrors.RaiseWithValues("USER_RAISED_EXCEPTION", "", c.Expect(1)[0]),
            c => c.Require(0, t => SparkTypes.IsString(t) || SparkTypes.IsNull(t), ResultRules.StringType).AlwaysNullable(SparkTypes.Null), "raise_error");
    }
}
