using System.Globalization;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// An ANSI interval multiplied or divided by a number, as Spark's MultiplyYMInterval / MultiplyDTInterval /
/// DivideYMInterval / DivideDTInterval: the interval's months (year-month) or microseconds (day-time) times or over the
/// number, rounded HALF_UP to a whole count (exactly for integral and decimal numbers, in double precision for
/// floating ones; a string is read as a double). The result is the type's full range (<c>interval year to month</c>,
/// <c>interval day to second</c>), null when either operand is; a zero divisor is INTERVAL_DIVIDED_BY_ZERO and a count
/// the type can't hold INTERVAL_ARITHMETIC_OVERFLOW.
/// </summary>
internal static class IntervalArithmetic
{
    // The count of an interval {x}: months, or microseconds (DuckDB's hour part is not cut at a day).
    private const string Months = "(CAST(date_part('year', {x}) AS HUGEINT) * 12 + date_part('month', {x}))";

    private const string Micros = "(CAST(date_part('day', {x}) AS HUGEINT) * 86400000000 + CAST(date_part('hour', {x}) AS HUGEINT) * 3600000000 " +
        "+ CAST(date_part('minute', {x}) AS HUGEINT) * 60000000 + date_part('microseconds', {x}))";

    /// <summary>The Spark type of an ANSI interval times or over a number: the full range of its kind.</summary>
    internal static DataType ResultType(DataType interval) => interval.KindCase == DataType.KindOneofCase.YearMonthInterval
        ? new DataType { YearMonthInterval = new DataType.Types.YearMonthInterval { StartField = 0, EndField = 1 } }
        : SparkTypes.DayTimeInterval(0, 3);

    /// <summary>Whether <paramref name="number"/> may multiply or divide an interval (a number, NULL, or text read as a double).</summary>
    internal static bool IsFactor(DataType number) => SparkTypes.IsNumeric(number) || SparkTypes.IsNull(number) || SparkTypes.IsString(number);

    /// <summary>The SQL of <c>interval * number</c> (either order) or <c>interval / number</c>, or null when the call is not one.</summary>
    internal static string? Render(FunctionCall call, bool divide)
    {
        if (call.Count != 2 || call.SparkTypeOf(0) is not { } left || call.SparkTypeOf(1) is not { } right)
            return null;
        var intervalIndex = SparkTypes.IsAnsiInterval(left) && IsFactor(right) ? 0
            : !divide && SparkTypes.IsAnsiInterval(right) && IsFactor(left) ? 1 : -1;
        if (intervalIndex < 0)
            return null;
        var interval = intervalIndex == 0 ? left : right;
        var numberIndex = 1 - intervalIndex;
        var number = call.SparkTypeOf(numberIndex)!;
        var yearMonth = interval.KindCase == DataType.KindOneofCase.YearMonthInterval;
        if (SparkTypes.IsNull(number))
            return $"CAST(NULL AS INTERVAL)";
        var numberSql = SparkTypes.IsString(number) ? call.As(numberIndex, SparkTypes.Double) : call[numberIndex];
        var count = Count(divide, SparkTypes.IsString(number) ? SparkTypes.Double : number);
        var (min, max, back) = yearMonth
            ? ((long)int.MinValue, (long)int.MaxValue, "to_months(CAST(r AS INTEGER))")
            : (long.MinValue, long.MaxValue, "to_microseconds(CAST(r AS BIGINT))");
        var units = yearMonth ? Months : Micros;
        var zeroCheck = divide ? $"WHEN q.n = 0 THEN {SparkRuntimeErrors.IntervalDividedByZero} " : "WHEN false THEN NULL ";
        // Each stage binds its values once: the operands, then the interval's count and the number, then the result.
        return $"list_transform([struct_pack(v := {call[intervalIndex]}, n := {numberSql})], lambda p: CASE WHEN p.v IS NULL OR p.n IS NULL THEN NULL ELSE " +
            $"list_transform([struct_pack(a := {units.Replace("{x}", "p.v", StringComparison.Ordinal)}, n := p.n)], lambda q: CASE {zeroCheck}ELSE " +
            $"list_transform([{count}], lambda r: CASE WHEN r BETWEEN {min} AND {max} THEN {back} ELSE {SparkRuntimeErrors.IntervalOverflow} END)[1] END)[1] END)[1]";
    }

