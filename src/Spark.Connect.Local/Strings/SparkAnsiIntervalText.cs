using System.Globalization;
using System.Text.RegularExpressions;

namespace Spark.Connect.Local.Strings;

/// <summary>
/// Reads text as ANSI Spark casts it to a year-month or day-time interval type (Spark's <c>castStringToYMInterval</c> /
/// <c>castStringToDTInterval</c>): after trimming whitespace and control characters, the text is the type's own form
/// (<c>[+|-]y-m</c> for YEAR TO MONTH, <c>[+|-]d h:m:s.n</c> for DAY TO SECOND, …) or that form as a literal
/// (<c>INTERVAL [+|-]'[+|-]y-m' YEAR TO MONTH</c>); a single number counts the type's only field. Another form is
/// <c>INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING</c> (day-time: <c>…_WITH_NOTICE</c>); a field out of its range
/// or a total the type can't hold is <c>INVALID_INTERVAL_FORMAT.INTERVAL_PARSING</c>. Fields are numbered as in the
/// protocol: YEAR 0, MONTH 1; DAY 0, HOUR 1, MINUTE 2, SECOND 3.
/// </summary>
internal static partial class SparkAnsiIntervalText
{
    private const long MicrosPerSecond = 1_000_000L, MicrosPerMinute = 60 * MicrosPerSecond, MicrosPerHour = 60 * MicrosPerMinute, MicrosPerDay = 24 * MicrosPerHour;

    // Spark's bounds: the most days, hours and minutes a day-time interval (a long of microseconds) can hold.
    private const long MaxDay = 106_751_991L, MaxHour = 2_562_047_788L, MaxMinute = 153_722_867_280L;

    private static readonly string[] YearMonthNames = ["YEAR", "MONTH"];
    private static readonly string[] DayTimeNames = ["DAY", "HOUR", "MINUTE", "SECOND"];

    /// <summary>A text that is not an interval of the type; the message is Spark's, with the error class in brackets.</summary>
    internal sealed class Failure(string message) : Exception(message);

    /// <summary>The months of <paramref name="text"/> as an interval from field <paramref name="start"/> to <paramref name="end"/>.</summary>
    internal static int YearMonth(string text, int start, int end)
    {
        var input = Trim(text);
        Match m;
        if (start == 0 && end == 1 && ((m = YearMonthForm().Match(input)).Success || (m = YearMonthLiteral().Match(input)).Success))
        {
            var sign = Sign(m.Groups["s1"].Value, m.Groups["s2"].Value);
            return Parsing("year-month", input, () =>
            {
                var years = Field("year", m.Groups["y"].Value, 0, int.MaxValue / 12);
                var months = Field("month", m.Groups["m"].Value, 0, 11);
                return checked((int)(sign * (years * 12 + months)));
            });
        }
        if ((m = SingleNumber().Match(input)).Success || (m = SingleNumberLiteral().Match(input)).Success)
        {
            var unit = m.Groups["u"].Success ? m.Groups["u"].Value.ToUpperInvariant() : null;
            var perUnit = (start, end, unit) switch
            {
                (0, 0, null or "YEAR") => 12L,
                (1, 1, null or "MONTH") => 1L,
                _ => 0L,
            };
            if (perUnit != 0 && !m.Groups["f"].Success)
            {
                var sign = Sign(m.Groups["s1"].Value, m.Groups["s2"].Value);
                return Parsing("year-month", input, () => checked((int)(sign * long.Parse(m.Groups["v"].Value, CultureInfo.InvariantCulture) * perUnit)));
            }
        }
        throw Unmatched(input, "year-month", YearMonthNames, start, end, notice: false);
    }

