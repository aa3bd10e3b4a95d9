using System.Globalization;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>to_json(value[, options])</c> of a struct, array or map, written as Spark's Jackson generator does with its default
/// options: compact, struct fields in order with null fields left out (<c>ignoreNullFields</c>), nulls kept inside arrays
/// and maps, map keys as text. The text is built in SQL from the Spark type: strings through DuckDB's JSON quoting,
/// integers, decimals and booleans as written, dates as <c>"yyyy-MM-dd"</c>. Values whose text differs between the
/// engines (floating point, timestamps, binary, intervals, maps keyed by anything but strings and integers) and any
/// option are refused as unsupported rather than written differently.
/// </summary>
internal static class ToJsonFunction
{
    /// <summary>Adds this function to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry) => registry.Scalar(Render, ResultType, "to_json");

    private static FunctionResult ResultType(TypedCall call)
    {
        if (!SparkTypes.IsComplex(call.Type(0)) && !SparkTypes.IsNull(call.Type(0)))
            throw call.WrongType(0, "(\"STRUCT\" or \"ARRAY\" or \"MAP\")");
        return new FunctionResult(SparkTypes.String, call.Nullable(0));
    }

    private static string Render(FunctionCall call)
    {
        call.ExpectBetween(1, 2);
        if (call.Count == 2)
            throw LocalEngineException.Unsupported("to_json with options", "Call to_json without options; its defaults are Spark's.");
        var type = call.SparkTypeOf(0) ?? throw FunctionErrors.UnknownType(call.Name);
        if (SparkTypes.IsNull(type)) return "CAST(NULL AS VARCHAR)";
        return new Writer(call).Write(call[0], type, 0);
    }

    private sealed class Writer(FunctionCall call)
    {
        /// <summary>The JSON text of <paramref name="value"/> (SQL) of <paramref name="type"/>; null where the value is.</summary>
        public string Write(string value, DataType type, int depth)
        {
            var v = Variable("v", depth);
            var body = type.KindCase switch
            {
                DataType.KindOneofCase.Struct => Struct(v, type.Struct, depth),
                DataType.KindOneofCase.Array => $"'[' || array_to_string(list_transform({v}, lambda {Variable("e", depth)}: " +
                    $"coalesce({Write(Variable("e", depth), type.Array.ElementType, depth + 1)}, 'null')), ',') || ']'",
                DataType.KindOneofCase.Map => Map(v, type.Map, depth),
                DataType.KindOneofCase.String => $"CAST(to_json({v}) AS VARCHAR)",
                DataType.KindOneofCase.Boolean or DataType.KindOneofCase.Byte or DataType.KindOneofCase.Short or DataType.KindOneofCase.Integer
                    or DataType.KindOneofCase.Long or DataType.KindOneofCase.Decimal => $"CAST({v} AS VARCHAR)",
                DataType.KindOneofCase.Date => $"'\"' || strftime({v}, '%Y-%m-%d') || '\"'",
                DataType.KindOneofCase.Null => "NULL",
                _ => throw LocalEngineException.Unsupported($"to_json of {SparkTypes.Name(type)} values",
                    "Cast them to strings first; the local engine writes strings, integers, decimals, booleans, dates, structs, arrays and maps."),
            };
            return ArrayFunctions.Let(value, v, $"CASE WHEN {v} IS NULL THEN NULL ELSE {body} END");
        }

        // {"name":value,…} without the null fields; the names are bound, never SQL text.
        private string Struct(string v, DataType.Types.Struct type, int depth)
        {
            if (type.Fields.Count == 0) return "'{}'";
            var members = type.Fields.Select(f =>
            {
                var name = call.Context.Bind(new Spark.Connect.Protocol.Expression.Types.Literal { String = f.Name });
                return $"CAST(to_json({name}) AS VARCHAR) || ':' || {Write($"{v}.{SqlIdentifiers.Quote(f.Name)}", f.DataType, depth + 1)}";
            });
            return $"'{{' || array_to_string(list_filter([{string.Join(", ", members)}], lambda {Variable("m", depth)}: {Variable("m", depth)} IS NOT NULL), ',') || '}}'";
        }

        private string Map(string v, DataType.Types.Map type, int depth)
        {
            if (!SparkTypes.IsString(type.KeyType) && !SparkTypes.IsIntegral(type.KeyType))
                throw LocalEngineException.Unsupported($"to_json of a map keyed by {SparkTypes.Name(type.KeyType)}", "Use string or integer keys.");
            var entry = Variable("k", depth);
            var key = $"CAST(to_json(CAST({entry}.key AS VARCHAR)) AS VARCHAR)";
            return $"'{{' || array_to_string(list_transform(map_entries({v}), lambda {entry}: {key} || ':' || " +
                   $"coalesce({Write($"{entry}.value", type.ValueType, depth + 1)}, 'null')), ',') || '}}'";
        }

        private static string Variable(string role, int depth) => $"\"__tj{role}{depth.ToString(CultureInfo.InvariantCulture)}\"";
    }
}
