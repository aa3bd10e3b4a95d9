using System.Globalization;
using System.Text;
using Spark.Connect.Arrow;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Service.Show;

/// <summary>
/// A result value as the text Spark's <c>show()</c> prints (its ToPrettyString cast): NULL for nulls at
/// any depth, Java's <c>Double.toString</c> for floating point, plain decimals with their scale, ISO dates,
/// timestamps as <c>yyyy-MM-dd HH:mm:ss[.fraction]</c> (LTZ values in the session time zone), binary as hex
/// bytes in brackets, arrays <c>[a, b]</c>, structs <c>{a, b}</c>, maps <c>{k -> v}</c>.
/// </summary>
internal sealed class SparkValueText(TimeZoneInfo sessionZone)
{
    /// <summary>One value as show() writes it; <paramref name="type"/>, the column's Spark type if known, names a year-month interval's fields.</summary>
    internal string Format(ArrowColumn column, int row, DataType? type = null)
    {
        if (column.IsNull(row))
            return "NULL";
        return column switch
        {
            PrimitiveColumn<int> c when c.Field.Type.Id == ArrowTypeId.Interval => YearMonthIntervalText.Ansi(c.GetValue(row), type),
            BooleanColumn c => c.GetValue(row) ? "true" : "false",
            StringColumn c => c.GetString(row)!,
            BinaryColumn c => "[" + string.Join(' ', c.GetBytes(row).ToArray().Select(b => b.ToString("X2", CultureInfo.InvariantCulture))) + "]",
            Decimal128Column c => DecimalLiteral.PlainText(c.GetUnscaled(row), c.Scale),
            Date32Column c => c.GetDate(row).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimestampColumn c => Timestamp(c, row),
            DurationColumn c => DayTimeInterval(c.GetTimeSpan(row)),
            PrimitiveColumn<sbyte> c => c.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<short> c => c.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<int> c => c.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<long> c => c.GetValue(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<float> c => JavaNumberText.Float(c.GetValue(row)),
            PrimitiveColumn<double> c => JavaNumberText.Double(c.GetValue(row)),
            MapColumn c => Map(c, row, type),
            ListColumn c => "[" + string.Join(", ", Enumerable.Range(c.GetStart(row), c.GetLength(row)).Select(i => Format(c.Values, i, SparkResultTypes.Element(type)))) + "]",
            StructColumn c => "{" + string.Join(", ", c.Children.Select((child, i) => Format(child, row, SparkResultTypes.Field(type, i)))) + "}",
            _ => throw new NotSupportedException($"Column '{column.Field.Name}' of Arrow type {column.Field.Type} can't be shown."),
        };
    }

    private string Map(MapColumn map, int row, DataType? type)
    {
        var entries = Enumerable.Range(map.GetStart(row), map.GetLength(row))
            .Select(i => Format(map.Keys, i, SparkResultTypes.Key(type)) + " -> " + Format(map.Items, i, SparkResultTypes.Value(type)));
        return "{" + string.Join(", ", entries) + "}";
    }

    private string Timestamp(TimestampColumn column, int row)
    {
        var micros = column.Unit switch
        {
            ArrowTimeUnit.Second => column.GetValue(row) * 1_000_000,
            ArrowTimeUnit.Millisecond => column.GetValue(row) * 1_000,
            ArrowTimeUnit.Microsecond => column.GetValue(row),
            _ => Math.DivRem(column.GetValue(row), 1_000, out _),
        };
        var utc = DateTime.UnixEpoch.AddTicks(micros * 10);
        // timestamp (LTZ) is an instant shown in the session zone; timestamp_ntz is a wall-clock value as is.
        var local = column.Field.Type.TimeZone is null ? utc : TimeZoneInfo.ConvertTimeFromUtc(utc, sessionZone);
        var text = local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = local.Ticks % TimeSpan.TicksPerSecond / 10;
        return fraction == 0 ? text : text + "." + fraction.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    /// <summary>Spark's ANSI day-time interval text: <c>INTERVAL '-1 02:03:04.5' DAY TO SECOND</c>.</summary>
    internal static string DayTimeInterval(TimeSpan value)
    {
        var sign = value < TimeSpan.Zero ? "-" : "";
        var magnitude = value.Duration();
        var seconds = magnitude.Seconds.ToString("D2", CultureInfo.InvariantCulture);
        var fraction = magnitude.Ticks % TimeSpan.TicksPerSecond / 10;
        if (fraction != 0)
            seconds += "." + fraction.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
        var text = new StringBuilder().Append(sign).Append(magnitude.Days.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(magnitude.Hours.ToString("D2", CultureInfo.InvariantCulture)).Append(':')
            .Append(magnitude.Minutes.ToString("D2", CultureInfo.InvariantCulture)).Append(':').Append(seconds);
        return $"INTERVAL '{text}' DAY TO SECOND";
    }
}
