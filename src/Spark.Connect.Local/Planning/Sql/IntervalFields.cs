using System.Globalization;
using Spark.Connect.Local.Planning.Functions;
using Cast = Spark.Connect.Protocol.Expression.Types.Cast;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// The fields an interval literal names, which give its ANSI type as Spark types it (<c>INTERVAL '10' DAY</c> is
/// <c>interval day</c>, <c>INTERVAL 3 DAY 1 SECOND</c> <c>interval day to second</c>), and the literal's text as Spark
/// writes it in a column name (<c>INTERVAL '3 00:00:01' DAY TO SECOND</c>, <c>INTERVAL '-10-2' YEAR TO MONTH</c>).
/// </summary>
internal sealed class IntervalFields
{
    private int _start = int.MaxValue;
    private int _end = -1;

    /// <summary>Notes a unit the literal uses (weeks count as days, milli- and microseconds as seconds).</summary>
    internal void See(string unit)
    {
        var field = unit switch
        {
            "YEAR" => 0, "MONTH" => 1, "WEEK" or "DAY" => 0, "HOUR" => 1, "MINUTE" => 2, _ => 3,
        };
        _start = Math.Min(_start, field);
        _end = Math.Max(_end, field);
    }

    /// <summary>The literal as a value of its typed interval, named as Spark names it.</summary>
    internal Expression Typed(Expression literal, long months, long micros)
    {
        var yearMonth = literal.Literal.LiteralTypeCase == Expression.Types.Literal.LiteralTypeOneofCase.YearMonthInterval;
        var start = _end < 0 ? 0 : _start;
        var end = _end < 0 ? (yearMonth ? 1 : 3) : _end;
        var type = yearMonth
            ? new DataType { YearMonthInterval = new DataType.Types.YearMonthInterval { StartField = start, EndField = end } }
            : SparkTypes.DayTimeInterval(start, end);
        var text = yearMonth ? YearMonthText(months, start, end) : DayTimeText(micros, start, end);
        var typed = new Expression { Cast = new Cast { Expr = literal, Type = type, EvalMode = Cast.Types.EvalMode.Unspecified } };
        return new Expression { Alias = new Expression.Types.Alias { Expr = typed, Name = { $"INTERVAL '{text}' {AnsiIntervalTypes.Name(type)[9..].ToUpperInvariant()}" } } };
    }

    private static string YearMonthText(long months, int start, int end)
    {
        var sign = months < 0 ? "-" : "";
        var magnitude = Math.Abs(months);
        return start == end
            ? sign + (start == 0 ? magnitude / 12 : magnitude).ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{magnitude / 12}-{magnitude % 12}");
    }

    // The leading field keeps its whole amount (a day count, or hours beyond 23); later fields are two digits; seconds
    // carry their fraction without trailing zeros; what is below the last field is dropped.
    private static string DayTimeText(long micros, int start, int end)
    {
        var rest = (UInt128)(micros < 0 ? -(Int128)micros : micros);
        var text = new System.Text.StringBuilder(micros < 0 ? "-" : "");
        for (var field = start; field <= end; field++)
        {
            var unit = (UInt128)AnsiIntervalTypes.MicrosPerField[field];
            var amount = rest / unit;
            rest -= amount * unit;
            if (field > start)
                text.Append(field == 1 ? ' ' : ':');
            text.Append(amount.ToString(field == 0 ? "0" : "00", CultureInfo.InvariantCulture));
            if (field == 3 && rest > 0)
                text.Append('.').Append(((ulong)rest).ToString("000000", CultureInfo.InvariantCulture).TrimEnd('0'));
        }
        return text.ToString();
    }
}
