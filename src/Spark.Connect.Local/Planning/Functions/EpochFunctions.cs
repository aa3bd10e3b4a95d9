namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's conversions between dates or timestamps and counts since the epoch: <c>date_from_unix_date</c>,
/// <c>unix_date</c>, <c>timestamp_seconds</c>/<c>_millis</c>/<c>_micros</c>, and <c>make_date</c>. Timestamps are
/// instants (TIMESTAMPTZ); a count that does not fit raises ARITHMETIC_OVERFLOW (ANSI) through DuckDB's overflow check.
/// </summary>
internal static class EpochFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => $"(DATE '1970-01-01' + CAST({c.Expect(1)[0]} AS INTEGER))",
            c => c.RequireAll(IntegralOrNull, "\"INT\"").Strict(SparkTypes.Date), "date_from_unix_date");
        registry.Scalar(c => $"CAST(CAST({c.Expect(1)[0]} AS DATE) - DATE '1970-01-01' AS INTEGER)",
            c => c.RequireAll(t => t.KindCase == DataType.KindOneofCase.Date || SparkTypes.IsString(t) || SparkTypes.IsNull(t), ResultRules.DateType).Strict(SparkTypes.Integer),
            "unix_date");
        registry.Scalar(Seconds, c => c.RequireAll(SparkTypes.CastsToNumber, ResultRules.NumericType).Strict(SparkTypes.Timestamp), "timestamp_seconds");
        registry.Scalar(c => $"make_timestamptz(CAST({c.Expect(1)[0]} AS BIGINT) * 1000)", IntegralTimestamp, "timestamp_millis");
        registry.Scalar(c => $"make_timestamptz(CAST({c.Expect(1)[0]} AS BIGINT))", IntegralTimestamp, "timestamp_micros");
        registry.Scalar(MakeDate, c => c.RequireAll(IntegralOrNull, "\"INT\"").Strict(SparkTypes.Date), "make_date");
    }

    private static bool IntegralOrNull(DataType type) => SparkTypes.IsIntegral(type) || SparkTypes.IsNull(type);

    private static FunctionResult IntegralTimestamp(TypedCall call) => call.RequireAll(IntegralOrNull, ResultRules.IntegralType).Strict(SparkTypes.Timestamp);

    /// <summary>Whole seconds exactly; fractions as microseconds truncated toward zero (Spark's <c>toLong</c> of seconds × 10⁶).</summary>
    private static string Seconds(FunctionCall call)
    {
        call.Expect(1);
        var type = call.SparkTypeOf(0);
        return type is not null && (SparkTypes.IsIntegral(type) || SparkTypes.IsNull(type))
            ? $"make_timestamptz(CAST({call[0]} AS BIGINT) * 1000000)"
            : $"make_timestamptz(CAST(trunc({call[0]} * 1000000) AS BIGINT))";
    }

    /// <summary>
    /// <c>make_date(year, month, day)</c>; a field outside its range (month 13, February 30) raises ANSI Spark's
    /// DATETIME_FIELD_OUT_OF_BOUNDS with the three fields (DuckDB's own make_date would raise its own error or roll over).
    /// </summary>
    private static string MakeDate(FunctionCall call)
    {
        call.Expect(3);
        var (y, m, d) = ($"CAST({call[0]} AS BIGINT)", $"CAST({call[1]} AS BIGINT)", $"CAST({call[2]} AS BIGINT)");
        var error = SparkRuntimeErrors.RaiseWithValues("DATETIME_FIELD_OUT_OF_BOUNDS",
            "Invalid date: year ", y, ", month ", m, ", day ", d, ". If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.");
        // The month is clamped inside last_day so the check itself cannot fail (DuckDB may evaluate both sides of AND).
        var valid = $"{m} BETWEEN 1 AND 12 AND {d} >= 1 AND {d} <= day(last_day(make_date({y}, least(greatest({m}, 1), 12), 1)))";
        return $"(CASE WHEN {y} IS NULL OR {m} IS NULL OR {d} IS NULL THEN CAST(NULL AS DATE) WHEN {valid} THEN make_date({y}, {m}, {d}) ELSE {error} END)";
    }
}
