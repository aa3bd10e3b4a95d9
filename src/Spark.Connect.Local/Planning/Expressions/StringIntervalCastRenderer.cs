using System.Globalization;
using Spark.Connect.Local.Planning.Functions;
using Spark.Connect.Local.Strings;

namespace Spark.Connect.Local.Planning.Expressions;

/// <summary>
/// Casts of text to Spark's interval types, read by Spark's rules in the engine's scalar functions
/// (<see cref="SparkIntervalCastFunctions"/>): an ANSI interval takes its own form or its literal form
/// (<c>'1-2'</c> or <c>'INTERVAL ''1-2'' YEAR TO MONTH'</c> for <c>interval year to month</c>) and raises
/// INVALID_INTERVAL_FORMAT otherwise (NULL under try_cast); a calendar interval (<c>CAST(s AS INTERVAL)</c>) takes
/// Spark's multi-unit text (<c>'interval 3 month 1 hour'</c>) and is NULL otherwise. DuckDB's own cast reads other forms.
/// </summary>
internal static class StringIntervalCastRenderer
{
    /// <summary>Whether a cast from <paramref name="operandType"/> to <paramref name="target"/> is rendered here.</summary>
    internal static bool Accepts(DataType operandType, DataType target) =>
        operandType.KindCase == DataType.KindOneofCase.String && SparkTypes.IsInterval(target);

    /// <summary>The SQL of the cast of the string <paramref name="operand"/>.</summary>
    internal static string Render(DataType target, string operand, bool tolerant)
    {
        if (target.KindCase == DataType.KindOneofCase.CalendarInterval)
            return $"{SparkIntervalCastFunctions.Calendar}({operand})";
        var fields = (AnsiIntervalTypes.StartOf(target) * 10 + AnsiIntervalTypes.EndOf(target)).ToString(CultureInfo.InvariantCulture);
        var function = target.KindCase == DataType.KindOneofCase.YearMonthInterval
            ? tolerant ? SparkIntervalCastFunctions.TryYearMonth : SparkIntervalCastFunctions.YearMonth
            : tolerant ? SparkIntervalCastFunctions.TryDayTime : SparkIntervalCastFunctions.DayTime;
        return $"{function}({operand}, {fields})";
    }
}
