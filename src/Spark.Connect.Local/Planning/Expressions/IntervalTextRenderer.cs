using System.Globalization;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning.Expressions;

/// <summary>
/// An ANSI interval cast to a string, as Spark writes it: <c>INTERVAL '3-1' YEAR TO MONTH</c>,
/// <c>INTERVAL '3 00:00:01' DAY TO SECOND</c>, <c>INTERVAL '-10.5' SECOND</c> — the type's fields only, the leading one
/// whole (days unpadded, others two digits), the later ones two digits, seconds with their fraction without trailing
/// zeros. DuckDB's own cast writes <c>3 years 1 month</c>.
/// </summary>
internal static class IntervalTextRenderer
{
    private const string Months = "(CAST(date_part('year', v) AS HUGEINT) * 12 + date_part('month', v))";
    private const string Micros = "(CAST(date_part('day', v) AS HUGEINT) * 86400000000 + CAST(date_part('hour', v) AS HUGEINT) * 3600000000 " +
        "+ CAST(date_part('minute', v) AS HUGEINT) * 60000000 + date_part('microseconds', v))";

    internal static string Render(DataType intervalType, string operand)
    {
        var start = AnsiIntervalTypes.StartOf(intervalType);
        var end = AnsiIntervalTypes.EndOf(intervalType);
        var fields = AnsiIntervalTypes.Name(intervalType)[9..].ToUpperInvariant();
        string text;
        if (intervalType.KindCase == DataType.KindOneofCase.YearMonthInterval)
        {
            text = (start, end) switch
            {
                (0, 0) => "CAST(a // 12 AS VARCHAR)",
                (1, 1) => "CAST(a AS VARCHAR)",
                _ => "CAST(a // 12 AS VARCHAR) || '-' || CAST(a % 12 AS VARCHAR)",
            };
            return Wrap(operand, Months, text, fields);
        }
        var parts = new List<string>();
        for (var field = start; field <= end; field++)
        {
            var unit = AnsiIntervalTypes.MicrosPerField[field].ToString(CultureInfo.InvariantCulture);
            var amount = field == start ? $"(a // {unit})" : $"((a % {AnsiIntervalTypes.MicrosPerField[field - 1].ToString(CultureInfo.InvariantCulture)}) // {unit})";
            var shown = field == 0 ? $"CAST({amount} AS VARCHAR)" : $"printf('%02d', CAST({amount} AS BIGINT))";
            if (field > start)
                parts.Add(field == 1 ? "' '" : "':'");
            parts.Add(shown);
        }
        if (end == 3)
            parts.Add("(CASE WHEN a % 1000000 = 0 THEN '' ELSE '.' || rtrim(printf('%06d', CAST(a % 1000000 AS BIGINT)), '0') END)");
        return Wrap(operand, Micros, string.Join(" || ", parts), fields);
    }

    // v the interval, a the magnitude of its count (months or microseconds); the sign leads the quoted text.
    private static string Wrap(string operand, string count, string text, string fields) =>
        $"list_transform([{operand}], lambda v: CASE WHEN v IS NULL THEN NULL ELSE list_transform([{count}], lambda n: " +
        $"list_transform([abs(n)], lambda a: 'INTERVAL ''' || (CASE WHEN n < 0 THEN '-' ELSE '' END) || {text} || ''' {fields}')[1])[1] END)[1]";
}
