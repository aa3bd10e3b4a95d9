using System.Runtime.InteropServices;
using System.Text;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Strings;

/// <summary>
/// DuckDB scalar functions for Spark's casts of text to intervals, registered on every database the engine opens:
/// <c>spark_cast_ym_interval(text, fields)</c> and <c>spark_cast_dt_interval(text, fields)</c> read the text as the ANSI
/// interval type whose start and end field are <c>fields</c> = start * 10 + end (<see cref="SparkAnsiIntervalText"/>;
/// a text that is not one fails the statement with Spark's error class), their <c>spark_try_…</c> twins give NULL
/// instead, and <c>spark_cast_calendar_interval(text)</c> reads a calendar interval, NULL when it can't
/// (<see cref="SparkCalendarIntervalText"/>). A year-month value is whole months; a day-time value is microseconds
/// only (no days), as the engine's other day-time values. NULL in gives NULL out.
/// </summary>
internal static unsafe class SparkIntervalCastFunctions
{
    /// <summary>DuckDB names of the functions.</summary>
    public const string YearMonth = "spark_cast_ym_interval", TryYearMonth = "spark_try_cast_ym_interval",
        DayTime = "spark_cast_dt_interval", TryDayTime = "spark_try_cast_dt_interval", Calendar = "spark_cast_calendar_interval";

    /// <summary>Registers the functions in the database of <paramref name="connection"/>.</summary>
    public static void Register(DuckDbConnection connection)
    {
        DuckDbTypeId[] textAndFields = [DuckDbTypeId.Varchar, DuckDbTypeId.Integer];
        DuckDbScalarFunction.Register(connection, YearMonth, textAndFields, DuckDbTypeId.Interval, &CallYearMonth);
        DuckDbScalarFunction.Register(connection, TryYearMonth, textAndFields, DuckDbTypeId.Interval, &CallTryYearMonth);
        DuckDbScalarFunction.Register(connection, DayTime, textAndFields, DuckDbTypeId.Interval, &CallDayTime);
        DuckDbScalarFunction.Register(connection, TryDayTime, textAndFields, DuckDbTypeId.Interval, &CallTryDayTime);
        DuckDbScalarFunction.Register(connection, Calendar, [DuckDbTypeId.Varchar], DuckDbTypeId.Interval, &CallCalendar);
    }

    [UnmanagedCallersOnly] private static void CallYearMonth(nint info, nint input, nint output) => Run(info, input, output, ReadYearMonth, orNull: false);
    [UnmanagedCallersOnly] private static void CallTryYearMonth(nint info, nint input, nint output) => Run(info, input, output, ReadYearMonth, orNull: true);
    [UnmanagedCallersOnly] private static void CallDayTime(nint info, nint input, nint output) => Run(info, input, output, ReadDayTime, orNull: false);
    [UnmanagedCallersOnly] private static void CallTryDayTime(nint info, nint input, nint output) => Run(info, input, output, ReadDayTime, orNull: true);
    [UnmanagedCallersOnly] private static void CallCalendar(nint info, nint input, nint output) => Run(info, input, output, null, orNull: true);

    private static DuckDbInterval? ReadYearMonth(string text, int fields) => new DuckDbInterval(SparkAnsiIntervalText.YearMonth(text, fields / 10, fields % 10), 0, 0);

    private static DuckDbInterval? ReadDayTime(string text, int fields) => new DuckDbInterval(0, 0, SparkAnsiIntervalText.DayTime(text, fields / 10, fields % 10));

    // read is null for the calendar function, which has no fields argument.
    private static void Run(nint info, nint input, nint output, Func<string, int, DuckDbInterval?>? read, bool orNull)
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var texts = call.Strings(0);
            var textValid = call.Validity(0);
            var fields = read is null ? default : call.Values<int>(1);
            var fieldsValid = read is null ? default : call.Validity(1);
            var results = call.Output<DuckDbInterval>();
            for (var row = 0; row < call.RowCount; row++)
            {
                if (!textValid.IsValid(row) || (read is not null && !fieldsValid.IsValid(row)))
                {
                    call.SetNull(row);
                    continue;
                }
                var text = Encoding.UTF8.GetString(texts[row]);
                DuckDbInterval? value;
                try
                {
                    value = read is null ? SparkCalendarIntervalText.Parse(text) : read(text, fields[row]);
                }
                catch (SparkAnsiIntervalText.Failure) when (orNull)
                {
                    value = null;
                }
                if (value is { } interval) results[row] = interval;
                else call.SetNull(row);
            }
        }
        catch (SparkAnsiIntervalText.Failure e)
        {
            DuckDbScalarCall.Fail(info, e.Message);
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"{YearMonth} failed: {e.Message}");
        }
    }
}
