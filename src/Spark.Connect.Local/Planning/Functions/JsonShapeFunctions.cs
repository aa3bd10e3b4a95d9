namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's <c>json_array_length(json)</c> (INT, the outermost array's element count) and <c>json_object_keys(json)</c>
/// (the outermost object's keys, in document order): null when the text is no valid JSON or not of that shape.
/// </summary>
internal static class JsonShapeFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => Shaped(c, "ARRAY", "CAST(json_array_length(\"__js\") AS INTEGER)"),
            c => c.RequireAll(SparkTypes.CastsToString, ResultRules.StringType).AlwaysNullable(SparkTypes.Integer), "json_array_length");
        registry.Scalar(c => Shaped(c, "OBJECT", "json_keys(\"__js\")"),
            c => c.RequireAll(SparkTypes.CastsToString, ResultRules.StringType).AlwaysNullable(SparkTypes.ArrayOf(SparkTypes.String, false)), "json_object_keys");
    }

    private static string Shaped(FunctionCall call, string jsonType, string body) =>
        ArrayFunctions.Let(StringFunctions.Text(call.Expect(1), 0), "\"__js\"",
            $"CASE WHEN json_valid(\"__js\") AND json_type(\"__js\") = '{jsonType}' THEN {body} END");
}