    /// <summary>The microseconds of <paramref name="text"/> as an interval from field <paramref name="start"/> to <paramref name="end"/>.</summary>
    internal static long DayTime(string text, int start, int end)
    {
        var input = Trim(text);
        if (DayTimeForms[start, end] is { } forms && (forms.Plain.Match(input) is { Success: true } plain ? plain : forms.Literal.Match(input)) is { Success: true } m)
        {
            var sign = Sign(m.Groups["s1"].Value, m.Groups["s2"].Value);
            return Parsing("day-time", input, () =>
            {
                // The leading field may be large; the ones after it are bounded by the next larger unit.
                long micros = 0;
                if (m.Groups["d"].Success) micros += Field("day", m.Groups["d"].Value, 0, MaxDay) * MicrosPerDay;
                if (m.Groups["h"].Success) micros += Field("hour", m.Groups["h"].Value, 0, start == 1 ? MaxHour : 23) * MicrosPerHour;
                if (m.Groups["mi"].Success) micros = checked(micros + Field("minute", m.Groups["mi"].Value, 0, start == 2 ? MaxMinute : 59) * MicrosPerMinute);
                if (m.Groups["sec"].Success) micros = checked(micros + Field("second", m.Groups["sec"].Value, 0, 59) * MicrosPerSecond + FractionMicros(m.Groups["f"].Value));
                return checked(sign * micros);
            });
        }
        if ((SingleNumber().Match(input) is { Success: true } single ? single : SingleNumberLiteral().Match(input)) is { Success: true } n && start == end)
        {
            var unit = n.Groups["u"].Success ? n.Groups["u"].Value.ToUpperInvariant() : null;
            var digits = n.Groups["v"].Value;
            var fraction = n.Groups["f"].Value;
            var fits = (start, unit) switch
            {
                (0, null or "DAY") => fraction.Length == 0 && digits.Length <= 9,
                (1, null or "HOUR") => fraction.Length == 0 && digits.Length <= 10,
                (2, null or "MINUTE") => fraction.Length == 0 && digits.Length <= 12,
                (3, null or "SECOND") => digits.Length <= 13,
                _ => false,
            };
            if (fits)
            {
                var sign = Sign(n.Groups["s1"].Value, n.Groups["s2"].Value);
                return Parsing("day-time", input, () =>
                {
                    var value = Field(DayTimeNames[start].ToLowerInvariant(), digits, 0, start == 3 ? long.MaxValue / MicrosPerSecond : long.MaxValue);
                    var micros = checked(value * (start == 3 ? MicrosPerSecond : DayTimeUnitMicros(start)) + FractionMicros(fraction));
                    return sign * micros;
                });
            }
        }
        throw Unmatched(input, "day-time", DayTimeNames, start, end, notice: true);
    }

    private static long DayTimeUnitMicros(int field) => field switch { 0 => MicrosPerDay, 1 => MicrosPerHour, _ => MicrosPerMinute };

    // Spark's trimAll: whitespace and ISO control characters at both ends.
    private static string Trim(string text) => text.Trim([.. Enumerable.Range(0, 0x21).Select(c => (char)c), (char)0x7F]);

    // Two signs (before the quote and inside it) cancel when both are '-'; Spark's sign class also admits '|', as plus.
    private static int Sign(string outer, string inner) => (outer == "-") != (inner == "-") ? -1 : 1;

    private static long Field(string name, string digits, long min, long max)
    {
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new OverflowException($"{name} {digits} outside range [{min}, {max}]");
        return value;
    }

    // Up to nine digits of a second's fraction, cut to microseconds.
    private static long FractionMicros(string fraction) => fraction.Length <= 1 ? 0
        : long.Parse(fraction[1..].PadRight(9, '0'), CultureInfo.InvariantCulture) / 1_000;

    private static T Parsing<T>(string kind, string input, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (OverflowException e)
        {
            throw new Failure($"[INVALID_INTERVAL_FORMAT.INTERVAL_PARSING] Error parsing '{input}' to interval. Error parsing {kind} interval: {e.Message}");
        }
    }

