using System.Globalization;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// The names Spark gives ANSI interval literals (<c>IntervalUtils.toYearMonthIntervalString</c> and
/// <c>toDayTimeIntervalString</c>, ANSI style): <c>INTERVAL '2-2' YEAR TO MONTH</c>, <c>INTERVAL '-2' DAY</c>,
/// <c>INTERVAL '03' HOUR</c>, <c>INTERVAL '12:12:12.123456' HOUR TO SECOND</c>: the leading field unpadded for days,
/// years and months, two digits otherwise; seconds with their fraction, trailing zeros dropped.
/// </summary>
internal static class IntervalNames
{
    private static readonly string[] YearMonthFields = ["YEAR", "MONTH"];
    private static readonly string[] DayTimeFields = ["DAY", "HOUR", "MINUTE", "SECOND"];

    /// <summary>A year-month interval of <paramref name="months"/> over the fields start..end (YEAR 0, MONTH 1).</summary>
    internal static string YearMonth(long months, int start, int end)
    {
        var sign = months < 0 ? "-" : "";
        var total = Math.Abs(months);
        var value = start == end
            ? (start == 0 ? total / 12 : total).ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{total / 12}-{total % 12}");
        return Name(sign + value, YearMonthFields, start, end);
    }

    /// <summary>A day-time interval of <paramref name="micros"/> over the fields start..end (DAY 0 … SECOND 3).</summary>
    internal static string DayTime(long micros, int start, int end)
    {
        var sign = micros < 0 ? "-" : "";
        var rest = (decimal)Math.Abs(micros);
        var units = new[] { 86_400_000_000m, 3_600_000_000m, 60_000_000m, 1_000_000m };
        var pieces = new List<string>();
        for (var field = start; field <= end; field++)
        {
            if (field == 3)
            {
                var seconds = rest / 1_000_000m;
                var text = seconds.ToString("0.######", CultureInfo.InvariantCulture);
                pieces.Add(seconds < 10 ? "0" + text : text);
                break;
            }
            var whole = Math.Floor(rest / units[field]);
            rest -= whole * units[field];
            pieces.Add(field == 0 ? whole.ToString(CultureInfo.InvariantCulture) : whole.ToString("00", CultureInfo.InvariantCulture));
        }
        var value = start == 0 && end > 0 ? pieces[0] + " " + string.Join(":", pieces.Skip(1)) : string.Join(":", pieces);
        return Name(sign + value, DayTimeFields, start, end);
    }

    private static string Name(string value, string[] fields, int start, int end) =>
        $"INTERVAL '{value}' {fields[start]}" + (start == end ? "" : $" TO {fields[end]}");
}
