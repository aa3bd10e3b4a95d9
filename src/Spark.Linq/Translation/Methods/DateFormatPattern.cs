using System.Text;

namespace Spark.Linq.Translation.Methods;

/// <summary>
/// Maps a .NET custom date and time format (<c>"yyyy-MM-dd HH:mm"</c>) to a Spark datetime pattern,
/// specifier by specifier, where both give the same text; anything else is refused with the reason.
/// Culture-dependent parts (the <c>/</c> and <c>:</c> separators, month and day names, AM/PM) are
/// mapped only under the invariant culture, whose text is the one Spark writes; literal text is quoted.
/// </summary>
internal static class DateFormatPattern
{
    /// <summary>Separators written as they are in both languages (the others are quoted).</summary>
    private const string PlainSeparators = "-., _";

    /// <summary>The Spark pattern for <paramref name="format"/>, or null with <paramref name="problem"/> saying why not.</summary>
    /// <param name="format">The .NET format string.</param>
    /// <param name="invariant">Whether the text is formatted with the invariant culture (else with the current culture, unknown until it runs).</param>
    /// <param name="dateOnly">Whether the value is a <see cref="DateOnly"/>, whose format may not have time specifiers.</param>
    /// <param name="problem">Why the format can't be mapped.</param>
    public static string? TryMap(string? format, bool invariant, bool dateOnly, out string problem)
    {
        problem = string.Empty;
        if (string.IsNullOrEmpty(format) || format.Length == 1)
        {
            problem = $"'{format}' is a standard format, whose text depends on the culture.";
            return null;
        }
        var pattern = new StringBuilder();
        var literal = new StringBuilder();
        for (var i = 0; i < format.Length;)
        {
            var c = format[i];
            if (c is '\'' or '"')
            {
                var close = format.IndexOf(c, i + 1);
                if (close < 0) return Fail(out problem, "it has an unterminated quoted text.");
                literal.Append(format, i + 1, close - i - 1);
                i = close + 1;
                continue;
            }
            if (c == '\\')
            {
                if (i + 1 == format.Length) return Fail(out problem, "it ends with an escape character.");
                literal.Append(format[i + 1]);
                i += 2;
                continue;
            }
            if (c == '%' && i + 1 < format.Length)
            {
                i++;
                continue;
            }
            var run = 1;
            while (i + run < format.Length && format[i + run] == c) run++;
            if (Specifier(c, run, invariant, dateOnly, out problem) is not { } mapped)
            {
                if (problem.Length > 0) return null;
                // Not a specifier: literal text in .NET.
                literal.Append(c, run);
                i += run;
                continue;
            }
            if (!Flush(pattern, literal)) return Fail(out problem, "it has a literal single quote.");
            pattern.Append(mapped);
            i += run;
        }
        return Flush(pattern, literal) ? pattern.ToString() : Fail(out problem, "it has a literal single quote.");
    }

    /// <summary>The Spark letters for a run of one .NET specifier; null with no problem for a character that is literal text.</summary>
    private static string? Specifier(char c, int run, bool invariant, bool dateOnly, out string problem)
    {
        var letters = new string(c, run);
        string? refused = null;
        string? Refuse(string reason)
        {
            refused = reason;
            return null;
        }
        string? Culture(string spark, string what) => invariant ? spark
            : Refuse($"{what} depend on the current culture in .NET; pass CultureInfo.InvariantCulture to format with the invariant culture, whose text Spark writes.");

        var mapped = dateOnly && c is 'h' or 'H' or 'm' or 's' or 'f' or 'F' or 't' or 'z' or 'K'
            ? Refuse($"'{letters}' is a time specifier, which a DateOnly can't format.")
            : (c, run) switch
            {
                ('y', 2 or 4) => letters,
                ('y', _) => Refuse($"'{letters}' has no Spark equivalent; use yy or yyyy."),
                ('M' or 'd' or 'H' or 'h' or 'm' or 's', 1 or 2) => letters,
                ('M', 3 or 4) => Culture(letters, "month names"),
                ('d', 3 or 4) => Culture(new string('E', run), "day names"),
                ('f', <= 6) => new string('S', run),
                ('t', 2) => Culture("a", "AM/PM designators"),
                (':' or '/', _) => Culture(letters, "the ':' time separator and '/' date separator"),
                ('y' or 'M' or 'd' or 'H' or 'h' or 'm' or 's' or 'f' or 'F' or 't' or 'g' or 'z' or 'K', _) =>
                    Refuse($"the specifier '{letters}' has no Spark equivalent that writes the same text."),
                _ => null,
            };
        problem = refused ?? string.Empty;
        return mapped;
    }

    /// <summary>
    /// Appends pending literal text: quoted, except runs of the separators both languages write as they are.
    /// False for a single quote, which would need Spark's <c>''</c> escape (not every engine reads it alike).
    /// </summary>
    private static bool Flush(StringBuilder pattern, StringBuilder literal)
    {
        if (literal.Length == 0) return true;
        var text = literal.ToString();
        literal.Clear();
        if (text.Contains('\'', StringComparison.Ordinal)) return false;
        if (text.All(PlainSeparators.Contains)) pattern.Append(text);
        else pattern.Append('\'').Append(text).Append('\'');
        return true;
    }

    private static string? Fail(out string problem, string reason)
    {
        problem = reason;
        return null;
    }
}
