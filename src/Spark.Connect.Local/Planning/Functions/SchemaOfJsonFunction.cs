namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>schema_of_json(json[, options])</c>: the DDL of the schema Spark infers (<see cref="JsonSchemaInference"/>), computed
/// when the query is planned, since Spark requires the text to be a constant; the result is a bound parameter. A column
/// is DATATYPE_MISMATCH.NON_FOLDABLE_INPUT and NULL DATATYPE_MISMATCH.UNEXPECTED_NULL, as Spark; of the options only
/// <c>primitivesAsString</c> is known; text that is no JSON is refused as unsupported.
/// </summary>
internal static class SchemaOfJsonFunction
{
    /// <summary>Adds this function to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry) =>
        registry.Scalar(Render, c => TypedCall.NeverNull(SparkTypes.String), "schema_of_json");

    private static string Render(FunctionCall call)
    {
        call.ExpectBetween(1, 2);
        var literal = call.LiteralAt(0) ?? throw FunctionErrors.NotFoldable(call.Name, "json");
        if (literal.LiteralTypeCase != Expression.Types.Literal.LiteralTypeOneofCase.String)
        {
            if (literal.LiteralTypeCase == Expression.Types.Literal.LiteralTypeOneofCase.Null)
                throw new LocalEngineException("DATATYPE_MISMATCH.UNEXPECTED_NULL", "42K09",
                    $"Cannot resolve `{call.Name}` due to data type mismatch: the json must not be null.",
                    new Dictionary<string, string> { ["functionName"] = $"`{call.Name}`", ["exprName"] = "json" });
            throw FunctionErrors.UnexpectedInputType(call.Name, "json", "a string literal");
        }
        var primitivesAsString = call.Count == 2 && PrimitivesAsString(call);
        var schema = JsonSchemaInference.Infer(literal.String, primitivesAsString)
            ?? throw LocalEngineException.Unsupported("schema_of_json of text that is no JSON", "Pass a JSON document.");
        return call.Context.Bind(new Expression.Types.Literal { String = schema });
    }

    // The options arrive as map('key', 'value', …) literals; only primitivesAsString changes what is inferred here.
    private static bool PrimitivesAsString(FunctionCall call)
    {
        var options = call.Arguments[1].Source;
        if (options is not { ExprTypeCase: Expression.ExprTypeOneofCase.UnresolvedFunction } map
            || !map.UnresolvedFunction.FunctionName.Equals("map", StringComparison.OrdinalIgnoreCase)
            || map.UnresolvedFunction.Arguments.Count % 2 != 0
            || map.UnresolvedFunction.Arguments.Any(a => a is not { ExprTypeCase: Expression.ExprTypeOneofCase.Literal, Literal.LiteralTypeCase: Expression.Types.Literal.LiteralTypeOneofCase.String }))
            throw LocalEngineException.Unsupported("schema_of_json options other than a map of string literals", "Pass map('primitivesAsString', 'true') or no options.");
        var result = false;
        var pairs = map.UnresolvedFunction.Arguments;
        for (var i = 0; i < pairs.Count; i += 2)
        {
            if (!pairs[i].Literal.String.Equals("primitivesAsString", StringComparison.OrdinalIgnoreCase))
                throw LocalEngineException.Unsupported($"the schema_of_json option '{pairs[i].Literal.String}'", "Only primitivesAsString is supported.");
            result = pairs[i + 1].Literal.String.Equals("true", StringComparison.OrdinalIgnoreCase);
        }
        return result;
    }
}
