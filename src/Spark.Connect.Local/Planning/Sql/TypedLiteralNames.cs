using System.Globalization;
using System.Text.RegularExpressions;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// The name Spark gives a date or timestamp literal: its value as the literal prints it, not as written
/// (<c>TIMESTAMP '2016-11-15 20:54:00.000'</c> is named <c>TIMESTAMP '2016-11-15 20:54:00'</c>, <c>DATE '2016-3-1'</c>
/// <c>DATE '2016-03-01'</c>; TIMESTAMP_LTZ is TIMESTAMP). Text in another shape (a zone, an offset) keeps its spelling.
/// </summary>
internal static partial class TypedLiteralNames
{
    internal static string Of(string word, string value)
    {
        var shown = word == "TIMESTAMP_LTZ" ? "TIMESTAMP" : word;
        var text = value.Trim();
        if (word == "DATE" && DateText().Match(text) is { Success: true } date)
            text = Date(date);
        else if (word != "DATE" && TimestampText().Match(text) is { Success: true } stamp)
        {
            var seconds = stamp.Groups["s"].Success ? stamp.Groups["s"].Value.PadLeft(2, '0') : "00";
            var fraction = stamp.Groups["f"].Value.TrimEnd('0');
            text = $"{Date(stamp)} {stamp.Groups["h"].Value.PadLeft(2, '0')}:{stamp.Groups["mi"].Value.PadLeft(2, '0')}:{seconds}" +
                (fraction.Length > 0 ? "." + fraction : "");
        }
        return $"{shown} '{text}'";
    }

    private static string Date(Match match) =>
        $"{int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture):D4}-{match.Groups["m"].Value.PadLeft(2, '0')}-{match.Groups["d"].Value.PadLeft(2, '0')}";

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$")]
    private static partial Regex DateText();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})[ T](?<h>\d{1,2}):(?<mi>\d{1,2})(:(?<s>\d{1,2})(\.(?<f>\d{1,9}))?)?$")]
    private static partial Regex TimestampText();
}
