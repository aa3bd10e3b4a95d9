using Spark.Connect.Local.Planning.Functions;
using static Spark.Connect.Local.Tests.Planning.Functions.T;

namespace Spark.Connect.Local.Tests.Planning.Functions;

/// <summary>
/// Representative argument types for every registered function, for the consistency test between the
/// declared Spark result types and what the rendered SQL gives in DuckDB. A registered name without
/// cases here fails that test, so a new function can't be added without a declared type.
/// </summary>
internal static class FunctionResultTypeCases
{
    private static TypedArg C(DataType type) => TypedArg.Column(type);
    private static TypedArg L(int value) => TypedArg.Lit(value);
    private static TypedArg L(string value) => TypedArg.Lit(value);
    private static TypedArg L(bool value) => TypedArg.Lit(value);
    private static TypedArg Fn(DataType type, string body, params string[] parameters) => TypedArg.Fn(type, body, parameters);
    private static DataType Map(DataType key, DataType value) => new() { Map = new DataType.Types.Map { KeyType = key, ValueType = value, ValueContainsNull = true } };

    private static DataType Struct(params (string Name, DataType Type)[] fields)
    {
        var type = new DataType.Types.Struct();
        foreach (var (name, fieldType) in fields)
            type.Fields.Add(new DataType.Types.StructField { Name = name, DataType = fieldType, Nullable = true });
        return new DataType { Struct = type };
    }

    public static IReadOnlyDictionary<string, TypedArg[][]> All { get; } = Build();