    // The HALF_UP count of q.a (the interval's units) times or over q.n.
    private static string Count(bool divide, DataType number)
    {
        if (SparkTypes.IsFractional(number))
        {
            var exact = divide ? "(CAST(q.a AS DOUBLE) / CAST(q.n AS DOUBLE))" : "(CAST(q.a AS DOUBLE) * CAST(q.n AS DOUBLE))";
            // Out of every integer range (or NaN) reads as HUGEINT's minimum, which fails the range check after.
            return $"CASE WHEN isfinite({exact}) AND abs({exact}) < 9.3e18 THEN CAST(round({exact}) AS HUGEINT) ELSE CAST(-170141183460469231731687303715884105727 AS HUGEINT) END";
        }
        if (SparkTypes.IsDecimal(number))
        {
            var scale = number.Decimal.HasScale ? number.Decimal.Scale : 0;
            var unscaled = DecimalMath.Unscaled("q.n", scale);
            var power = "1" + new string('0', scale);
            return divide ? HalfUpQuotient($"(q.a * {power})", unscaled) : HalfUpQuotient($"(q.a * {unscaled})", power);
        }
        return divide ? HalfUpQuotient("q.a", "CAST(q.n AS HUGEINT)") : "(q.a * CAST(q.n AS HUGEINT))";
    }

    // Integer division rounded half away from zero (Java's RoundingMode.HALF_UP); DuckDB's // and % truncate toward zero.
    private static string HalfUpQuotient(string dividend, string divisor) => string.Create(CultureInfo.InvariantCulture,
        $"(({dividend}) // ({divisor}) + CASE WHEN 2 * abs(({dividend}) % ({divisor})) >= abs({divisor}) " +
        $"THEN CASE WHEN (({dividend}) < 0) <> (({divisor}) < 0) THEN -1 ELSE 1 END ELSE 0 END)");

    /// <summary>
    /// The type of <c>+</c>/<c>-</c> where an ANSI interval meets what Spark's analyzer treats specially: NULL (the
    /// interval's type), or a number or a year-month interval added to a day-time one, which Spark reads as a timestamp
    /// plus an interval and refuses with DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE. Null for other operands.
    /// </summary>
    internal static DataType? AdditionType(DataType left, DataType right, bool subtract)
    {
        if (SparkTypes.IsAnsiInterval(left) && SparkTypes.IsNull(right)) return left;
        if (SparkTypes.IsNull(left) && SparkTypes.IsAnsiInterval(right)) return right;
        var dayTimeLeft = left.KindCase == DataType.KindOneofCase.DayTimeInterval;
        var dayTimeRight = right.KindCase == DataType.KindOneofCase.DayTimeInterval;
        // Spark adds a day-time interval to its other operand as to a timestamp (TimeAdd), the interval second.
        if (dayTimeRight && (SparkTypes.IsNumeric(left) || left.KindCase == DataType.KindOneofCase.YearMonthInterval))
            throw NotATimestamp(left);
        if (!subtract && dayTimeLeft && (SparkTypes.IsNumeric(right) || right.KindCase == DataType.KindOneofCase.YearMonthInterval))
            throw NotATimestamp(right);
        return null;
    }

    private static LocalEngineException NotATimestamp(DataType actual)
    {
        const string required = "(\"TIMESTAMP\" or \"TIMESTAMP WITHOUT TIME ZONE\")";
        var type = $"\"{SparkTypes.Name(actual).ToUpperInvariant()}\"";
        return new LocalEngineException("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "42K09",
            $"Cannot resolve `+` due to data type mismatch: the first parameter requires the {required} type, however it has the type {type}.",
            new Dictionary<string, string> { ["paramIndex"] = "first", ["requiredType"] = required, ["inputType"] = type });
    }

    /// <summary>The SQL of an ANSI interval plus or minus NULL (either side), a typed NULL DuckDB can bind; else null.</summary>
    internal static string? RenderWithNull(FunctionCall call) =>
        call.Count == 2 && call.SparkTypeOf(0) is { } left && call.SparkTypeOf(1) is { } right
        && (SparkTypes.IsAnsiInterval(left) && SparkTypes.IsNull(right) || SparkTypes.IsNull(left) && SparkTypes.IsAnsiInterval(right))
            ? "CAST(NULL AS INTERVAL)"
            : null;
}
