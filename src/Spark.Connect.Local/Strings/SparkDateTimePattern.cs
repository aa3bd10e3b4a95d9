using System.Globalization;
using System.Text;

namespace Spark.Connect.Local.Strings;

/// <summary>
/// A Spark datetime pattern (Spark's "Datetime Patterns" page, as its DateTimeFormatter builds them) compiled for parsing:
/// y (one letter: any digits; yy: two digits from 2000; four or more: at least that many), M/L (numbers; MMM, MMMM names),
/// d, H, h, k, K, m, s (one letter: one or two digits; two: exactly two), S… (a fraction of one up to that many digits), a,
/// zones (z, V, X, x, Z, O), 'quoted' text with '' for a quote, other characters as themselves, and [optional] sections.
/// Parsing is case-insensitive and never backtracks into a field, as Java's. Missing fields default to 1970-01-01 00:00.
/// </summary>
internal sealed class SparkDateTimePattern
{
    private readonly List<Part> _parts;

    private SparkDateTimePattern(List<Part> parts) => _parts = parts;

    /// <summary>A failure to parse the text (Spark's CANNOT_PARSE_TIMESTAMP message).</summary>
    internal sealed class ParseFailure(string message) : Exception(message);

    /// <summary>A pattern letter this parser does not read; the caller refuses the pattern.</summary>
    internal sealed class UnsupportedPattern(string message) : Exception(message);

    private abstract record Part;
    private sealed record Literal(string Text) : Part;
    private sealed record Field(char Letter, int Count) : Part;
    private sealed record Optional(List<Part> Parts) : Part;

    /// <summary>Compiles <paramref name="pattern"/>, or throws <see cref="UnsupportedPattern"/>.</summary>
    internal static SparkDateTimePattern Compile(string pattern)
    {
        var at = 0;
        var parts = ParseParts(pattern, ref at, nested: false);
        return new SparkDateTimePattern(parts);
    }

    private static List<Part> ParseParts(string pattern, ref int at, bool nested)
    {
        var parts = new List<Part>();
        while (at < pattern.Length)
        {
            var c = pattern[at];
            if (c == '[')
            {
                at++;
                parts.Add(new Optional(ParseParts(pattern, ref at, nested: true)));
            }
            else if (c == ']')
            {
                if (!nested) throw new UnsupportedPattern($"Pattern invalid: '{pattern}' closes an optional section it did not open.");
                at++;
                return parts;
            }
            else if (c == '\'')
            {
                var text = new StringBuilder();
                at++;
                if (at < pattern.Length && pattern[at] == '\'') { parts.Add(new Literal("'")); at++; continue; }
                while (true)
                {
                    if (at >= pattern.Length) throw new UnsupportedPattern($"Pattern invalid: '{pattern}' has an unclosed quote.");
                    if (pattern[at] == '\'')
                    {
                        if (at + 1 < pattern.Length && pattern[at + 1] == '\'') { text.Append('\''); at += 2; continue; }
                        at++;
                        break;
                    }
                    text.Append(pattern[at++]);
                }
                parts.Add(new Literal(text.ToString()));
            }
            else if (char.IsAsciiLetter(c))
            {
                var count = 1;
                while (at + count < pattern.Length && pattern[at + count] == c) count++;
                if (!Supported(c, count)) throw new UnsupportedPattern($"the letter '{new string(c, count)}' in the pattern '{pattern}'");
                parts.Add(new Field(c, count));
                at += count;
            }
            else
            {
                parts.Add(new Literal(c.ToString()));
                at++;
            }
        }
        return parts;
    }

    private static bool Supported(char letter, int count) => letter switch
    {
        'y' or 'u' => true,
        'M' or 'L' => count <= 4,
        'd' or 'H' or 'h' or 'k' or 'K' or 'm' or 's' => count <= 2,
        'S' => count <= 9,
        'a' => count == 1,
        'z' => count <= 3,
        'V' => count == 2,
        'X' or 'x' => count <= 3,
        'Z' => count <= 3,
        _ => false,
    };

