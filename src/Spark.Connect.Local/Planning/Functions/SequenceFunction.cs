namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>sequence(start, stop[, step])</c> over integral numbers: start, start + step, … up to stop inclusive, an array of
/// the three arguments' wider integral type (no null elements), null when an argument is null; the step defaults to 1,
/// or −1 when start &gt; stop. A step of 0 with start = stop is <c>[start]</c>. A step that never reaches stop (0, or the
/// wrong sign) fails as Spark's <c>require</c> does, with its text "requirement failed: Illegal sequence boundaries: 1 to
/// 3 by 0"; Spark gives that IllegalArgumentException no error class, so the engine raises it under
/// INVALID_PARAMETER_VALUE (22023), the condition Spark uses for an argument value a function cannot take. More than
/// Spark's array limit of 2147483632 elements is COLLECTION_SIZE_LIMIT_EXCEEDED.PARAMETER, as Spark. Date and timestamp
/// sequences are not implemented (UNSUPPORTED_FEATURE); other types are DATATYPE_MISMATCH.SEQUENCE_WRONG_INPUT_TYPES.
/// </summary>
internal static class SequenceFunction
{
    private const long MaxArrayLength = int.MaxValue - 15;

    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry) => registry.Scalar(Render, ResultType, "sequence");

    private static FunctionResult ResultType(TypedCall call)
    {
        var element = call.CommonType(Enumerable.Range(0, call.Count));
        return call.Strict(SparkTypes.ArrayOf(SparkTypes.IsNull(element) ? SparkTypes.Integer : element, containsNull: false));
    }

    private static string Render(FunctionCall call)
    {
        call.ExpectBetween(2, 3);
        var types = Enumerable.Range(0, call.Count).Select(call.SparkTypeOf).ToList();
        if (types.Take(2).Any(t => t is not null && SparkTypes.IsDatetime(t)))
            throw LocalEngineException.Unsupported("sequence over dates or timestamps", "Build the integral sequence and add it to the start: transform(sequence(0, n), i -> date_add(start, i)).");
        if (types.Any(t => t is not null && !SparkTypes.IsIntegral(t) && !SparkTypes.IsNull(t)))
            throw WrongInputTypes(call, types);
        var (start, stop) = (Long(call[0]), Long(call[1]));
        var step = call.Count == 3 ? Long(call[2]) : $"(CASE WHEN {start} <= {stop} THEN 1 ELSE -1 END)";
        var element = call.CommonSparkType(Enumerable.Range(0, call.Count)) is { } common && !SparkTypes.IsNull(common) ? common : SparkTypes.Integer;
        var length = $"((CAST({stop} AS HUGEINT) - {start}) // {step} + 1)";
        var series = $"CAST(generate_series({start}, {stop}, {step}) AS {DuckDbTypeNames.FromSpark(element)}[])";
        return "(CASE " +
               $"WHEN NOT (({step} > 0 AND {start} <= {stop}) OR ({step} < 0 AND {start} >= {stop}) OR ({step} = 0 AND {start} = {stop})) THEN " +
               SparkRuntimeErrors.RaiseWithValues("INVALID_PARAMETER_VALUE", "requirement failed: Illegal sequence boundaries: ", start, " to ", stop, " by ", step, "") +
               $" WHEN {step} = 0 THEN [CAST({start} AS {DuckDbTypeNames.FromSpark(element)})]" +
               $" WHEN {length} > {MaxArrayLength} THEN " +
               SparkRuntimeErrors.RaiseWithValues("COLLECTION_SIZE_LIMIT_EXCEEDED.PARAMETER", "Can't create array with ", length,
                   $" elements which exceeding the array size limit {MaxArrayLength}, the value of parameter(s) `count` in the function `sequence` is invalid.") +
               $" ELSE {series} END)";
    }

    private static string Long(string sql) => $"CAST({sql} AS BIGINT)";

    private static LocalEngineException WrongInputTypes(FunctionCall call, IReadOnlyList<DataType?> types)
    {
        var shown = string.Join(", ", types.Select(t => t is null ? "\"VOID\"" : $"\"{SparkTypes.Name(t)}\""));
        return new LocalEngineException("DATATYPE_MISMATCH.SEQUENCE_WRONG_INPUT_TYPES", "42K09",
            $"Cannot resolve \"{call.Name}\" due to data type mismatch: `sequence` uses the wrong parameter type [{shown}]. The start and stop " +
            "expressions must resolve to the same integral, date or timestamp type, and the step to the same integral type for integral bounds " +
            "or to an interval for dates and timestamps.",
            new Dictionary<string, string> { ["functionName"] = "`sequence`" });
    }
}
