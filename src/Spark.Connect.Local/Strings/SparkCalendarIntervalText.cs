using System.Globalization;
using System.Text.RegularExpressions;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Strings;

/// <summary>
/// Reads text as Spark casts it to its calendar interval type (<c>CAST('interval 3 month 1 hour' AS INTERVAL)</c>, Spark's
/// <c>stringToInterval</c>): case-insensitive, an optional <c>interval</c> word, then one or more
/// <c>[+|-]number unit</c> pairs separated by whitespace, units year, month, week, day, hour, minute, second,
/// millisecond, microsecond (singular or plural); only seconds take a fraction (up to nine digits, cut to microseconds).
/// Anything else, or a part that overflows, gives null: Spark's cast to a calendar interval returns NULL for text it
/// can't read, with or without ANSI mode.
/// </summary>
internal static partial class SparkCalendarIntervalText
{
    /// <summary>The interval (months, days, microseconds), or null when the text is not one.</summary>
    internal static DuckDbInterval? Parse(string text)
    {
        var input = text.Trim().ToLowerInvariant();
        if (input.StartsWith("interval", StringComparison.Ordinal))
        {
            input = input["interval".Length..];
            if (input.Length == 0 || !char.IsWhiteSpace(input[0]))
                return null;
        }
        var parts = Part().Matches(input);
        if (parts.Count == 0 || parts.Sum(p => p.Length) != input.Length)
            return null;
        int months = 0, days = 0;
        long micros = 0;
        try
        {
            foreach (Match part in parts)
            {
                var negative = part.Groups["sign"].Value == "-";
                var value = long.Parse(part.Groups["value"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
                if (negative) value = -value;
                var unit = part.Groups["unit"].Value;
                var fraction = part.Groups["fraction"];
                if (fraction.Success && unit != "second")
                    return null;
                switch (unit)
                {
                    case "year": months = checked(months + checked((int)value * 12)); break;
                    case "month": months = checked(months + (int)value); break;
                    case "week": days = checked(days + checked((int)value * 7)); break;
                    case "day": days = checked(days + (int)value); break;
                    case "hour": micros = checked(micros + value * 3_600_000_000L); break;
                    case "minute": micros = checked(micros + value * 60_000_000L); break;
                    case "second":
                        var fractionMicros = fraction.Success ? long.Parse(fraction.Value.PadRight(9, '0'), CultureInfo.InvariantCulture) / 1_000 : 0;
                        micros = checked(micros + value * 1_000_000L + (negative ? -fractionMicros : fractionMicros));
                        break;
                    case "millisecond": micros = checked(micros + value * 1_000L); break;
                    default: micros = checked(micros + value); break;
                }
            }
        }
        catch (OverflowException)
        {
            return null;
        }
        return new DuckDbInterval(months, days, micros);
    }

    [GeneratedRegex(@"\G\s*(?<sign>[+-])?\s*(?<value>\d{1,19})(?:\.(?<fraction>\d{1,9}))?\s+(?<unit>year|month|week|day|hour|minute|second|millisecond|microsecond)s?(?=\s|$)\s*",
        RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
