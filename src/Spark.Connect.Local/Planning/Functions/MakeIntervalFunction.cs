namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>make_interval([years[, months[, weeks[, days[, hours[, mins[, secs]]]]]]])</c> and <c>try_make_interval</c>: Spark's
/// calendar interval (DuckDB's INTERVAL holds the same months, days and microseconds) from its parts, missing ones 0, seconds
/// as decimal(18,6). As Spark's exact arithmetic: months = years·12 + months and days = weeks·7 + days must fit an INT, the
/// microseconds a BIGINT, else ARITHMETIC_OVERFLOW (try_: NULL). Null when any part is.
/// </summary>
internal static class MakeIntervalFunction
{
    /// <summary>Adds the functions to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        var type = new DataType { CalendarInterval = new() };
        registry.Scalar(c => Render(c, tolerant: false), c => c.RequireAll(SparkTypes.CastsToNumber, ResultRules.NumericType).Strict(type), "make_interval");
        registry.Scalar(c => Render(c, tolerant: true), c => c.RequireAll(SparkTypes.CastsToNumber, ResultRules.NumericType).AlwaysNullable(type), "try_make_interval");
    }

    private static string Render(FunctionCall call, bool tolerant)
    {
        call.ExpectBetween(0, 7);
        string Part(int index) => index < call.Count ? $"CAST(CAST({call[index]} AS INTEGER) AS HUGEINT)" : "CAST(0 AS HUGEINT)";
        var seconds = call.Count > 6 ? $"CAST(CAST({call[6]} AS DECIMAL(18,6)) * 1000000 AS HUGEINT)" : "CAST(0 AS HUGEINT)";
        var months = $"({Part(0)} * 12 + {Part(1)})";
        var days = $"({Part(2)} * 7 + {Part(3)})";
        var micros = $"({Part(4)} * 3600000000 + {Part(5)} * 60000000 + {seconds})";
        var overflow = tolerant ? "NULL" : SparkRuntimeErrors.ArithmeticOverflow;
        const string intRange = "BETWEEN -2147483648 AND 2147483647", longRange = "BETWEEN -9223372036854775808 AND 9223372036854775807";
        return $"(CASE WHEN NOT ({months} {intRange} AND {days} {intRange} AND {micros} {longRange}) THEN {overflow} " +
               $"ELSE to_months(CAST({months} AS INTEGER)) + to_days(CAST({days} AS INTEGER)) + to_microseconds(CAST({micros} AS BIGINT)) END)";
    }
}
