using System.Globalization;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>from_json(json, schema)</c> with a DDL schema string (<c>'a INT, b STRING'</c>, <c>'array&lt;int&gt;'</c>,
/// <c>'map&lt;string,int&gt;'</c>): the text read into the schema's struct, array or map, built in SQL from DuckDB's JSON
/// values by the Spark type. Missing fields and JSON nulls are null; an object read as an array of structs is that one
/// element, as Spark does. Where Spark's lenient (PERMISSIVE) reader would turn a value that does not fit into null
/// (text that is no JSON, a string where a number belongs), the query stops with UNSUPPORTED_FEATURE.LOCAL_ENGINE rather
/// than guess; so do options, and leaf types other than integers, floating point, strings, booleans and dates.
/// </summary>
internal static class FromJsonFunction
{
    /// <summary>Adds this function to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry) => registry.Scalar(Render, ResultType, "from_json");

    private static FunctionResult ResultType(TypedCall call)
    {
        call.Require(0, SparkTypes.CastsToString, ResultRules.StringType);
        return call.AlwaysNullable(Schema(call.Name, SchemaText(call.Arguments[1].Source, call.Name)));
    }

    /// <summary>The schema's DDL: a string literal, or <c>schema_of_json('…')</c> of a literal, inferred now.</summary>
    private static string SchemaText(Expression? source, string name) => source switch
    {
        { ExprTypeCase: Expression.ExprTypeOneofCase.Literal, Literal.LiteralTypeCase: Expression.Types.Literal.LiteralTypeOneofCase.String } literal => literal.Literal.String,
        { ExprTypeCase: Expression.ExprTypeOneofCase.UnresolvedFunction } call
            when call.UnresolvedFunction.FunctionName.Equals("schema_of_json", StringComparison.OrdinalIgnoreCase)
                 && call.UnresolvedFunction.Arguments is [{ ExprTypeCase: Expression.ExprTypeOneofCase.Literal, Literal.LiteralTypeCase: Expression.Types.Literal.LiteralTypeOneofCase.String } json]
            => JsonSchemaInference.Infer(json.Literal.String, primitivesAsString: false)
               ?? throw LocalEngineException.Unsupported("schema_of_json of text that is no JSON", "Pass a JSON document."),
        _ => throw FunctionErrors.NotFoldable(name, "schema"),
    };

    private static DataType Schema(string name, string text)
    {
        DataType type;
        try
        {
            type = Resolution.DdlSchema.Parse(text);
        }
        catch (InvalidOperationException e)
        {
            throw new LocalEngineException("PARSE_SYNTAX_ERROR", "42601", $"The schema of `{name}` is not a valid DDL type or field list: {e.Message}");
        }
        if (!SparkTypes.IsComplex(type))
            throw new LocalEngineException("DATATYPE_MISMATCH.INVALID_JSON_SCHEMA", "42K09",
                $"The schema of `{name}` must be a struct, an array or a map, not {SparkTypes.Name(type)}.",
                new Dictionary<string, string> { ["schema"] = SparkTypes.Name(type) });
        return type;
    }

    private static string Render(FunctionCall call)
    {
        call.ExpectBetween(2, 3);
        if (call.Count == 3)
            throw LocalEngineException.Unsupported("from_json with options", "Call from_json without options; its defaults are Spark's.");
        var type = Schema(call.Name, SchemaText(call.Arguments[1].Source, call.Name));
        var text = $"\"__fjs\"";
        var root = "\"__fjr\"";
        var read = new Reader(call).Read(root, type, 0, topLevel: true);
        var parsed = ArrayFunctions.Let($"json({text})", root, read);
        return ArrayFunctions.Let(StringFunctions.Text(call, 0), text,
            $"CASE WHEN {text} IS NULL THEN NULL WHEN NOT json_valid({text}) THEN {Reader.Misfit(text)} ELSE {parsed} END");
    }

    private sealed class Reader(FunctionCall call)
    {
        /// <summary>SQL failing the query for a value Spark would read as null; the value is shown in the message.</summary>
        public static string Misfit(string json) => SparkRuntimeErrors.RaiseWithValues("UNSUPPORTED_FEATURE.LOCAL_ENGINE",
            "The local engine does not support from_json of a value that does not fit the schema (Spark's PERMISSIVE mode reads it as null): ", $"CAST({json} AS VARCHAR)", "");

        /// <summary>The Spark value of JSON value <paramref name="json"/> (SQL of DuckDB's JSON type) read as <paramref name="type"/>.</summary>
        public string Read(string json, DataType type, int depth, bool topLevel = false)
        {
            var j = $"\"__fj{depth.ToString(CultureInfo.InvariantCulture)}\"";
            var (kinds, value) = type.KindCase switch
            {
                DataType.KindOneofCase.Struct => ("'OBJECT'", Struct(j, type.Struct, depth)),
                DataType.KindOneofCase.Array => ("'ARRAY'", Array(j, type.Array.ElementType, depth)),
                DataType.KindOneofCase.Map => ("'OBJECT'", Map(j, type.Map, depth)),
                DataType.KindOneofCase.String => ("'VARCHAR'", $"json_extract_string({j}, '$')"),
                DataType.KindOneofCase.Boolean => ("'BOOLEAN'", $"CAST({j} AS BOOLEAN)"),
                DataType.KindOneofCase.Byte or DataType.KindOneofCase.Short or DataType.KindOneofCase.Integer or DataType.KindOneofCase.Long =>
                    ("'BIGINT', 'UBIGINT'", $"CAST(CAST({j} AS VARCHAR) AS {DuckDbTypeNames.FromSpark(type)})"),
                DataType.KindOneofCase.Float or DataType.KindOneofCase.Double =>
                    ("'BIGINT', 'UBIGINT', 'DOUBLE'", $"CAST(CAST({j} AS VARCHAR) AS {DuckDbTypeNames.FromSpark(type)})"),
                DataType.KindOneofCase.Date => ("'VARCHAR'",
                    $"CASE WHEN regexp_full_match(json_extract_string({j}, '$'), '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') THEN CAST(json_extract_string({j}, '$') AS DATE) ELSE {Misfit(j)} END"),
                _ => throw LocalEngineException.Unsupported($"from_json into {SparkTypes.Name(type)} values",
                    "Read them as strings and cast; the local engine reads integers, floating point, strings, booleans, dates, structs, arrays and maps."),
            };
            // Spark reads a lone object as a one-element array of structs.
            var wrapped = topLevel && type is { KindCase: DataType.KindOneofCase.Array, Array.ElementType.KindCase: DataType.KindOneofCase.Struct }
                ? $" WHEN json_type({j}) = 'OBJECT' THEN [{Read(j, type.Array.ElementType, depth + 1)}]"
                : "";
            return ArrayFunctions.Let(json, j,
                $"CASE WHEN {j} IS NULL OR json_type({j}) = 'NULL' THEN NULL{wrapped} WHEN json_type({j}) IN ({kinds}) THEN {value} ELSE {Misfit(j)} END");
        }

        // Field names are the user's: their JSON paths are bound, never SQL text.
        private string Struct(string j, DataType.Types.Struct type, int depth)
        {
            var fields = type.Fields.Select(f =>
            {
                var path = call.Context.Bind(new Spark.Connect.Protocol.Expression.Types.Literal { String = "$.\"" + f.Name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" });
                return $"{SqlIdentifiers.Quote(f.Name)} := {Read($"json_extract({j}, {path})", f.DataType, depth + 1)}";
            });
            return $"struct_pack({string.Join(", ", fields)})";
        }

        private string Array(string j, DataType element, int depth)
        {
            var e = $"\"__fje{depth.ToString(CultureInfo.InvariantCulture)}\"";
            return $"list_transform(CAST({j} AS JSON[]), lambda {e}: {Read(e, element, depth + 1)})";
        }

        private string Map(string j, DataType.Types.Map type, int depth)
        {
            if (!SparkTypes.IsString(type.KeyType))
                throw LocalEngineException.Unsupported($"from_json into a map keyed by {SparkTypes.Name(type.KeyType)}", "Use string keys.");
            var k = $"\"__fjk{depth.ToString(CultureInfo.InvariantCulture)}\"";
            var path = $"'$.\"' || replace(replace({k}, '\\', '\\\\'), '\"', '\\\"') || '\"'";
            return $"map(json_keys({j}), list_transform(json_keys({j}), lambda {k}: {Read($"json_extract({j}, {path})", type.ValueType, depth + 1)}))";
        }
    }
}
