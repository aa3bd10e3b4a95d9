using System.Globalization;
using System.Text;
using Spark.Connect.Arrow;
using Spark.Connect.Local.Service.Show;

namespace Spark.Connect.Local.Tests.Planning.Sql.Corpus;

/// <summary>
/// Writes result values the way Spark's SQL test corpus records them (Spark's <c>HiveResult.toHiveString</c> rules):
/// NULL at the top and null inside nested values, strings quoted only when nested, map entries sorted as text,
/// doubles as Java writes them, decimals in plain notation, timestamps in the session zone with the fraction trimmed,
/// binary as UTF-8 text, intervals in Hive's style.
/// </summary>
internal static class HiveResultText
{
    internal static string Row(RecordBatch batch, int row, TimeZoneInfo sessionZone) =>
        string.Join("\t", batch.Columns.Select(c => Value(c, row, nested: false, sessionZone)));

    private static string Value(ArrowColumn column, int row, bool nested, TimeZoneInfo zone)
    {
        if (column.IsNull(row))
            return nested ? "null" : "NULL";
        return column switch
        {
            BooleanColumn c => c.GetValue(row) ? "true" : "false",
            StringColumn c => nested ? "\"" + c.GetString(row) + "\"" : c.GetString(row)!,
            BinaryColumn c => Encoding.UTF8.GetString(c.GetBytes(row)),
            Decimal128Column c => PlainDecimal(c.GetUnscaled(row), c.Scale),
            Date32Column c => Date(c.GetDate(row)),
            TimestampColumn c => Timestamp(c.GetValue(row), c.Unit, c.Field.Type.TimeZone is null ? null : zone),
            DurationColumn c => DayTimeInterval(Micros(c.GetValue(row), c.Field.Type.Unit)),
            PrimitiveColumn<ArrowMonthDayNanoInterval> c => CalendarInterval(c.GetValue(row)),
            PrimitiveColumn<int> c when c.Field.Type.Id == ArrowTypeId.Interval => YearMonthInterval(c.GetValue(row)),
            PrimitiveColumn<sbyte> c => c.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<short> c => c.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<int> c => c.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<long> c => c.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<float> c => JavaNumberText.Float(c.GetValue(row)),
            PrimitiveColumn<double> c => JavaNumberText.Double(c.GetValue(row)),
            MapColumn c => Map(c, row, zone),
            ListColumn c => "[" + string.Join(",", Enumerable.Range(c.GetStart(row), c.GetLength(row)).Select(i => Value(c.Values, i, true, zone))) + "]",
            StructColumn c => "{" + string.Join(",", c.Children.Select(f => "\"" + f.Field.Name + "\":" + Value(f, row, true, zone))) + "}",
            NullColumn => nested ? "null" : "NULL",
            _ => throw new NotSupportedException($"The corpus runner has no Hive text for {column.Field.Type}."),
        };
    }

    // Spark sorts the "key:value" texts of a map, so entry order never decides a comparison.
    private static string Map(MapColumn map, int row, TimeZoneInfo zone) =>
        "{" + string.Join(",", Enumerable.Range(map.GetStart(row), map.GetLength(row))
            .Select(i => Value(map.Keys, i, true, zone) + ":" + Value(map.Items, i, true, zone))
            .Order(StringComparer.Ordinal)) + "}";

    private static string PlainDecimal(Int128 unscaled, int scale)
    {
        var digits = Int128.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        if (scale > 0)
        {
            digits = digits.PadLeft(scale + 1, '0');
            digits = digits[..^scale] + "." + digits[^scale..];
        }
        return unscaled < 0 ? "-" + digits : digits;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long Micros(long value, ArrowTimeUnit unit) => unit switch
    {
        ArrowTimeUnit.Second => value * 1_000_000,
        ArrowTimeUnit.Millisecond => value * 1_000,
        ArrowTimeUnit.Microsecond => value,
        _ => value / 1_000,
    };

    /// <summary>yyyy-MM-dd HH:mm:ss plus the fraction without trailing zeros; zoned values shown in the session zone.</summary>
    private static string Timestamp(long value, ArrowTimeUnit unit, TimeZoneInfo? zone)
    {
        var micros = Micros(value, unit);
        var utc = DateTime.UnixEpoch.AddTicks(micros * 10);
        var local = zone is null ? utc : TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var text = local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = (int)(((micros % 1_000_000) + 1_000_000) % 1_000_000);
        return fraction == 0 ? text : text + "." + fraction.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    /// <summary>Hive's day-time style: <c>[-]d hh:mm:ss.nnnnnnnnn</c>.</summary>
    private static string DayTimeInterval(long micros)
    {
        var sign = micros < 0 ? "-" : "";
        var magnitude = (UInt128)(micros < 0 ? -(Int128)micros : micros);
        var days = magnitude / 86_400_000_000;
        var rest = magnitude % 86_400_000_000;
        var hours = rest / 3_600_000_000;
        var minutes = rest / 60_000_000 % 60;
        var seconds = rest / 1_000_000 % 60;
        var nanos = rest % 1_000_000 * 1000;
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{days} {hours:D2}:{minutes:D2}:{seconds:D2}.{nanos:D9}");
    }

    /// <summary>Hive's year-month style: <c>[-]y-m</c>.</summary>
    private static string YearMonthInterval(int months)
    {
        var magnitude = Math.Abs((long)months);
        return string.Create(CultureInfo.InvariantCulture, $"{(months < 0 ? "-" : "")}{magnitude / 12}-{magnitude % 12}");
    }

    /// <summary>Spark's CalendarInterval text: "1 months 2 days 3.5 seconds" style, zero parts left out.</summary>
    private static string CalendarInterval(ArrowMonthDayNanoInterval interval)
    {
        var parts = new List<string>();
        if (interval.Months != 0)
        {
            var years = interval.Months / 12;
            var months = interval.Months % 12;
            if (years != 0) parts.Add($"{years} years");
            if (months != 0) parts.Add($"{months} months");
        }
        if (interval.Days != 0) parts.Add($"{interval.Days} days");
        var micros = interval.Nanoseconds / 1000;
        if (micros != 0)
        {
            var hours = micros / 3_600_000_000;
            var minutes = micros / 60_000_000 % 60;
            var secondMicros = micros % 60_000_000;
            if (hours != 0) parts.Add($"{hours} hours");
            if (minutes != 0) parts.Add($"{minutes} minutes");
            if (secondMicros != 0) parts.Add(PlainDecimal(secondMicros, 6).TrimEnd('0').TrimEnd('.') + " seconds");
        }
        return parts.Count == 0 ? "0 seconds" : string.Join(" ", parts);
    }
}
