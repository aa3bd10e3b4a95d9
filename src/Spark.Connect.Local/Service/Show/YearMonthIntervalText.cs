using System.Globalization;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Service.Show;

/// <summary>
/// Spark's ANSI text of a year-month interval, as show() writes it (the value cast to a string): by the type's fields,
/// <c>INTERVAL '-1-2' YEAR TO MONTH</c>, <c>INTERVAL '3' YEAR</c> (whole years), <c>INTERVAL '14' MONTH</c>.
/// </summary>
internal static class YearMonthIntervalText
{
    /// <summary>The text of <paramref name="months"/> as <paramref name="type"/> (YEAR TO MONTH when it is not a year-month type).</summary>
    internal static string Ansi(int months, DataType? type)
    {
        var (start, end) = type?.KindCase == DataType.KindOneofCase.YearMonthInterval ? (AnsiIntervalTypes.StartOf(type), AnsiIntervalTypes.EndOf(type)) : (0, 1);
        var sign = months < 0 ? "-" : "";
        var magnitude = Math.Abs((long)months);
        return (start, end) switch
        {
            (0, 0) => string.Create(CultureInfo.InvariantCulture, $"INTERVAL '{sign}{magnitude / 12}' YEAR"),
            (1, 1) => string.Create(CultureInfo.InvariantCulture, $"INTERVAL '{sign}{magnitude}' MONTH"),
            _ => string.Create(CultureInfo.InvariantCulture, $"INTERVAL '{sign}{magnitude / 12}-{magnitude % 12}' YEAR TO MONTH"),
        };
    }
}
