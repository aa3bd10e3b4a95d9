using System.Globalization;
using System.Text;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// A <c>to_number</c> format read at plan time: an optional prefix of <c>S</c> (sign) and <c>$</c>, digit groups of
/// <c>0</c>/<c>9</c> separated by <c>,</c> or <c>G</c>, an optional <c>.</c>/<c>D</c> with fraction digits, and an
/// optional suffix <c>S</c>, <c>MI</c> (a trailing '-') or <c>PR</c> (negative values in angle brackets). It gives the
/// result type DECIMAL(digits, fraction digits) and the regular expression the input must match in full: the leading
/// group may hold fewer digits than the format, every later group exactly its count, the fraction at most its count.
/// </summary>
internal sealed record NumberFormat(int Precision, int Scale, string Pattern)
{
    /// <summary>Reads <paramref name="format"/>; formats outside this grammar are refused as unsupported.</summary>
    public static NumberFormat Parse(string format)
    {
        var text = format.ToUpperInvariant();
        var i = 0;
        var pattern = new StringBuilder();
        while (i < text.Length && text[i] is 'S' or '$')
            pattern.Append(text[i++] == 'S' ? "[+-]?" : "\\$");
        var groups = new List<int> { 0 };
        while (i < text.Length && text[i] is '0' or '9' or ',' or 'G')
        {
            if (text[i] is ',' or 'G') groups.Add(0);
            else groups[^1]++;
            i++;
        }
        var fraction = -1;
        if (i < text.Length && text[i] is '.' or 'D')
        {
            fraction = 0;
            for (i++; i < text.Length && text[i] is '0' or '9'; i++) fraction++;
        }
        var suffix = text[i..];
        if (groups.Any(g => g == 0) || suffix is not ("" or "S" or "MI" or "PR"))
            throw LocalEngineException.Unsupported($"the number format '{format}'",
                "Use digits 0/9 with , or G between groups, an optional . or D with fraction digits, S or $ before, and S, MI or PR after.");
        pattern.Append(IntegerPart(groups));
        if (fraction >= 0) pattern.Append(CultureInfo.InvariantCulture, $"(?:\\.[0-9]{{0,{fraction}}})?");
        pattern.Append(suffix switch { "S" => "[+-]?", "MI" => "-?", _ => "" });
        var core = pattern.ToString();
        var full = suffix == "PR" ? $"(?:<{core}>|{core})" : core;
        var scale = Math.Max(fraction, 0);
        return new NumberFormat(groups.Sum() + scale, scale, full);
    }

    // The leading group present may be partial; the groups after it are full: (?:[0-9]{1,2},[0-9]{3}|[0-9]{1,3}).
    private static string IntegerPart(List<int> groups)
    {
        var alternatives = Enumerable.Range(0, groups.Count).Select(start =>
            $"[0-9]{{1,{groups[start]}}}" + string.Concat(groups.Skip(start + 1).Select(g => $",[0-9]{{{g}}}")));
        return "(?:" + string.Join("|", alternatives) + ")";
    }
}
