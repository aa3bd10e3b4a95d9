using System.Globalization;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Expressions;

/// <summary>
/// Casts of an integral or decimal number to an ANSI interval type, which count units of the type's last field:
/// <c>CAST(10 AS INTERVAL DAY)</c> is ten days, <c>CAST(100Y AS INTERVAL HOUR TO SECOND)</c> 100 seconds,
/// <c>CAST(1Y AS INTERVAL YEAR)</c> twelve months. A decimal is rounded half up to whole months (year-month) or
/// microseconds (day-time), and a day-time value is then cut to its last field. A value the interval cannot hold is
/// CAST_OVERFLOW (NULL under try_cast). DuckDB has no such cast of its own.
/// </summary>
internal static class IntervalCastRenderer
{
    /// <summary>Whether a value of <paramref name="operandType"/> is cast to an interval here: integral and decimal numbers.</summary>
    internal static bool Accepts(DataType operandType) => IsIntegral(operandType) || operandType.KindCase == DataType.KindOneofCase.Decimal;

    private static bool IsIntegral(DataType type) => type.KindCase is DataType.KindOneofCase.Byte or DataType.KindOneofCase.Short
        or DataType.KindOneofCase.Integer or DataType.KindOneofCase.Long;

    /// <summary>The SQL of the cast of <paramref name="operand"/>, a number <see cref="Accepts"/> takes.</summary>
    internal static string FromNumber(DataType operandType, DataType target, string operand, bool tolerant)
    {
        var integral = IsIntegral(operandType);
        var end = AnsiIntervalTypes.EndOf(target);
        var overflow = tolerant ? "NULL" : SparkRuntimeErrors.RaiseWithValues("CAST_OVERFLOW", "The value ",
            operandType.KindCase == DataType.KindOneofCase.Long ? "CAST(v AS VARCHAR) || 'L'" : "v",
            $" of the type \"{SparkTypes.Name(operandType).ToUpperInvariant()}\" cannot be cast to \"{AnsiIntervalTypes.Name(target).ToUpperInvariant()}\" due to an overflow. " +
            "Use `try_cast` to tolerate overflow and return NULL instead.");
        string body;
        if (target.KindCase == DataType.KindOneofCase.YearMonthInterval)
        {
            var factor = end == 0 ? " * 12" : "";
            var whole = integral ? $"(CAST(v AS HUGEINT){factor})" : $"CAST(round(CAST(v AS DECIMAL(38, 6)){factor}, 0) AS HUGEINT)";
            body = $"CASE WHEN {whole} BETWEEN {int.MinValue} AND {int.MaxValue} THEN to_months(CAST({whole} AS INTEGER)) ELSE {overflow} END";
        }
        else
        {
            var unit = AnsiIntervalTypes.MicrosPerField[end].ToString(CultureInfo.InvariantCulture);
            var micros = integral ? $"(CAST(v AS HUGEINT) * {unit})" : $"CAST(round(CAST(v AS DECIMAL(38, 6)) * {unit}, 0) AS HUGEINT)";
            // A day-time interval keeps nothing below its last field (80.5 minutes as HOUR TO MINUTE is 1:20).
            var kept = end == 3 ? micros : $"(({micros} // {unit}) * {unit})";
            body = $"CASE WHEN {micros} BETWEEN {long.MinValue} AND {long.MaxValue} THEN to_microseconds(CAST({kept} AS BIGINT)) ELSE {overflow} END";
        }
        return $"list_transform([{operand}], lambda v: CASE WHEN v IS NULL THEN NULL ELSE {body} END)[1]";
    }

    /// <summary>
    /// An ANSI interval cast to an integral or decimal number: the count of the type's last field (months, or whole
    /// years for <c>interval year</c>; days, hours, minutes or seconds, with the microseconds as a fraction of a second),
    /// truncated toward zero for an integral type; CAST_OVERFLOW when the count does not fit.
    /// </summary>
    internal static string ToNumber(DataType operandType, DataType target, string operand, bool tolerant)
    {
        var end = AnsiIntervalTypes.EndOf(operandType);
        string count;
        if (operandType.KindCase == DataType.KindOneofCase.YearMonthInterval)
        {
            const string months = "(CAST(date_part('year', v) AS HUGEINT) * 12 + date_part('month', v))";
            count = end == 0 ? Truncated(months, "12") : months;
        }
        else
        {
            const string micros = "(CAST(date_part('day', v) AS HUGEINT) * 86400000000 + CAST(date_part('hour', v) AS HUGEINT) * 3600000000 " +
                "+ CAST(date_part('minute', v) AS HUGEINT) * 60000000 + date_part('microseconds', v))";
            var unit = AnsiIntervalTypes.MicrosPerField[end].ToString(CultureInfo.InvariantCulture);
            count = target.KindCase == DataType.KindOneofCase.Decimal && end == 3
                ? $"(CAST({micros} AS DECIMAL(38, 0)) * 0.000001)"
                : Truncated(micros, unit);
        }
        var sparkTarget = SparkTypes.Name(target).ToUpperInvariant();
        var overflow = tolerant ? "NULL" : SparkRuntimeErrors.RaiseWithValues("CAST_OVERFLOW", "The value ", "v",
            $" of the type \"{AnsiIntervalTypes.Name(operandType).ToUpperInvariant()}\" cannot be cast to \"{sparkTarget}\" due to an overflow. " +
            "Use `try_cast` to tolerate overflow and return NULL instead.");
        var duckTarget = DuckDbTypeNames.FromSpark(target);
        var body = target.KindCase == DataType.KindOneofCase.Decimal
            ? $"{(tolerant ? "TRY_CAST" : "CAST")}({count} AS {duckTarget})"
            : $"CASE WHEN {count} BETWEEN {Bounds(target)} THEN CAST({count} AS {duckTarget}) ELSE {overflow} END";
        return $"list_transform([{operand}], lambda v: CASE WHEN v IS NULL THEN NULL ELSE {body} END)[1]";
    }

    /// <summary>Whether an interval cast to <paramref name="target"/> is rendered here: integral and decimal numbers.</summary>
    internal static bool AcceptsTarget(DataType target) => Accepts(target);

    // Whole units toward zero, as Java's long division.
    private static string Truncated(string value, string unit) =>
        $"(CASE WHEN {value} < 0 THEN -((-{value}) // {unit}) ELSE {value} // {unit} END)";

    private static string Bounds(DataType type) => type.KindCase switch
    {
        DataType.KindOneofCase.Byte => "-128 AND 127",
        DataType.KindOneofCase.Short => "-32768 AND 32767",
        DataType.KindOneofCase.Integer => "-2147483648 AND 2147483647",
        _ => "-9223372036854775808 AND 9223372036854775807",
    };
}
