using System.Globalization;
using System.Text;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Spark's reading of date and timestamp text in typed literals (<c>DateTimeUtils.stringToDate</c> and
/// <c>stringToTimestamp</c>): surrounding whitespace and control characters are dropped; a date is
/// <c>[+-]yyyy[y…][-[m]m[-[d]d]]</c> (a year of 4 to 7 digits) optionally followed by a space or <c>T</c> and anything;
/// a timestamp adds <c>[h]h[:[m]m[:[s]s[.fraction]]]</c> (fraction digits past the sixth dropped) and a zone
/// (<c>Z</c>, <c>±hh[:mm]</c>, <c>UTC</c>/<c>GMT</c>/<c>UT</c> with an offset, or a region id). The result is the
/// normalized text Spark shows in the literal's name, which a cast reads back to the same value.
/// </summary>
internal static class SparkDateTimeText
{
    /// <summary>A date's normalized text (<c>2019-01-01</c>), or null when Spark rejects the text.</summary>
    internal static string? Date(string text)
    {
        var reader = new Reader(Trim(text));
        if (!reader.Date(out var year, out var month, out var day)) return null;
        if (!reader.AtEnd && reader.Current is not (' ' or 'T')) return null;
        return Valid(year, month, day) ? DateText(year, month, day) : null;
    }

    /// <summary>
    /// A timestamp's normalized text (<c>2019-01-01 00:00:00</c>, fractions without trailing zeros) and its zone suffix
    /// as a cast reads it (empty: the session zone); null when Spark rejects the text, <paramref name="timeOnly"/> when it
    /// is a time without a date (Spark takes today's date; the caller keeps the text as written).
    /// </summary>
    internal static string? Timestamp(string text, out string zone, out bool timeOnly)
    {
        zone = "";
        var trimmed = Trim(text);
        timeOnly = trimmed.StartsWith('T') || (trimmed.IndexOf(':') is var colon and >= 0 && (trimmed.IndexOf('-') is var dash && (dash < 0 || dash > colon)));
        if (timeOnly) return null;
        var reader = new Reader(trimmed);
        if (!reader.Date(out var year, out var month, out var day) || !Valid(year, month, day)) return null;
        int hour = 0, minute = 0, second = 0;
        var fraction = "";
        if (!reader.AtEnd)
        {
            if (reader.Current is not (' ' or 'T')) return null;
            reader.Skip();
            if (!reader.AtEnd && char.IsAsciiDigit(reader.Current))
            {
                if (!reader.Digits(1, 2, out hour) || hour > 23) return null;
                if (reader.Accept(':'))
                {
                    if (!reader.Digits(1, 2, out minute) || minute > 59) return null;
                    if (reader.Accept(':'))
                    {
                        if (!reader.Digits(1, 2, out second) || second > 59) return null;
                        if (reader.Accept('.')) fraction = reader.Fraction();
                    }
                }
            }
            if (!reader.AtEnd)
            {
                if (Zone(reader.Rest().TrimStart()) is not { } parsed) return null;
                zone = parsed;
            }
        }
        var time = string.Create(CultureInfo.InvariantCulture, $"{hour:D2}:{minute:D2}:{second:D2}");
        return DateText(year, month, day) + " " + time + (fraction.Length > 0 ? "." + fraction : "");
    }

    /// <summary>Spark trims spaces and control characters (<c>UTF8String.trimAll</c>).</summary>
    private static string Trim(string text) => text.Trim().Trim(Enumerable.Range(0, 33).Select(c => (char)c).ToArray());

    private static bool Valid(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && (year is < 1 or > 9999 ? day <= 31 : day <= DateTime.DaysInMonth(year, month));

    private static string DateText(int year, int month, int day) =>
        (year > 9999 ? "+" : "") + string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");

    /// <summary>The zone as a cast reads it after the time, or null when Spark would not accept it.</summary>
    private static string? Zone(string zone)
    {
        if (zone is "Z") return "+00:00";
        var offsetAt = zone.StartsWith("UTC", StringComparison.Ordinal) || zone.StartsWith("GMT", StringComparison.Ordinal) ? 3
            : zone.StartsWith("UT", StringComparison.Ordinal) ? 2 : 0;
        var offset = zone[offsetAt..];
        if (offsetAt > 0 && offset.Length == 0) return "+00:00";
        if (offset.Length > 0 && offset[0] is '+' or '-')
        {
            var parts = offset[1..].Split(':');
            if (parts.Length > 2 || parts.Any(p => p.Length is 0 or > 2 || !p.All(char.IsAsciiDigit))) return null;
            var hours = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var minutes = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
            return hours > 18 || minutes > 59 ? null : string.Create(CultureInfo.InvariantCulture, $"{offset[0]}{hours:D2}:{minutes:D2}");
        }
        if (offsetAt > 0) return null;
        var region = zone.TrimStart();
        return region.Length > 0 && region.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+')
            && TimeZoneInfo.TryFindSystemTimeZoneById(region, out _) ? " " + region : null;
    }

    /// <summary>A cursor over the text's characters.</summary>
    private sealed class Reader(string text)
    {
        private int _at;

        internal bool AtEnd => _at >= text.Length;

        internal char Current => text[_at];

        internal void Skip() => _at++;

        internal string Rest() => text[_at..];

        internal bool Accept(char c)
        {
            if (AtEnd || text[_at] != c) return false;
            _at++;
            return true;
        }

        internal bool Digits(int min, int max, out int value)
        {
            value = 0;
            var start = _at;
            while (!AtEnd && char.IsAsciiDigit(text[_at])) _at++;
            var count = _at - start;
            if (count < min || count > max) return false;
            value = int.Parse(text.AsSpan(start, count), CultureInfo.InvariantCulture);
            return true;
        }

        /// <summary>Up to six fraction digits (the rest dropped), trailing zeros removed.</summary>
        internal string Fraction()
        {
            var digits = new StringBuilder();
            while (!AtEnd && char.IsAsciiDigit(text[_at]))
            {
                if (digits.Length < 6) digits.Append(text[_at]);
                _at++;
            }
            return digits.ToString().TrimEnd('0');
        }

        /// <summary><c>[+-]yyyy[-[m]m[-[d]d]]</c>; a missing month or day is 1.</summary>
        internal bool Date(out int year, out int month, out int day)
        {
            month = day = 1;
            var negative = Accept('-');
            if (!negative) Accept('+');
            if (!Digits(4, 7, out year)) return false;
            if (negative) year = -year;
            if (!Accept('-')) return true;
            if (!Digits(1, 2, out month)) return false;
            return !Accept('-') || Digits(1, 2, out day);
        }
    }
}
