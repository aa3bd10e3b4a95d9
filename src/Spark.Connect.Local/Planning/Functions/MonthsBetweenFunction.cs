namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>months_between(t1, t2[, roundOff = true])</c> as Spark's DateTimeUtils computes it in the session zone: whole months
/// when both days of month are equal or both are their month's last day; otherwise the month difference plus the
/// difference in days and whole seconds since local midnight over a 31-day month, as a double, rounded to 8 places
/// (Java's <c>Math.round(x * 1e8) / 1e8</c>) when roundOff is true.
/// </summary>
internal static class MonthsBetweenFunction
{
    /// <summary>Adds the function to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry) =>
        registry.Scalar(Render, c => c.Require(0, SparkTypes.CastsToDatetime, ResultRules.TimestampType)
            .Require(1, SparkTypes.CastsToDatetime, ResultRules.TimestampType)
            .Require(2, SparkTypes.CastsToBoolean, ResultRules.BooleanType)
            .Strict(SparkTypes.Double), "months_between");

    private static string Render(FunctionCall call)
    {
        call.ExpectBetween(2, 3);
        const string first = "\"__mb1\"", second = "\"__mb2\"";
        var monthDiff = $"((year({Date(first)}) * 12 + month({Date(first)})) - (year({Date(second)}) * 12 + month({Date(second)})))";
        var wholeMonths = $"(day({Date(first)}) = day({Date(second)}) OR ({Date(first)} = last_day({Date(first)}) AND {Date(second)} = last_day({Date(second)})))";
        var secondsDiff = $"((day({Date(first)}) - day({Date(second)})) * 86400 + {SecondsInDay(first)} - {SecondsInDay(second)})";
        var exact = $"(CAST({monthDiff} AS DOUBLE) + CAST({secondsDiff} AS DOUBLE) / CAST(2678400 AS DOUBLE))";
        var rounded = $"(floor({exact} * CAST(100000000 AS DOUBLE) + 0.5) / CAST(100000000 AS DOUBLE))";
        var fraction = call.Count == 3 ? $"(CASE CAST({call[2]} AS BOOLEAN) WHEN true THEN {rounded} WHEN false THEN {exact} END)" : rounded;
        var body = $"CASE WHEN {wholeMonths} THEN CAST({monthDiff} AS DOUBLE) ELSE {fraction} END";
        if (call.Count == 3) body = $"CASE WHEN {call[2]} IS NULL THEN NULL ELSE {body} END";
        return ArrayFunctions.Let(DateTimeFunctions.AsTimestamp(call, 0), first,
            ArrayFunctions.Let(DateTimeFunctions.AsTimestamp(call, 1), second, body));
    }

    // The local date in the session zone, and the whole seconds since that day's first instant (Java's atStartOfDay).
    private static string Date(string instant) => $"CAST({instant} AS DATE)";

    private static string SecondsInDay(string instant) => $"((epoch_us({instant}) - epoch_us(CAST({Date(instant)} AS TIMESTAMP WITH TIME ZONE))) // 1000000)";
}