    private static Dictionary<string, TypedArg[][]> Build()
    {
        var cases = new Dictionary<string, TypedArg[][]>(StringComparer.OrdinalIgnoreCase);
        void Add(string[] names, params TypedArg[][] argumentLists)
        {
            foreach (var name in names) cases.Add(name, argumentLists);
        }
        TypedArg[] A(params TypedArg[] args) => args;

        // Comparisons and logic.
        Add(["==", "=", "!=", "<>", "<", "<=", ">", ">=", "<=>", "equal_null"], A(C(Str), C(Int)),
            A(C(Int), C(Int)), A(C(Int), C(Dec(5, 2))), A(C(Str), C(Str)), A(C(Date), C(Ts)));
        Add(["and", "or"], A(C(Bool), C(Bool)));
        Add(["not", "!"], A(C(Bool)));
        Add(["isnull", "isnotnull"], A(C(Int)), A(C(Arr(Str))));
        Add(["isnan"], A(C(Dbl)), A(C(Int)));

        // Arithmetic.
        TypedArg[][] addOrSubtract =
        [
            A(C(Int), C(Int)), A(C(Tiny), C(Small)), A(C(Int), C(Long)), A(C(Long), C(Dbl)), A(C(Flt), C(Int)),
            A(C(Flt), C(Dec(5, 2))), A(C(Dec(10, 2)), C(Dec(5, 3))), A(C(Dec(10, 2)), C(Int)), A(C(Dec(38, 10)), C(Dec(38, 10))),
            A(C(Date), C(Int)), A(C(Ts), C(DayTime)), A(C(Ntz), C(DayTime)), A(C(Date), C(YearMonth)), A(C(Date), C(DayTime)),
            A(C(DayTime), C(DayTime)), A(C(Str), C(Int)), A(C(Dbl), C(Str)), A(C(Str), C(Dec(5, 2))), A(C(Str), C(Str)),
        ];
        Add(["+"], [.. addOrSubtract, A(C(YearMonth), C(Date)), A(C(DayTime), C(Date))]);
        Add(["-"], [.. addOrSubtract, A(C(Date), C(Date)), A(C(Ts), C(Ts)), A(C(Int)), A(C(Dec(5, 2)))]);
        Add(["*"], A(C(Str), C(Flt)), A(C(Tiny), C(Tiny)), A(C(Dec(38, 0)), C(Int)), A(C(Int), C(Int)), A(C(Dec(10, 2)), C(Dec(5, 3))), A(C(Dec(20, 5)), C(Dec(20, 5))), A(C(Flt), C(Flt)),
            A(C(Int), C(Dbl)), A(C(DayTime), C(Int)));
        Add(["/"], A(C(Str), C(Int)), A(C(Str), C(Dec(5, 2))), A(C(Int), C(Int)), A(C(Dbl), C(Int)), A(C(Flt), C(Flt)), A(C(Dec(10, 2)), C(Dec(5, 3))), A(C(Dec(10, 2)), C(Int)),
            A(C(Long), C(Dec(4, 1))));
        Add(["div"], A(C(Str), C(Int)), A(C(Int), C(Int)), A(C(Long), C(Int)), A(C(Dec(10, 2)), C(Dec(5, 3))));
        Add(["%", "mod"], A(C(Str), C(Int)), A(C(Int), C(Int)), A(C(Long), C(Int)), A(C(Dbl), C(Int)), A(C(Dec(10, 2)), C(Dec(5, 3))), A(C(Dec(10, 2)), C(Int)));
        Add(["negative", "positive"], A(C(Int)), A(C(Dec(5, 2))), A(C(Dbl)), A(C(DayTime)));
        Add(["&", "|", "^"], A(C(Int), C(Int)), A(C(Int), C(Long)), A(C(Small), C(Tiny)));
        Add(["~"], A(C(Int)), A(C(Long)));

        // Conditionals.
        Add(["coalesce"], A(C(Str), C(Int)), A(C(Str), C(Dbl)), A(C(Str), C(Date)), A(C(Arr(Int)), C(Arr(Long))), A(C(Long), C(Dec(5, 2))), A(C(Int)), A(C(Int), C(Int)), A(C(Int), C(Long)), A(C(Int), C(Dec(5, 2))), A(C(Str), C(Str)), A(C(Date), C(Ts)));
        Add(["nvl", "ifnull"], A(C(Int), C(Long)), A(C(Str), C(Str)));
        Add(["nullif"], A(C(Int), C(Int)), A(C(Str), C(Str)));
        Add(["if"], A(C(Bool), C(Int), C(Long)), A(C(Bool), C(Str), C(Str)));
        Add(["when"], A(C(Bool), C(Int)), A(C(Bool), C(Int), C(Long)), A(C(Bool), C(Str), C(Bool), C(Str), C(Str)));
        Add(["in"], A(C(Str), C(Int)), A(C(Int)), A(C(Int), C(Int), C(Int)), A(C(Str), C(Str)));

        // Structs and arrays.
        Add(["named_struct"], A(L("a"), C(Int), L("b"), C(Str)), A(L("x"), C(Arr(Dec(5, 2)))));
        Add(["get"], A(C(Arr(Int)), C(Int)), A(C(Arr(Str)), L(0)));
        Add(["array"], A(C(Str), C(Int)), A(C(Dec(5, 2)), C(Dec(7, 1))), A(C(Int), C(Int)), A(C(Int), C(Long)), A(C(Str)));
        Add(["size", "cardinality"], A(C(Arr(Int))), A(C(Map(Str, Long))));
        Add(["array_size"], A(C(Arr(Int))));
        Add(["array_contains"], A(C(Arr(Int)), C(Int)));
        Add(["explode", "explode_outer"], A(C(Arr(Str))), A(C(Arr(Dec(5, 2)))));
        Add(["element_at", "try_element_at"], A(C(Arr(Str)), C(Int)), A(C(Arr(Dec(5, 2))), L(1)), A(C(Map(Str, Long)), C(Str)));
        Add(["array_max", "array_min"], A(C(Arr(Int))), A(C(Arr(Str))), A(C(Arr(Dec(5, 2)))));
        Add(["array_distinct", "sort_array", "array_sort"], A(C(Arr(Int))), A(C(Arr(Str))), A(C(Arr(Struct(("a", Int), ("b", Str))))));
        Add(["array_union", "array_intersect", "array_except"], A(C(Arr(Int)), C(Arr(Int))), A(C(Arr(Int)), C(Arr(Long))), A(C(Arr(Str)), C(Arr(Str))));
        Add(["array_join"], A(C(Arr(Str)), C(Str)), A(C(Arr(Str)), L(","), L("-")), A(C(Arr(Dbl)), L(",")), A(C(Arr(Int)), C(Str)));
        Add(["map_keys", "map_values"], A(C(Map(Str, Long))), A(C(Map(Int, Arr(Str)))));
        Add(["map_contains_key"], A(C(Map(Str, Long)), C(Str)), A(C(Map(Int, Str)), L(1)));
        Add(["raise_error"], A(C(Str)));
        Add(["slice"], A(C(Arr(Int)), L(2), L(3)), A(C(Arr(Str)), C(Int), C(Int)));
        Add(["flatten"], A(C(Arr(Arr(Int)))), A(C(Arr(Arr(Str)))));
        Add(["array_position"], A(C(Arr(Int)), C(Int)), A(C(Arr(Str)), L("a")), A(C(Arr(Long)), L(1)));
        Add(["map_entries"], A(C(Map(Str, Long))), A(C(Map(Int, Arr(Str)))));
        // One column each: the harness names every column c, and a struct cannot repeat a field name in DuckDB.
        Add(["arrays_zip"], A(C(Arr(Int))), A(C(Arr(Dec(5, 2)))), A(C(Arr(Arr(Long)))));

        // Higher-order functions: lambda bodies are DuckDB SQL over the quoted parameters, as the resolver renders them.
        Add(["transform"], A(C(Arr(Int)), Fn(Long, "CAST(\"x\" AS BIGINT)", "x")), A(C(Arr(Str)), Fn(Int, "CAST(\"i\" - 1 AS INTEGER)", "s", "i")),
            A(C(Arr(Int)), Fn(Struct(("v", Int), ("s", Str)), "{'v': \"x\", 's': CAST(\"x\" AS VARCHAR)}", "x")));
        Add(["filter"], A(C(Arr(Str)), Fn(Bool, "\"x\" IS NOT NULL", "x")), A(C(Arr(Dec(5, 2))), Fn(Bool, "\"i\" > 1", "x", "i")));
        Add(["exists", "forall"], A(C(Arr(Int)), Fn(Bool, "\"x\" > 1", "x")));
        Add(["aggregate", "reduce"], A(C(Arr(Int)), C(Long), Fn(Long, "CAST(\"a\".\"acc\" + \"x\".\"x\" AS BIGINT)", "a", "x")),
            A(C(Arr(Str)), L(0), Fn(Int, "CAST(\"a\".\"acc\" + length(\"x\".\"x\") AS INTEGER)", "a", "x"), Fn(Dbl, "CAST(\"f\".\"acc\" AS DOUBLE)", "f")));

        // Two variables reading fields of one struct (PairLambdaFunctions).
        Add(["zip_with"], A(C(Arr(Int)), C(Arr(Long)), Fn(Long, "CAST(\"a\".\"x\" + \"b\".\"y\" AS BIGINT)", "a", "b")),
            A(C(Arr(Str)), C(Arr(Int)), Fn(Str, "\"a\".\"x\"", "a", "b")));
        Add(["map_filter"], A(C(Map(Str, Long)), Fn(Bool, "\"v\".\"value\" > 1", "k", "v")));
        Add(["transform_values"], A(C(Map(Str, Long)), Fn(Str, "\"k\".\"key\"", "k", "v")));
        Add(["transform_keys"], A(C(Map(Str, Long)), Fn(Str, "upper(\"k\".\"key\")", "k", "v")));

        // Strings.
        Add(["upper", "lower", "ucase", "lcase", "initcap"], A(C(Str)), A(C(Int)), A(C(Date)), A(C(Bool)), A(C(Dbl)));
        Add(["length", "char_length", "character_length", "len"], A(C(Str)), A(C(Bin)), A(C(Int)));
        Add(["instr"], A(C(Str), C(Str)));
        Add(["locate", "position"], A(C(Str), C(Str)), A(C(Str), C(Str), L(1)));
        Add(["replace"], A(C(Str), C(Str)), A(C(Str), C(Str), C(Str)));
        Add(["btrim", "trim", "ltrim", "rtrim"], A(C(Str)), A(C(Str), C(Str)));
        Add(["concat"], A(), A(C(Str), C(Str)), A(C(Str), C(Int)), A(C(Arr(Int)), C(Arr(Int))), A(C(Arr(Int)), C(Arr(Long))), A(C(Bin), C(Bin)));
        Add(["concat_ws"], A(C(Str), C(Str), C(Str)));
        Add(["ascii"], A(C(Str)));
        Add(["contains", "startswith", "endswith"], A(C(Str), C(Str)), A(C(Bin), C(Bin)), A(C(Int), C(Str)));
        Add(["rlike", "regexp", "regexp_like"], A(C(Str), C(Str)));
        Add(["like", "ilike"], A(C(Str), C(Str)), A(C(Str), C(Str), L("/")));
        Add(["lpad", "rpad"], A(C(Str), C(Int)), A(C(Str), C(Int), C(Str)), A(C(Str), C(Int), L("*")), A(C(Bin), C(Int)), A(C(Bin), C(Int), C(Bin)), A(C(Str), C(Int), C(Bin)));
        Add(["reverse"], A(C(Str)), A(C(Arr(Int))));
        Add(["repeat", "left", "right"], A(C(Str), C(Int)));
        Add(["substring", "substr"], A(C(Str), C(Int)), A(C(Str), C(Int), C(Int)), A(C(Str), L(2), L(3)));
        Add(["split"], A(C(Str), C(Str)), A(C(Str), C(Str), L(2)));
        Add(["regexp_replace"], A(C(Str), C(Str), L("x")));
        Add(["regexp_extract"], A(C(Str), C(Str)), A(C(Str), C(Str), L(0)));

        // Math.
        Add(["abs"], A(C(DayTime)), A(C(Int)), A(C(Dec(5, 2))), A(C(Dbl)), A(C(Tiny)));
        Add(["ceil", "ceiling", "floor"], A(C(Str)), A(C(Dec(38, 0))), A(C(Int)), A(C(Dbl)), A(C(Dec(10, 2))));
        Add(["power", "pow", "atan2"], A(C(Dbl), C(Dbl)), A(C(Int), C(Int)));
        Add(["sqrt", "cbrt", "exp", "ln", "log10", "log2", "sin", "cos", "tan", "atan", "sinh", "cosh", "tanh", "degrees", "radians",
             "cot", "asin", "acos", "signum", "sign"], A(C(Dbl)), A(C(Int)), A(C(Dec(5, 2))));
        Add(["log"], A(C(Dbl)), A(C(Dbl), C(Int)));
        Add(["greatest", "least"], A(C(Str), C(Int)), A(C(Flt), C(Dec(5, 2))), A(C(Int), C(Int)), A(C(Int), C(Long)), A(C(Int), C(Dec(5, 2))), A(C(Str), C(Str)));
        Add(["pi", "e"], A());
        Add(["round", "bround"], A(C(Dec(38, 2))), A(C(Dec(38, 2)), L(-3)), A(C(Int)), A(C(Dbl)), A(C(Flt)), A(C(Dec(10, 3))), A(C(Dec(10, 3)), L(1)),
            A(C(Dec(10, 3)), L(-2)), A(C(Dec(10, 3)), L(5)), A(C(Int), L(-1)), A(C(Dbl), L(2)), A(C(Long), L(1)));

        // Dates and times.
        Add(["year", "quarter", "month", "dayofmonth", "day", "dayofyear", "weekofyear", "dayofweek", "weekday"],
            A(C(Date)), A(C(Ts)), A(C(Ntz)), A(C(Str)));
        Add(["hour", "minute", "second"], A(C(Ts)), A(C(Ntz)), A(C(Str)));
        Add(["date_add", "dateadd", "date_sub", "add_months"], A(C(Date), C(Int)), A(C(Ts), C(Int)));
        Add(["datediff", "date_diff"], A(C(Date), C(Date)), A(C(Ts), C(Date)));
        Add(["make_ym_interval"], A(), A(C(Int)), A(C(Int), C(Int)));
        Add(["unix_seconds", "unix_millis", "unix_micros"], A(C(Ts)), A(C(Ntz)));
        Add(["current_date", "curdate", "current_timestamp", "now"], A());
        Add(["to_date"], A(C(Str)), A(C(Str), L("yyyy-MM-dd")));
        Add(["to_timestamp"], A(C(Str)), A(C(Str), L("yyyy-MM-dd HH:mm:ss")));
        Add(["date_format"], A(C(Ts), L("yyyy-MM-dd")), A(C(Date), L("yyyy")));
        Add(["date_trunc"], A(L("MONTH"), C(Ts)), A(L("HOUR"), C(Ntz)), A(L("bogus"), C(Ts)));
        Add(["trunc"], A(C(Date), L("MM")), A(C(Ts), L("year")), A(C(Date), L("bogus")));
        Add(["date_part", "datepart", "extract"], A(L("YEAR"), C(Date)), A(L("SECOND"), C(Ts)), A(L("dow"), C(Ntz)),
            A(L("DAY"), C(DayTime)), A(L("HOUR"), C(DayTime)), A(L("SECOND"), C(DayTime)), A(L("MONTH"), C(YearMonth)), A(L("YEAR"), C(YearMonth)));

        // Aggregates (each case runs grouped and windowed).
        Add(["count"], A(TypedArg.Star), A(L(1)), A(C(Int)), A(C(Int), C(Str)));
        Add(["count_if"], A(C(Bool)));
        Add(["sum"], A(C(Str)), A(C(YearMonth)), A(C(SparkTypes.Null)), A(C(Int)), A(C(Long)), A(C(Tiny)), A(C(Dec(10, 2))), A(C(Dec(35, 2))), A(C(Dbl)), A(C(Flt)), A(C(DayTime)));
        Add(["avg", "mean"], A(C(Str)), A(C(Int)), A(C(Dec(10, 2))), A(C(Dec(36, 36))), A(C(Dbl)));
        Add(["min", "max"], A(C(Int)), A(C(Str)), A(C(Dec(5, 2))), A(C(Date)));
        Add(["bool_or", "any", "some", "bool_and", "every"], A(C(Bool)));
        Add(["stddev", "std", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop"], A(C(Dbl)), A(C(Int)), A(C(Dec(5, 2))));
        Add(["corr"], A(C(Dbl), C(Dbl)), A(C(Int), C(Long)));
        Add(["collect_list", "array_agg", "collect_set"], A(C(Int)), A(C(Str)));
        Add(["first", "first_value", "any_value", "last", "last_value"], A(C(Int)), A(C(Str), L(true)));
        Add(["approx_count_distinct"], A(C(Int)), A(C(Str)));
        Add(["histogram_numeric"], A(C(Int), L(3)), A(C(Dec(5, 2)), L(3)), A(C(Dbl), L(2)), A(C(Date), L(2)), A(C(Ts), L(2)),
            A(C(YearMonth), L(2)), A(C(DayTime), L(2)));
        Add(["max_by", "min_by"], A(C(Str), C(Int)), A(C(Dec(5, 2)), C(Date)));
        Add(["percentile_approx", "approx_percentile"], A(C(Int), L(1)), A(C(Dec(5, 2)), L(0)), A(C(Date), L(1), L(100)));

        // Window functions.
        Add(["row_number", "rank", "dense_rank", "percent_rank", "cume_dist"], A());
        Add(["ntile"], A(L(2)));
        Add(["lag", "lead"], A(C(Int)), A(C(Int), L(2)), A(C(Str), L(1), C(Str)), A(C(Int), L(1), C(Int), L(true)));
        Add(["nth_value"], A(C(Int), L(2)), A(C(Str), L(1), L(true)));

        // Hashes, digests and base64.
        Add(["hash", "xxhash64"], A(C(Str)), A(C(Int), C(Long), C(Bool), C(Tiny)), A(C(Flt), C(Dbl), C(Date), C(Ts), C(Ntz)),
            A(C(Dec(10, 2)), C(Dec(30, 5)), C(Bin)), A(C(Arr(Str)), C(Struct(("a", Int), ("b", Arr(Dbl))))), A(C(SparkTypes.Null)));
        Add(["md5", "sha1", "sha", "crc32", "base64"], A(C(Str)), A(C(Bin)));
        Add(["sha2"], A(C(Str), L(256)), A(C(Bin), C(Int)));
        Add(["unbase64"], A(C(Str)));
        Add(["to_binary", "try_to_binary"], A(C(Str)), A(C(Str), L("utf-8")), A(C(Str), L("base64")));
        Add(["encode"], A(C(Str), L("utf-8")));
        Add(["from_json"], A(C(Str), L("a INT, b STRING")), A(C(Str), L("array<struct<a:bigint>>")), A(C(Str), L("map<string,double>")));
        Add(["schema_of_json"], A(L("{\"a\": [1]}")));
        Add(["to_json"], A(C(Struct(("a", Int), ("b", Arr(Str))))), A(C(Map(Str, Int))), A(C(Arr(Date))));
        Add(["to_number", "try_to_number"], A(C(Str), L("000")), A(C(Str), L("S00,000.99MI")));
        Add(["decode"], A(C(Bin), L("utf-8")), A(C(Int), C(Int), C(Str), C(Str)), A(C(Str), C(Str), C(Dbl)));

        // Structs, more text functions, try_* arithmetic.
        Add(["struct"], A(C(Int)), A(C(Arr(Str))));
        Add(["soundex"], A(C(Str)), A(C(Int)));
        Add(["levenshtein"], A(C(Str), C(Str)), A(C(Str), C(Str), C(Int)));
        Add(["translate"], A(C(Str), C(Str), C(Str)));
        Add(["overlay"], A(C(Str), C(Str), C(Int)), A(C(Str), C(Str), C(Int), C(Int)));
        Add(["split_part", "substring_index"], A(C(Str), C(Str), C(Int)));
        Add(["find_in_set"], A(C(Str), C(Str)));
        Add(["elt"], A(C(Int), C(Str), C(Str)), A(C(Int), C(Str), C(Int)), A(C(Int), C(Bin), C(Bin)));
        Add(["try_add", "try_subtract"], A(C(Int), C(Int)), A(C(Int), C(Long)), A(C(Dec(10, 2)), C(Int)), A(C(Dbl), C(Int)), A(C(Date), C(Int)));
        Add(["try_multiply"], A(C(Int), C(Int)), A(C(Dec(10, 2)), C(Dec(5, 3))));
        Add(["try_divide"], A(C(Int), C(Int)), A(C(Dec(10, 2)), C(Int)), A(C(Dbl), C(Dbl)));
        Add(["try_mod"], A(C(Int), C(Int)), A(C(Long), C(Int)));
        Add(["try_to_date"], A(C(Str)), A(C(Str), L("yyyy-MM-dd")));
        Add(["try_to_timestamp"], A(C(Str)), A(C(Str), L("yyyy-MM-dd HH:mm:ss")));

        // Arrays and maps built and edited.
        Add(["array_append", "array_prepend", "array_remove"], A(C(Arr(Int)), C(Int)), A(C(Arr(Int)), C(Long)), A(C(Arr(Str)), C(Str)));
        Add(["array_compact"], A(C(Arr(Arr(Int)))));
        Add(["array_repeat"], A(C(Str), C(Int)), A(C(Arr(Int)), L(2)));
        Add(["arrays_overlap"], A(C(Arr(Int)), C(Arr(Long))));
        Add(["map"], A(), A(C(Int), C(Str)), A(C(Int), C(Str), C(Long), C(Str)));
        Add(["map_from_arrays"], A(C(Arr(Int)), C(Arr(Str))));
        Add(["map_from_entries"], A(C(Arr(Struct(("k", Int), ("v", Str))))));
        Add(["str_to_map"], A(C(Str)), A(C(Str), L(";"), L("=")));
        Add(["unix_timestamp"], A(), A(C(Str)), A(C(Str), L("yyyy-MM-dd")), A(C(Ts)), A(C(Date)));
        Add(["to_unix_timestamp"], A(C(Str)), A(C(Ntz)));
        Add(["from_unixtime"], A(C(Long)), A(C(Int), L("yyyy")));
        Add(["percentile"], A(C(Int), L(1)), A(C(Dec(5, 2)), L(0)), A(C(Dbl), L(1)));
        Add(["median"], A(C(Int)), A(C(Dbl)), A(C(Dec(5, 2))));
        Add(["mode"], A(C(Int)), A(C(Str), L(true)));
        Add(["percentile_disc"], A(C(Int), L(1), L(false)), A(C(Dec(5, 2)), L(0), L(true)), A(C(Dbl), L(1), L(false)));
        Add(["chr", "char"], A(C(Int)), A(C(Long)), A(C(Dbl)), A(C(Dec(5, 2))));
        Add(["sequence"], A(C(Int), C(Int)), A(C(Int), C(Long), L(2)), A(C(Small), C(Tiny)));
        Add(["window"], A(C(Ts), L("10 minutes")), A(C(Ntz), L("1 hour"), L("1 hour"), L("5 minutes")));
        Add(["rand", "random", "randn"], A(), A(L(42)));
        Add(["get_json_object"], A(C(Str), L("$.a")));
        Add(["format_string", "printf"], A(L("%s %d"), C(Str), C(Int)), A(L("%.2f"), C(Dbl)), A(L("plain")));
        Add(["map_concat"], A(C(Map(Str, Int)), C(Map(Str, Int))), A(C(Map(Str, Int))));
        Add(["bit_count"], A(C(Int)), A(C(Tiny)), A(C(Bool)));
        Add(["bit_get", "getbit"], A(C(Int), C(Int)), A(C(Long), L(3)));
        Add(["shiftleft", "shiftright", "shiftrightunsigned"], A(C(Int), C(Int)), A(C(Long), C(Int)), A(C(Tiny), L(1)));
        Add(["date_from_unix_date"], A(C(Int)));
        Add(["unix_date"], A(C(Date)), A(C(Str)));
        Add(["timestamp_seconds"], A(C(Long)), A(C(Dbl)), A(C(Dec(10, 3))));
        Add(["timestamp_millis", "timestamp_micros"], A(C(Long)), A(C(Int)));
        Add(["make_date"], A(C(Int), C(Int), C(Int)));
        Add(["next_day"], A(C(Date), L("Mon")), A(C(Str), C(Str)), A(C(Ts), L("fri")));
        Add(["make_timestamp", "make_timestamp_ltz"], A(C(Int), C(Int), C(Int), C(Int), C(Int), C(Dbl)), A(C(Int), C(Int), C(Int), C(Int), C(Int), L(1), L("UTC")));
        Add(["make_timestamp_ntz"], A(C(Int), C(Int), C(Int), C(Int), C(Int), C(Int)));
        Add(["localtimestamp"], A());
        Add(["date"], A(C(Str)), A(C(Ts)));
        Add(["timestamp"], A(C(Str)), A(C(Date)));
        Add(["timestampadd"], A(L("HOUR"), C(Int), C(Ts)), A(L("MONTH"), C(Long), C(Date)), A(L("DAY"), C(Int), C(Ts)));
        Add(["timestampdiff"], A(L("HOUR"), C(Ts), C(Ts)), A(L("QUARTER"), C(Date), C(Ts)), A(L("MICROSECOND"), C(Ts), C(Date)));
        Add(["nanvl"], A(C(Dbl), C(Int)), A(C(Flt), C(Flt)));
        Add(["nullifzero"], A(C(Int)), A(C(Dec(5, 2))));
        Add(["zeroifnull"], A(C(Tiny)), A(C(Long)), A(C(Dbl)));
        Add(["width_bucket"], A(C(Dbl), C(Dbl), C(Dbl), C(Int)), A(C(Int), C(Dec(5, 2)), C(Long), C(Long)));
        Add(["covar_pop", "covar_samp", "regr_avgx", "regr_avgy", "regr_slope", "regr_intercept", "regr_r2", "regr_sxx", "regr_sxy", "regr_syy", "regr_count"],
            A(C(Dbl), C(Dbl)), A(C(Int), C(Long)));
        Add(["kurtosis", "skewness"], A(C(Dbl)), A(C(Int)));
        Add(["try_sum"], A(C(Int)), A(C(Dec(5, 2))), A(C(Dbl)));
        Add(["try_avg"], A(C(Int)), A(C(Dec(5, 2))));
        Add(["json_array_length", "json_object_keys"], A(C(Str)));
        Add(["uuid"], A());
        Add(["acosh", "asinh", "atanh", "csc", "sec", "expm1", "log1p", "rint"], A(C(Dbl)), A(C(Int)), A(C(Dec(5, 2))));
        Add(["hypot"], A(C(Dbl), C(Int)));
        Add(["factorial"], A(C(Int)), A(C(Tiny)));
        Add(["pmod"], A(C(Int), C(Int)), A(C(Long), C(Int)), A(C(Dec(5, 2)), C(Int)), A(C(Dbl), C(Dbl)));
        Add(["bit_and", "bit_or", "bit_xor"], A(C(Int)), A(C(Long)), A(C(Tiny)));
        Add(["product"], A(C(Int)), A(C(Dbl)));
        Add(["current_catalog", "current_database", "current_schema", "current_timezone", "version", "spark_partition_id"], A());
        Add(["typeof"], A(C(Int)), A(C(Str)));
        Add(["nvl2"], A(C(Str), C(Int), C(Long)), A(C(Int), C(Str), C(Str)));
        Add(["assert_true"], A(C(Bool)), A(C(Bool), C(Str)));
        Add(["url_encode", "url_decode", "try_url_decode"], A(C(Str)));
        Add(["parse_url", "try_parse_url"], A(C(Str), L("HOST")), A(C(Str), L("QUERY"), L("a")));
        Add(["conv"], A(C(Str), L(10), L(16)), A(C(Long), L(10), L(2)));
        Add(["bin"], A(C(Long)), A(C(Int)));
        Add(["hex"], A(C(Long)), A(C(Str)), A(C(Bin)));
        Add(["unhex"], A(C(Str)));
        Add(["last_day"], A(C(Date)), A(C(Str)));
        Add(["make_dt_interval"], A(C(Int), C(Int), C(Int), C(Dec(18, 6))), A(C(Int)), A());
        Add(["regexp_count", "regexp_substr"], A(C(Str), L("[a-z]+")));
        Add(["regexp_instr"], A(C(Str), L("[a-z]+")), A(C(Str), L("a"), L(0)));
        Add(["format_number"], A(C(Dec(10, 2)), L(2)), A(C(Dbl), L(2)), A(C(Int), L("#.##")), A(C(Flt), L("0.0")));
        Add(["to_char", "to_varchar"], A(C(Dec(5, 2)), L("999.99")), A(C(Int), L("999")), A(C(Dbl), L("9.9")), A(C(Date), L("yyyy")), A(C(Ts), L("yyyy")));
        Add(["mask"], A(C(Str)), A(C(Str), L("Q"), L("q")));
        Add(["luhn_check"], A(C(Str)), A(C(Long)));
        Add(["from_utc_timestamp", "to_utc_timestamp"], A(C(Ts), L("Asia/Seoul")), A(C(Date), L("+05:30")), A(C(Str), C(Str)));
        Add(["convert_timezone"], A(L("Europe/Brussels"), L("UTC"), C(Ntz)), A(L("-08:00"), C(Ts)), A(C(Str), C(Str), C(Date)));
        Add(["to_timestamp_ntz"], A(C(Str)), A(C(Str), L("yyyy-MM-dd")), A(C(Ts)), A(C(Date)));
        Add(["to_timestamp_ltz"], A(C(Str)), A(C(Str), L("yyyy-MM-dd")));
        Add(["current_user", "user", "session_user"], A());
        Add(["make_interval", "try_make_interval"], A(), A(C(Int), C(Int)), A(C(Int), C(Int), C(Int), C(Int), C(Int), C(Int), C(Dec(18, 6))), A(C(Long), C(Str)));
        Add(["months_between"], A(C(Ts), C(Ts)), A(C(Date), C(Ts), L(false)), A(C(Str), C(Date), C(Bool)));
        Add(["regexp_extract_all"], A(C(Str), L("([a-z])(\\d)")), A(C(Str), L("(\\d+)"), L(1)));
        Add(["array_insert"], A(C(Arr(Int)), C(Int), C(Int)), A(C(Arr(Int)), L(1), C(Long)));
        return cases;
    }
}
