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
}
