using System.Text;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's date-time keywords and patterns mapped onto DuckDB's through allow-lists, so no user text
/// reaches the SQL: truncation units become fixed DuckDB unit names, and Java DateTimeFormatter
/// patterns become strptime formats (which are then bound as parameters).
/// </summary>
internal static class DateTimePatterns
{
    private static readonly Dictionary<string, string> DateUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["YEAR"] = "year", ["YYYY"] = "year", ["YY"] = "year",
        ["QUARTER"] = "quarter",
        ["MONTH"] = "month", ["MON"] = "month", ["MM"] = "month",
        ["WEEK"] = "week",
    };

    private static readonly Dictionary<string, string> TimeUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DAY"] = "day", ["DD"] = "day",
        ["HOUR"] = "hour",
        ["MINUTE"] = "minute",
        ["SECOND"] = "second",
        ["MILLISECOND"] = "milliseconds",
        ["MICROSECOND"] = "microseconds",
    };

    // Longest tokens first so "yyyy" wins over "yy" and "SSSSSS" over "SSS". Parsing accepts unpadded
    // numbers with the padded directives; formatting needs the unpadded %-x forms for single letters.
    private static readonly (string Java, string Strptime)[] ParseTokens =
    [
        ("yyyy", "%Y"), ("yy", "%y"), ("MM", "%m"), ("M", "%m"), ("dd", "%d"), ("d", "%d"),
        ("HH", "%H"), ("H", "%H"), ("hh", "%I"), ("h", "%I"), ("mm", "%M"), ("m", "%M"), ("ss", "%S"), ("s", "%S"),
        ("SSSSSS", "%f"), ("SSS", "%g"), ("a", "%p"),
    ];

    // Month and day names: Spark writes them in English (its default locale), as DuckDB's strftime does.
    private static readonly (string Java, string Strptime)[] FormatTokens =
    [
        ("yyyy", "%Y"), ("yy", "%y"), ("MMMM", "%B"), ("MMM", "%b"), ("MM", "%m"), ("M", "%-m"), ("dd", "%d"), ("d", "%-d"),
        ("EEEE", "%A"), ("EEE", "%a"),
        ("HH", "%H"), ("H", "%-H"), ("hh", "%I"), ("h", "%-I"), ("mm", "%M"), ("m", "%-M"), ("ss", "%S"), ("s", "%-S"),
        ("SSSSSS", "%f"), ("SSS", "%g"), ("a", "%p"),
    ];

    /// <summary>The DuckDB unit for a Spark truncation unit, or null when Spark would return null for it.</summary>
    public static string? TruncationUnit(string? unit, bool includeTimeUnits)
    {
        if (unit is null) return null;
        if (DateUnits.TryGetValue(unit, out var dateUnit)) return dateUnit;
        return includeTimeUnits && TimeUnits.TryGetValue(unit, out var timeUnit) ? timeUnit : null;
    }

    /// <summary>
    /// Translates a Java date-time pattern built from common letters (y M d H h m s S a), separators and
    /// quoted text to a strptime format; anything else is rejected rather than parsed differently.
    /// </summary>
    public static string ToStrptime(string function, string pattern) => Translate(function, pattern, ParseTokens);

    /// <summary>Translates a Java date-time pattern (the same letters, plus MMM/MMMM and EEE/EEEE names) to a strftime format.</summary>
    public static string ToStrftime(string function, string pattern) => Translate(function, pattern, FormatTokens);

    private static string Translate(string function, string pattern, (string Java, string Strptime)[] tokens)
    {
        CheckRecognized(pattern);
        var format = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                var close = pattern.IndexOf('\'', i + 1);
                if (close < 0) throw Unsupported(function, pattern);
                format.Append(pattern.AsSpan(i + 1, close - i - 1).ToString().Replace("%", "%%", StringComparison.Ordinal));
                i = close + 1;
                continue;
            }
            if (c is '-' or '/' or ':' or '.' or ' ' or ',' or '_')
            {
                format.Append(c);
                i++;
                continue;
            }
            var token = tokens.FirstOrDefault(t => string.CompareOrdinal(pattern, i, t.Java, 0, t.Java.Length) == 0
                && (i + t.Java.Length == pattern.Length || pattern[i + t.Java.Length] != c));
            if (token.Java is null) throw Unsupported(function, pattern);
            format.Append(token.Strptime);
            i += token.Java.Length;
        }
        return format.ToString();
    }

    /// <summary>
    /// Spark refuses the pattern lengths its DateTimeFormatter reads differently from Spark 2's (five or more of G, M, L,
    /// E, Q, q; eleven or more of y, Y) with INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION.
    /// </summary>
    internal static void CheckRecognized(string pattern)
    {
        var quoted = false;
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c) run++;
            if (c == '\'') quoted = !quoted;
            else if (!quoted && ((c is 'G' or 'M' or 'L' or 'E' or 'Q' or 'q' && run >= 5) || (c is 'y' or 'Y' && run >= 11)))
                throw new LocalEngineException("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION", "42K0B",
                    $"You may get a different result due to the upgrading to Spark >= 3.0: Fail to recognize '{pattern}' pattern in the DateTimeFormatter. " +
                    "1) You can set \"spark.sql.legacy.timeParserPolicy\" to \"LEGACY\" to restore the behavior before Spark 3.0. " +
                    "2) You can form a valid datetime pattern with the guide from 'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.",
                    new Dictionary<string, string> { ["config"] = "\"spark.sql.legacy.timeParserPolicy\"", ["docroot"] = "https://spark.apache.org/docs/latest", ["pattern"] = $"'{pattern}'" });
            i += c == '\'' ? 1 : run;
        }
    }

    private static LocalEngineException Unsupported(string function, string pattern) =>
        LocalEngineException.Unsupported($"the {function} pattern '{pattern}'",
            "Use a pattern made of yyyy, yy, MM, dd, HH, hh, mm, ss, SSS, SSSSSS, a, separators (- / : . , space) and 'quoted' text.");
}