    /// <summary>
    /// The local date-time the text names, as <c>yyyy-MM-dd HH:mm:ss.ffffff</c>, followed by the zone when the text has
    /// one (<c>+hh:mm</c>, or a space and a region id); throws <see cref="ParseFailure"/> as Java's parser fails.
    /// </summary>
    internal string Parse(string text)
    {
        var state = new State(text);
        if (!Run(_parts, state))
            throw new ParseFailure($"Text '{text}' could not be parsed at index {state.ErrorAt}");
        if (state.At < text.Length)
            throw new ParseFailure($"Text '{text}' could not be parsed, unparsed text found at index {state.At}");
        return state.Resolve();
    }

    private static bool Run(List<Part> parts, State state)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            switch (parts[i])
            {
                case Literal literal:
                    if (state.At + literal.Text.Length > state.Text.Length
                        || string.Compare(state.Text, state.At, literal.Text, 0, literal.Text.Length, StringComparison.OrdinalIgnoreCase) != 0)
                        return state.Fail();
                    state.At += literal.Text.Length;
                    break;
                case Optional optional:
                    var saved = state.Copy();
                    if (!Run(optional.Parts, state)) state.Restore(saved);
                    break;
                case Field field:
                    if (!state.Read(field, ReservedDigits(parts, i + 1))) return state.Fail();
                    break;
            }
        }
        return true;
    }

    // Java's adjacent value parsing: a variable-width number followed directly by fixed-width numbers leaves them their digits.
    private static int ReservedDigits(List<Part> parts, int from)
    {
        var reserved = 0;
        for (var i = from; i < parts.Count && parts[i] is Field { Count: 2, Letter: 'M' or 'L' or 'd' or 'H' or 'h' or 'k' or 'K' or 'm' or 's' or 'y' }; i++)
            reserved += 2;
        return reserved;
    }

    /// <summary>The fields read so far and the position in the text.</summary>
    private sealed class State(string text)
    {
        private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
        private static readonly string[] ShortMonths = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;
        private Dictionary<char, long> _fields = [];

        internal string Text { get; } = text;
        internal int At { get; set; }
        internal int ErrorAt { get; private set; }
        internal string? Zone { get; private set; }

        internal bool Fail()
        {
            ErrorAt = Math.Max(ErrorAt, At);
            return false;
        }

        internal (int, Dictionary<char, long>, string?) Copy() => (At, new Dictionary<char, long>(_fields), Zone);

        internal void Restore((int At, Dictionary<char, long> Fields, string? Zone) saved) => (At, _fields, Zone) = saved;

        internal bool Read(Field field, int reserved) => field.Letter switch
        {
            'y' or 'u' when field.Count == 2 => Number(2, 2, 0) is { } yy && Set('y', 2000 + yy),
            'y' or 'u' => Number(field.Count == 1 ? 1 : field.Count, 19, reserved) is { } year && Set('y', year),
            'M' or 'L' when field.Count >= 3 => MonthName(field.Count == 3 ? ShortMonths : Months),
            'S' => Fraction(field.Count),
            'a' => AmPm(),
            'z' or 'V' => ZoneName(),
            'X' or 'x' or 'Z' => Offset(field.Letter == 'X'),
            _ => Number(field.Count == 1 ? 1 : 2, 2, reserved) is { } value && Set(field.Letter is 'L' ? 'M' : field.Letter, value),
        };

        private long? Number(int min, int max, int reserved)
        {
            var start = At;
            var available = 0;
            while (start + available < Text.Length && char.IsAsciiDigit(Text[start + available])) available++;
            var take = Math.Min(max, Math.Max(min, available - reserved));
            if (available < min || take > available) return null;
            At += take;
            return long.Parse(Text.AsSpan(start, take), CultureInfo.InvariantCulture);
        }

        private bool Fraction(int max)
        {
            var start = At;
            while (At < Text.Length && At - start < max && char.IsAsciiDigit(Text[At])) At++;
            if (At == start) return false;
            var digits = Text[start..At].PadRight(9, '0');
            return Set('S', long.Parse(digits, CultureInfo.InvariantCulture));
        }

        private bool MonthName(string[] names)
        {
            for (var m = 0; m < 12; m++)
            {
                if (At + names[m].Length <= Text.Length && string.Compare(Text, At, names[m], 0, names[m].Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    At += names[m].Length;
                    return Set('M', m + 1);
                }
            }
            return false;
        }

        private bool AmPm()
        {
            if (At + 2 > Text.Length) return false;
            var word = Text.Substring(At, 2).ToUpperInvariant();
            if (word is not ("AM" or "PM")) return false;
            At += 2;
            return Set('a', word == "PM" ? 1 : 0);
        }

        // Java reads zone names and ids; the short names Spark's tests use stand for their regions.
        private static readonly Dictionary<string, string> ShortZones = new(StringComparer.OrdinalIgnoreCase)
        {
            ["UTC"] = "+00:00", ["GMT"] = "+00:00", ["UT"] = "+00:00", ["Z"] = "+00:00",
            ["PST"] = " America/Los_Angeles", ["PDT"] = " America/Los_Angeles", ["CST"] = " America/Chicago", ["CDT"] = " America/Chicago",
            ["MST"] = " America/Denver", ["MDT"] = " America/Denver", ["EST"] = " America/New_York", ["EDT"] = " America/New_York",
            ["CET"] = " CET", ["CEST"] = " CET",
        };

        private bool ZoneName()
        {
            var start = At;
            while (At < Text.Length && (char.IsAsciiLetterOrDigit(Text[At]) || Text[At] is '/' or '_' or '-' or '+')) At++;
            var name = Text[start..At];
            if (ShortZones.TryGetValue(name, out var zone)) { Zone = zone; return true; }
            if (name.Contains('/') && TimeZoneInfo.TryFindSystemTimeZoneById(name, out _)) { Zone = " " + name; return true; }
            At = start;
            return false;
        }

        private bool Offset(bool zForZero)
        {
            if (zForZero && At < Text.Length && Text[At] is 'Z' or 'z') { At++; Zone = "+00:00"; return true; }
            if (At >= Text.Length || Text[At] is not ('+' or '-')) return false;
            var sign = Text[At++];
            if (Number(2, 2, 0) is not { } hours) return false;
            long minutes = 0;
            if (At < Text.Length && Text[At] == ':') At++;
            if (At + 1 < Text.Length && char.IsAsciiDigit(Text[At]) && Number(2, 2, 0) is { } m) minutes = m;
            Zone = string.Create(CultureInfo.InvariantCulture, $"{sign}{hours:D2}:{minutes:D2}");
            return true;
        }

        private bool Set(char field, long value)
        {
            if (_fields.TryGetValue(field, out var existing) && existing != value)
                throw new ParseFailure($"Text '{Text}' could not be parsed: Conflict found: {field} {existing} differs from {field} {value}");
            _fields[field] = value;
            return true;
        }

        internal string Resolve()
        {
            var year = _fields.GetValueOrDefault('y', 1970);
            var month = _fields.GetValueOrDefault('M', 1);
            var day = _fields.GetValueOrDefault('d', 1);
            long hour = _fields.TryGetValue('H', out var h24) ? h24
                : _fields.TryGetValue('k', out var k) ? k % 24
                : _fields.TryGetValue('h', out var h12) ? h12 % 12 + 12 * _fields.GetValueOrDefault('a', 0)
                : _fields.TryGetValue('K', out var k12) ? k12 + 12 * _fields.GetValueOrDefault('a', 0) : 0;
            var minute = _fields.GetValueOrDefault('m', 0);
            var second = _fields.GetValueOrDefault('s', 0);
            var nanos = _fields.GetValueOrDefault('S', 0);
            if (month is < 1 or > 12) throw new ParseFailure($"Text '{Text}' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): {month}");
            if (year is < 1 or > 9999) throw new ParseFailure($"Text '{Text}' could not be parsed: the year {year} is outside the range this engine reads");
            var days = DateTime.DaysInMonth((int)year, (int)month);
            if (day < 1 || day > 31) throw new ParseFailure($"Text '{Text}' could not be parsed: Invalid value for DayOfMonth (valid values 1 - 28/31): {day}");
            if (day > days)
                throw new ParseFailure(month == 2 && day == 29
                    ? $"Invalid date 'February 29' as '{year}' is not a leap year"
                    : $"Invalid date '{Months[month - 1].ToUpperInvariant()} {day}'");
            if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
                throw new ParseFailure($"Text '{Text}' could not be parsed: a time field is out of range");
            return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2} {hour:D2}:{minute:D2}:{second:D2}.{nanos / 1000:D6}") + (Zone ?? "");
        }
    }
}
