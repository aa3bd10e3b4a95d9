namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>make_dt_interval([days[, hours[, mins[, secs]]]])</c>: an <c>interval day to second</c> from its parts, missing ones
/// 0, seconds as decimal(18,6) (microseconds), null when any part is; a sum past the interval's range raises DuckDB's
/// overflow, which is Spark's ARITHMETIC_OVERFLOW.
/// </summary>
internal static class IntervalBuilders
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry) =>
        registry.Scalar(MakeDayTimeInterval, c => c.RequireAll(SparkTypes.CastsToNumber, ResultRules.NumericType).Strict(SparkTypes.DayTimeInterval()), "make_dt_interval");

    private static string MakeDayTimeInterval(FunctionCall call)
    {
        call.ExpectBetween(0, 4);
        string Part(int index) => index < call.Count ? call[index] : "0";
        return $"(to_days(CAST({Part(0)} AS INTEGER)) + to_hours(CAST({Part(1)} AS BIGINT)) + to_minutes(CAST({Part(2)} AS BIGINT)) " +
               // Seconds are Spark's decimal(18,6), widened before scaling: 10^12 seconds and more are microseconds past DECIMAL(18).
               $"+ to_microseconds(CAST(CAST(CAST({Part(3)} AS DECIMAL(18,6)) AS DECIMAL(38,6)) * 1000000 AS BIGINT)))";
    }
}
