namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>timestampadd(unit, n, ts)</c> and <c>timestampdiff(unit, start, end)</c> (the parser turns <c>dateadd</c>,
/// <c>date_add</c>, <c>datediff</c>, <c>date_diff</c> and <c>timediff</c> with a unit keyword into these). The unit is a
/// literal mapped to fixed SQL through an allow-list. As Spark: units below a day move the instant; DAY and WEEK move the
/// local date and MONTH, QUARTER, YEAR the local month (a month end is clamped), both in the session time zone; a
/// difference counts whole units between the two local date-times (<c>ChronoUnit.between</c>), truncated toward zero.
/// A timestamp_ntz input gives a timestamp_ntz; a date or string is read as a timestamp.
/// </summary>
internal static class TimestampArithmetic
{
    private static readonly Dictionary<string, long> MicrosPerUnit = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MICROSECOND"] = 1, ["MILLISECOND"] = 1_000, ["SECOND"] = 1_000_000, ["MINUTE"] = 60_000_000,
        ["HOUR"] = 3_600_000_000, ["DAY"] = 86_400_000_000, ["DAYOFYEAR"] = 86_400_000_000, ["WEEK"] = 604_800_000_000,
    };

    private static readonly Dictionary<string, int> MonthsPerUnit = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MONTH"] = 1, ["QUARTER"] = 3, ["YEAR"] = 12,
    };

    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(Add, AddType, "timestampadd");
        registry.Scalar(Diff, DiffType, "timestampdiff");
    }

    private static FunctionResult AddType(TypedCall call)
    {
        call.Require(1, t => SparkTypes.IsNumeric(t) || SparkTypes.IsNull(t), ResultRules.IntegralType)
            .Require(2, SparkTypes.CastsToDatetime, "\"TIMESTAMP\"");
        var type = call.Type(2).KindCase == DataType.KindOneofCase.TimestampNtz ? call.Type(2) : SparkTypes.Timestamp;
        return new FunctionResult(type, call.Nullable(1) || call.Nullable(2));
    }

    private static FunctionResult DiffType(TypedCall call)
    {
        call.Require(1, SparkTypes.CastsToDatetime, "\"TIMESTAMP\"").Require(2, SparkTypes.CastsToDatetime, "\"TIMESTAMP\"");
        return new FunctionResult(SparkTypes.Long, call.Nullable(1) || call.Nullable(2));
    }

    private static string Unit(FunctionCall call)
    {
        var unit = call.StringLiteral(0, "unit");
        if (unit is null || !(MicrosPerUnit.ContainsKey(unit) || MonthsPerUnit.ContainsKey(unit)))
            throw new LocalEngineException("INVALID_PARAMETER_VALUE.DATETIME_UNIT", "22023",
                $"The value of parameter(s) `unit` in `{call.Name}` is invalid: expects one of the units YEAR, QUARTER, MONTH, WEEK, DAY, " +
                $"DAYOFYEAR, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, but got '{unit}'.",
                new Dictionary<string, string> { ["functionName"] = $"`{call.Name}`", ["parameter"] = "`unit`", ["invalidValue"] = $"'{unit}'" });
        return unit;
    }

    /// <summary>The instant moved by n units: micro-units on the instant, days and months on the session zone's calendar.</summary>
    private static string Add(FunctionCall call)
    {
        call.Expect(3);
        var unit = Unit(call);
        var ntz = call.SparkTypeOf(2)?.KindCase == DataType.KindOneofCase.TimestampNtz;
        var source = ntz ? call[2] : DateTimeFunctions.AsTimestamp(call, 2);
        var amount = $"CAST({call[1]} AS BIGINT)";
        string interval;
        if (MonthsPerUnit.TryGetValue(unit, out var months))
            interval = $"to_months(CAST({amount} * {months} AS INTEGER))";
        else if (unit.ToUpperInvariant() is "DAY" or "DAYOFYEAR" or "WEEK")
            interval = $"to_days(CAST({amount} * {MicrosPerUnit[unit] / 86_400_000_000} AS INTEGER))";
        else
            interval = $"to_microseconds({amount} * {MicrosPerUnit[unit]})";
        return $"({source} + {interval})";
    }

    /// <summary>Whole units between the local date-times of start and end, toward zero.</summary>
    private static string Diff(FunctionCall call)
    {
        call.Expect(3);
        var unit = Unit(call);
        var (start, end) = (Local(call, 1), Local(call, 2));
        if (MonthsPerUnit.TryGetValue(unit, out var months))
        {
            // ChronoUnit.MONTHS.between: the month count, less one when the end's day and time of day fall short of the start's.
            var body = "(CASE WHEN \"__m\".m > 0 AND \"__m\".e < \"__m\".s THEN \"__m\".m - 1 WHEN \"__m\".m < 0 AND \"__m\".e > \"__m\".s THEN \"__m\".m + 1 ELSE \"__m\".m END)";
            var parts = $"{{'m': (year({end}) * 12 + month({end})) - (year({start}) * 12 + month({start})), " +
                $"'s': {DayAndTime(start)}, 'e': {DayAndTime(end)}}}";
            return TowardZero(ArrayFunctions.Let(parts, "\"__m\"", body), months);
        }
        var micros = $"(epoch_us({end}) - epoch_us({start}))";
        var per = MicrosPerUnit[unit];
        return per == 1 ? micros : TowardZero(micros, per);
    }

    /// <summary>An integer quotient truncated toward zero (Java's <c>/</c>), exact for any BIGINT.</summary>
    private static string TowardZero(string value, long divisor) =>
        $"CAST({ArrayFunctions.Let(value, "\"__q\"", $"CASE WHEN \"__q\" < 0 THEN -((-\"__q\") // {divisor}) ELSE \"__q\" // {divisor} END")} AS BIGINT)";

    /// <summary>The day of month and time of day as one comparable count of microseconds.</summary>
    private static string DayAndTime(string local) =>
        $"(day({local}) * 86400000000 + epoch_us({local}) - epoch_us(date_trunc('day', {local})))";

    /// <summary>The argument as a local date-time (TIMESTAMP) in the session time zone.</summary>
    private static string Local(FunctionCall call, int index) =>
        call.SparkTypeOf(index)?.KindCase == DataType.KindOneofCase.TimestampNtz
            ? call[index]
            : $"CAST({DateTimeFunctions.AsTimestamp(call, index)} AS TIMESTAMP)";
}
