using System.Globalization;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Interval literals as ANSI Spark types them: year-month units give a year-month interval (months), day-time units
/// a day-time interval (microseconds); <c>INTERVAL 1 DAY 2 HOURS</c>, <c>INTERVAL '1 day 2 hours'</c>,
/// <c>INTERVAL '1-2' YEAR TO MONTH</c>, <c>INTERVAL '1 02:03:04.5' DAY TO SECOND</c>. Mixing both kinds is an error, as in Spark.
/// </summary>
internal sealed partial class SqlParser
{
    private static readonly Dictionary<string, (bool Months, long Factor)> IntervalUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["YEAR"] = (true, 12), ["MONTH"] = (true, 1),
        ["WEEK"] = (false, 7 * 86_400_000_000L), ["DAY"] = (false, 86_400_000_000L), ["HOUR"] = (false, 3_600_000_000L),
        ["MINUTE"] = (false, 60_000_000L), ["SECOND"] = (false, 1_000_000L), ["MILLISECOND"] = (false, 1_000L), ["MICROSECOND"] = (false, 1L),
    };

    private Expression IntervalLiteral()
    {
        long months = 0, micros = 0;
        var anyMonths = false;
        var anyMicros = false;
        var parts = 0;
        var fields = new IntervalFields();
        while (true)
        {
            // After the first value, another needs its unit: in `INTERVAL '2' YEAR - '4'` the minus is an operator.
            var signed = IsSymbol("-") || IsSymbol("+");
            if (parts > 0 && Unit(PeekAt(signed ? 2 : 1)) is null)
                break;
            string value;
            if (Current.Kind == SparkTokenKind.String)
                value = StringLiteral();
            else if (signed && PeekAt(1).Kind == SparkTokenKind.String)
            {
                // INTERVAL -'10.5' SECOND: the sign applies to the whole value (+ leaves it as it is).
                var minus = Advance().Text == "-";
                var text = StringLiteral().Trim();
                value = !minus ? text : text.StartsWith('-') ? text[1..] : "-" + text.TrimStart('+');
            }
            else if (Current.Kind == SparkTokenKind.Number || (signed && PeekAt(1).Kind == SparkTokenKind.Number))
                value = (AcceptSymbol("-") ? "-" : AcceptSymbol("+") ? "" : "") + Advance().Text;
            else
                break;
            parts++;
            if (Unit(Current) is not { } unit)
            {
                if (parts > 1)
                    throw Error("an interval value needs a unit");
                // INTERVAL '1 day 2 hours': the units are inside the string.
                AddFromText(value, ref months, ref micros, ref anyMonths, ref anyMicros, fields);
                break;
            }
            Advance();
            fields.See(unit);
            if (AcceptWord("TO"))
            {
                if (parts > 1)
                    throw Error("an interval literal can only have a single from-to unit");
                var end = Unit(Current) ?? throw Error("missing the interval's end unit");
                Advance();
                fields.See(end);
                var (isMonths, amount) = UnitToUnit(unit, end, value);
                if (isMonths) { months += amount; anyMonths = true; } else { micros += amount; anyMicros = true; }
                break;
            }
            var (monthsUnit, factor) = IntervalUnits[unit];
            var number = SingleUnitValue().Match(value);
            if (!number.Success)
                throw InvalidInterval(value);
            value = number.Groups[1].Value + number.Groups[2].Value; // '-\t 1' DAY is minus one day, as in Spark
            if (monthsUnit)
            {
                months += checked((long)(decimal.Parse(value, CultureInfo.InvariantCulture) * factor));
                anyMonths = true;
            }
            else
            {
                micros += checked((long)(decimal.Parse(value, CultureInfo.InvariantCulture) * factor));
                anyMicros = true;
            }
        }
        if (parts == 0)
            throw Error("missing the interval's value");
        if (anyMonths && anyMicros)
            throw new LocalEngineException("INVALID_INTERVAL_FORMAT.MIXED_UNITS", "22006",
                "Cannot mix year-month and day-time fields in one interval literal; add two intervals instead.");
        return anyMonths ? fields.Typed(Literals.YearMonthInterval(checked((int)months)), months, 0)
            : fields.Typed(Literals.DayTimeInterval(micros), 0, micros);
    }

    private static string? Unit(SparkToken token)
    {
        if (token.Kind != SparkTokenKind.Word)
            return null;
        var word = token.Text.ToUpperInvariant();
        if (IntervalUnits.ContainsKey(word))
            return word;
        return word.EndsWith('S') && IntervalUnits.ContainsKey(word[..^1]) ? word[..^1] : null;
    }

    private static void AddFromText(string text, ref long months, ref long micros, ref bool anyMonths, ref bool anyMicros, IntervalFields fields)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries); // any whitespace, tabs too
        var start = words.Length > 0 && words[0].Equals("interval", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if ((words.Length - start) % 2 != 0 || words.Length == start)
            throw InvalidInterval(text);
        for (var i = start; i < words.Length; i += 2)
        {
            var unit = Unit(new SparkToken(SparkTokenKind.Word, words[i + 1], 0)) ?? throw InvalidInterval(text);
            fields.See(unit);
            if (!decimal.TryParse(words[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
                throw InvalidInterval(text);
            var (isMonths, factor) = IntervalUnits[unit];
            if (isMonths) { months += checked((long)(amount * factor)); anyMonths = true; } else { micros += checked((long)(amount * factor)); anyMicros = true; }
        }
    }

    /// <summary><c>'y-m' YEAR TO MONTH</c>, <c>'d h:m:s.f' DAY TO SECOND</c> and the other ranges Spark accepts.</summary>
    private static (bool Months, long Amount) UnitToUnit(string start, string end, string value)
    {
        var text = value.Trim();
        var sign = 1L;
        if (text.StartsWith('-') || text.StartsWith('+'))
        {
            sign = text[0] == '-' ? -1 : 1;
            text = text[1..];
        }
        if (start == "YEAR" && end == "MONTH")
        {
            var ym = text.Split('-');
            // Digits only: no second sign and no whitespace after the sign ('-\t2-2' is not a year-month value).
            if (ym.Length != 2 || !int.TryParse(ym[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                || !int.TryParse(ym[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m > 11)
                throw InvalidInterval(value);
            return (true, sign * (y * 12L + m));
        }
        string[] fields = ["DAY", "HOUR", "MINUTE", "SECOND"];
        var from = Array.IndexOf(fields, start);
        var to = Array.IndexOf(fields, end);
        if (from < 0 || to <= from)
            throw InvalidInterval(value);
        var pieces = text.Split([' ', ':']);
        if (pieces.Length != to - from + 1)
            throw InvalidInterval(value);
        long micros = 0;
        for (var i = 0; i < pieces.Length; i++)
        {
            if (!decimal.TryParse(pieces[i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                throw InvalidInterval(value);
            micros += checked((long)(amount * IntervalUnits[fields[from + i]].Factor));
        }
        return (false, sign * micros);
    }

    // A single unit's value: an optional sign, whitespace allowed after it, and a number.
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*([+-]?)\s*(\d+(?:\.\d*)?|\.\d+)\s*$")]
    private static partial System.Text.RegularExpressions.Regex SingleUnitValue();

    private static LocalEngineException InvalidInterval(string text) =>
        new("INVALID_INTERVAL_FORMAT.INVALID_VALUE", "22006", $"Error parsing '{text}' to interval: the value is not a valid interval.",
            new Dictionary<string, string> { ["input"] = text });
}