    private static Failure Unmatched(string input, string kind, string[] names, int start, int end, bool notice)
    {
        var typeName = "interval " + (start == end ? names[start] : $"{names[start]} to {names[end]}").ToLowerInvariant();
        var form = SupportedForm(kind, start, end);
        var formats = $"`{form}`, `INTERVAL [+|-]'{form}' {(start == end ? names[start] : $"{names[start]} TO {names[end]}")}`";
        var errorClass = notice ? "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE" : "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING";
        var hint = notice ? " Set \"spark.sql.legacy.fromDayTimeString.enabled\" to \"true\" to restore the behavior before Spark 3.0." : "";
        return new Failure($"[{errorClass}] Error parsing '{input}' to interval. Interval string does not match {kind} format of {formats} when cast to {typeName}: {input}.{hint}");
    }

    private static string SupportedForm(string kind, int start, int end) => "[+|-]" + (kind == "year-month"
        ? (start, end) switch { (0, 1) => "y-m", (0, 0) => "y", _ => "m" }
        : (start, end) switch
        {
            (0, 0) => "d", (1, 1) => "h", (2, 2) => "m", (3, 3) => "s.n",
            (0, 1) => "d h", (0, 2) => "d h:m", (0, 3) => "d h:m:s.n", (1, 2) => "h:m", (1, 3) => "h:m:s.n", _ => "m:s.n",
        });

    private sealed record Forms(Regex Plain, Regex Literal);

    private const string SignGroup = "(?<s1>[+|-])?";

    // [start, end] → the plain and literal forms of a multi-field day-time type.
    private static readonly Forms?[,] DayTimeForms = BuildDayTimeForms();

    private static Forms?[,] BuildDayTimeForms()
    {
        const string two = @"\d{1,2}", fraction = @"(?<f>\.\d{1,9})?";
        var bodies = new Dictionary<(int, int), string>
        {
            [(0, 1)] = $@"(?<d>\d{{1,9}}) (?<h>{two})",
            [(0, 2)] = $@"(?<d>\d{{1,9}}) (?<h>{two}):(?<mi>{two})",
            [(0, 3)] = $@"(?<d>\d{{1,9}}) (?<h>{two}):(?<mi>{two}):(?<sec>{two}){fraction}",
            [(1, 2)] = $@"(?<h>\d{{1,10}}):(?<mi>{two})",
            [(1, 3)] = $@"(?<h>\d{{1,10}}):(?<mi>{two}):(?<sec>{two}){fraction}",
            [(2, 3)] = $@"(?<mi>\d{{1,12}}):(?<sec>{two}){fraction}",
        };
        var forms = new Forms?[4, 4];
        foreach (var ((start, end), body) in bodies)
        {
            forms[start, end] = new Forms(
                new Regex($"^{SignGroup}{body}$", RegexOptions.CultureInvariant),
                new Regex($@"^INTERVAL\s+{SignGroup}'(?<s2>[+|-])?{body}'\s+{DayTimeNames[start]}\s+TO\s+{DayTimeNames[end]}$",
                    RegexOptions.CultureInvariant | RegexOptions.IgnoreCase));
        }
        return forms;
    }

    [GeneratedRegex(@"^(?<s1>[+|-])?(?<y>\d+)-(?<m>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonthForm();

    [GeneratedRegex(@"^INTERVAL\s+(?<s1>[+|-])?'(?<s2>[+|-])?(?<y>\d+)-(?<m>\d+)'\s+YEAR\s+TO\s+MONTH$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex YearMonthLiteral();

    [GeneratedRegex(@"^(?<s1>[+|-])?(?<v>\d+)(?<f>\.\d{1,9})?$", RegexOptions.CultureInvariant)]
    private static partial Regex SingleNumber();

    [GeneratedRegex(@"^INTERVAL\s+(?<s1>[+|-])?'(?<s2>[+|-])?(?<v>\d+)(?<f>\.\d{1,9})?'\s+(?<u>YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SingleNumberLiteral();
}
