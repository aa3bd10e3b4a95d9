namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Calendar functions: <c>next_day</c>, <c>make_timestamp</c>/<c>make_timestamp_ltz</c>/<c>make_timestamp_ntz</c>,
/// <c>localtimestamp</c>, and the cast functions <c>date(x)</c>/<c>timestamp(x)</c>. ANSI errors as Spark raises them:
/// an unknown day name is ILLEGAL_DAY_OF_WEEK, a field outside its range DATETIME_FIELD_OUT_OF_BOUNDS, 60 seconds with a
/// fraction INVALID_FRACTION_OF_SECOND.
/// </summary>
internal static class CalendarFunctions
{
    // Spark's day names (DateTimeUtils.getDayOfWeekFromString), upper-cased; DuckDB counts Sunday as 0.
    private static readonly (string[] Names, int Day)[] DayNames =
    [
        (["SU", "SUN", "SUNDAY"], 0), (["MO", "MON", "MONDAY"], 1), (["TU", "TUE", "TUESDAY"], 2), (["WE", "WED", "WEDNESDAY"], 3),
        (["TH", "THU", "THURSDAY"], 4), (["FR", "FRI", "FRIDAY"], 5), (["SA", "SAT", "SATURDAY"], 6),
    ];

    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(NextDay, c => c.Require(0, SparkTypes.CastsToDatetime, ResultRules.DateType).Require(1, SparkTypes.CastsToString, ResultRules.StringType)
            .Strict(SparkTypes.Date), "next_day");
        registry.Scalar(c => MakeTimestamp(c, ntz: false), c => MakeTimestampType(c, SparkTypes.Timestamp), "make_timestamp", "make_timestamp_ltz");
        registry.Scalar(c => MakeTimestamp(c, ntz: true), c => MakeTimestampType(c, SparkTypes.TimestampNtz), "make_timestamp_ntz");
        // The last day of the date's month (a timestamp is read in the session zone first, as Spark's implicit cast does).
        registry.Scalar(c => $"last_day({DateTimeFunctions.AsDate(c.Expect(1), 0)})", ResultRules.Strict(() => SparkTypes.Date, SparkTypes.CastsToDatetime, ResultRules.DateType), "last_day");
        registry.Scalar(c => c.WithoutArguments("CAST(current_timestamp AS TIMESTAMP)"), ResultRules.NeverNull(() => SparkTypes.TimestampNtz), "localtimestamp");
        registry.Scalar(c => DateTimeFunctions.AsDate(c.Expect(1), 0), ResultRules.Strict(() => SparkTypes.Date, SparkTypes.CastsToDatetime, ResultRules.DateType), "date");
        registry.Scalar(c => DateTimeFunctions.AsTimestamp(c.Expect(1), 0), ResultRules.Strict(() => SparkTypes.Timestamp, SparkTypes.CastsToDatetime, ResultRules.TimestampType), "timestamp");
    }

    /// <summary><c>next_day(date, dayOfWeek)</c>: the first later date on that day; an unknown name raises (ANSI).</summary>
    private static string NextDay(FunctionCall call)
    {
        call.Expect(2);
        var cases = string.Join(" ", DayNames.SelectMany(d => d.Names.Select(n => $"WHEN '{n}' THEN {d.Day}")));
        var error = SparkRuntimeErrors.RaiseWithValues("ILLEGAL_DAY_OF_WEEK", "Illegal input for day of week: ", "\"__n\".w", ".");
        var target = $"(CASE upper(\"__n\".w) {cases} ELSE CAST({error} AS INTEGER) END)";
        var body = $"CASE WHEN \"__n\".d IS NULL OR \"__n\".w IS NULL THEN CAST(NULL AS DATE) " +
            $"ELSE CAST(\"__n\".d + CAST(({target} - dayofweek(\"__n\".d) + 6) % 7 + 1 AS INTEGER) AS DATE) END";
        return ArrayFunctions.Let($"{{'d': {DateTimeFunctions.AsDate(call, 0)}, 'w': CAST({call[1]} AS VARCHAR)}}", "\"__n\"", body);
    }

    private static FunctionResult MakeTimestampType(TypedCall call, DataType type)
    {
        call.RequireAll(t => SparkTypes.IsNumeric(t) || SparkTypes.IsNull(t) || SparkTypes.IsString(t), ResultRules.NumericType);
        return call.Strict(type);
    }

    /// <summary>
    /// The local date-time of the fields (seconds as decimal(16,6), 60 meaning the next minute), in the session zone, the
    /// given zone, or none (ntz); each field is checked as Java's LocalDateTime.of checks it.
    /// </summary>
    private static string MakeTimestamp(FunctionCall call, bool ntz)
    {
        call.ExpectBetween(6, ntz ? 6 : 7);
        var f = Enumerable.Range(0, 5).Select(i => $"CAST({call[i]} AS BIGINT)").ToArray();
        var fields = $"{{'y': {f[0]}, 'mo': {f[1]}, 'd': {f[2]}, 'h': {f[3]}, 'mi': {f[4]}, 's': CAST({call[5]} AS DECIMAL(16,6))}}";
        string Field(string name) => $"\"__t\".{name}";
        string OutOfRange(string javaField, string range, string value) =>
            SparkRuntimeErrors.RaiseWithValues("DATETIME_FIELD_OUT_OF_BOUNDS", $"Invalid value for {javaField} (valid values {range}): ", value,
                ". If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
        var whole = $"CAST(floor({Field("s")}) AS BIGINT)";
        var micros = $"CAST(({Field("s")} - floor({Field("s")})) * 1000000 AS BIGINT)";
        var monthStart = $"make_date({Field("y")}, least(greatest({Field("mo")}, 1), 12), 1)";
        var local = $"(make_timestamp({Field("y")}, {Field("mo")}, {Field("d")}, {Field("h")}, {Field("mi")}, 0) + to_microseconds({whole} * 1000000 + {micros}))";
        var checkedLocal = $"CASE WHEN {Field("mo")} NOT BETWEEN 1 AND 12 THEN {OutOfRange("MonthOfYear", "1 - 12", Field("mo"))} " +
            $"WHEN {Field("d")} NOT BETWEEN 1 AND day(last_day({monthStart})) THEN {OutOfRange("DayOfMonth", "1 - 28/31", Field("d"))} " +
            $"WHEN {Field("h")} NOT BETWEEN 0 AND 23 THEN {OutOfRange("HourOfDay", "0 - 23", Field("h"))} " +
            $"WHEN {Field("mi")} NOT BETWEEN 0 AND 59 THEN {OutOfRange("MinuteOfHour", "0 - 59", Field("mi"))} " +
            $"WHEN {whole} = 60 AND {micros} <> 0 THEN {SparkRuntimeErrors.RaiseWithValues("INVALID_FRACTION_OF_SECOND", "The fraction of sec must be zero. Valid range is [0, 60]. Got ", Field("s"), ".")} " +
            $"WHEN {whole} NOT BETWEEN 0 AND 60 THEN {OutOfRange("SecondOfMinute", "0 - 59", whole)} " +
            $"ELSE {local} END";
        var nullCheck = $"{Field("y")} IS NULL OR {Field("mo")} IS NULL OR {Field("d")} IS NULL OR {Field("h")} IS NULL OR {Field("mi")} IS NULL OR {Field("s")} IS NULL";
        var result = ntz ? checkedLocal
            : call.Count == 7 ? $"timezone(CAST({call[6]} AS VARCHAR), {checkedLocal})"
            : $"CAST({checkedLocal} AS TIMESTAMP WITH TIME ZONE)";
        var type = ntz ? "TIMESTAMP" : "TIMESTAMP WITH TIME ZONE";
        return ArrayFunctions.Let(fields, "\"__t\"", $"CASE WHEN {nullCheck}{(call.Count == 7 ? $" OR {call[6]} IS NULL" : "")} THEN CAST(NULL AS {type}) ELSE {result} END");
    }
}
