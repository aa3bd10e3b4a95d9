namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's higher-order array functions as DuckDB list lambdas (<c>lambda x: …</c>; DuckDB 1.3+ deprecates the
/// <c>x -&gt; …</c> arrow). The resolver has typed the lambda variables and rendered each lambda's parameters and
/// body apart (<see cref="LambdaSql"/>), so a renderer can wrap the body where Spark's semantics differ from DuckDB's.
/// </summary>
internal static partial class HigherOrderFunctions
{
    /// <summary>The field of the reduction's struct that holds <c>aggregate</c>'s accumulator.</summary>
    public const string AccumulatorField = "acc";

    /// <summary>The field of the reduction's struct that holds the array element.</summary>
    public const string ElementField = "x";

    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => $"list_transform({c.Expect(2)[0]}, {Lambda(c, 1).Text})", HigherOrderTypes.Transform, "transform");
        // Spark keeps an element only where the predicate is true (null drops it), as DuckDB's list_filter does.
        registry.Scalar(c => $"list_filter({c.Expect(2)[0]}, {Lambda(c, 1).Text})", HigherOrderTypes.Filter, "filter");
        registry.Scalar(c => ThreeValued(c, whenTrue: 2, whenFalse: 0), HigherOrderTypes.Predicate, "exists");
        registry.Scalar(c => ThreeValued(c, whenTrue: 0, whenFalse: 2), HigherOrderTypes.Predicate, "forall");
        registry.Scalar(Aggregate, HigherOrderTypes.Aggregate, "aggregate", "reduce");
    }

    /// <summary>The lambda at <paramref name="index"/>, or Spark's type error when the argument is a plain value.</summary>
    internal static LambdaSql Lambda(FunctionCall call, int index) =>
        call.Arguments[index].Lambda ?? throw new LocalEngineException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "42K09",
            $"Cannot resolve `{call.Name}` due to data type mismatch: argument {index + 1} requires a lambda function.",
            new Dictionary<string, string> { ["functionName"] = $"`{call.Name}`", ["requiredType"] = "lambda function" });

    /// <summary>
    /// <c>exists</c> / <c>forall</c> with Spark's three-valued result: <c>exists</c> is true when some element
    /// passes, else null when the predicate was null for some element, else false (<c>forall</c> mirrors it).
    /// Each element is scored (the deciding answer 2, null 1, the other 0) and the highest score decides;
    /// <c>[0] ||</c> gives an empty array the neutral answer while a null array stays null.
    /// </summary>
    private static string ThreeValued(FunctionCall call, int whenTrue, int whenFalse)
    {
        call.Expect(2);
        var scored = Lambda(call, 1).WithBody(body => $"CASE ({body}) WHEN true THEN {whenTrue} WHEN false THEN {whenFalse} ELSE 1 END");
        var decided = whenTrue == 2 ? "true" : "false";
        var neutral = whenTrue == 2 ? "false" : "true";
        return $"(CASE list_max([0] || list_transform({call[0]}, {scored.Text})) WHEN 2 THEN {decided} WHEN 0 THEN {neutral} END)";
    }

    /// <summary>
    /// <c>aggregate(array, zero, merge[, finish])</c>. DuckDB's <c>list_reduce</c> needs the accumulator to have the
    /// elements' type, so it reduces (acc, x) structs: each element becomes <c>{acc: NULL, x: element}</c>, the merge
    /// lambda's variables read <c>acc</c> of the running struct and <c>x</c> of the next one, and its result (cast to
    /// the zero value's type, as Spark requires them equal) is the next accumulator. A null array gives null without
    /// running <c>finish</c>, as in Spark.
    /// </summary>
    private static string Aggregate(FunctionCall call)
    {
        call.ExpectBetween(3, 4);
        if (call.SparkTypeOf(0) is not { KindCase: DataType.KindOneofCase.Array } arrayType || call.SparkTypeOf(1) is not { } zeroType)
            throw FunctionErrors.UnexpectedInputType(call.Name, "array", "an array");
        var acc = DuckDbTypeNames.FromSpark(zeroType);
        var element = DuckDbTypeNames.FromSpark(arrayType.Array.ElementType);
        var merge = Lambda(call, 2);
        if (merge.Parameters.Count != 2)
            throw FunctionErrors.WrongNumArgs(call.Name + " merge function", "2", merge.Parameters.Count);
        // DuckDB 1.5's list_reduce reads a captured variable of an enclosing lambda from the wrong row once a vector holds
        // several rows (aggregate(z, 1, (acc, v) -> acc * size(z)) inside transform(zs, z -> …) gave another row's size),
        // so such a merge is refused rather than answered wrongly.
        if (CapturedLambdaVariable().Matches(merge.Body).Select(m => m.Value).FirstOrDefault(v => !merge.Parameters.Contains(v)) is not null)
            throw LocalEngineException.Unsupported($"the merge function of {call.Name.ToLowerInvariant()} reading a variable of an enclosing lambda",
                "Compute that value outside the merge, for example in the zero value, or aggregate outside the enclosing lambda.");
        string Pair(string accSql, string elementSql) =>
            $"{{'{AccumulatorField}': CAST({accSql} AS {acc}), '{ElementField}': CAST({elementSql} AS {element})}}";
        var reduced = $"list_reduce(list_transform({call[0]}, lambda \"__x\": {Pair("NULL", "\"__x\"")}), " +
            $"{merge.WithBody(body => Pair(ByPosition(body, zeroType), "NULL")).Text}, {Pair(call[1], "NULL")})";
        if (call.Count == 3)
            return $"({reduced}).{SqlIdentifiers.Quote(AccumulatorField)}";
        var finish = Lambda(call, 3);
        if (finish.Parameters.Count != 1)
            throw FunctionErrors.WrongNumArgs(call.Name + " finish function", "1", finish.Parameters.Count);
        // The finish variable reads the acc field of the reduction's struct, which is null only for a null array.
        var parameter = finish.Parameters[0];
        return $"list_transform([{reduced}], lambda {parameter}: CASE WHEN {parameter} IS NULL THEN NULL ELSE {finish.Body} END)[1]";
    }

    /// <summary>
    /// The merge result as the accumulator's struct: Spark only asks the two to match structurally (field names may
    /// differ: <c>(acc.sum + x, acc.n + 1)</c> is a struct of col1, col2), while DuckDB casts structs by field name, so
    /// the fields are rebuilt by position under the zero value's names.
    /// </summary>
    private static string ByPosition(string merged, DataType accumulator)
    {
        if (accumulator.KindCase != DataType.KindOneofCase.Struct)
            return merged;
        var fields = accumulator.Struct.Fields.Select((f, i) =>
            $"{SqlIdentifiers.Quote(f.Name)} := CAST(struct_extract_at(\"__m\", {(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}) AS {DuckDbTypeNames.FromSpark(f.DataType)})");
        return ArrayFunctions.Let(merged, "\"__m\"", $"CASE WHEN \"__m\" IS NULL THEN NULL ELSE struct_pack({string.Join(", ", fields)}) END");
    }

    // The planner names lambda variables "lvN" (ResolvedLambdaVariable.SqlName).
    [System.Text.RegularExpressions.GeneratedRegex("\"lv[0-9]+\"")]
    private static partial System.Text.RegularExpressions.Regex CapturedLambdaVariable();
}
