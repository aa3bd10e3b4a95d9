using System.Globalization;
using System.Text.RegularExpressions;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Checks the text of a <c>DATE '…'</c> / <c>TIMESTAMP '…'</c> literal as Spark's parser does (an invalid one is
/// INVALID_TYPED_LITERAL when the query is parsed, not a cast failure when it runs) and gives the text Spark shows in
/// the literal's column name (<c>TIMESTAMP '2016-03-11 20:54:00'</c> for <c>'2016-03-11 20:54:00.000'</c>). Text with a
/// zone or an unusual year keeps its own spelling in the name: the check is on the fields only.
/// </summary>
internal static partial class DatetimeLiteralText
{
    /// <summary>The text to show in the name; throws INVALID_TYPED_LITERAL when Spark could not read the text.</summary>
    internal static string Checked(string typeWord, string value)
    {
        var text = value.Trim();
        var date = typeWord == "DATE";
        var match = (date ? DatePattern() : TimestampPattern()).Match(text);
        // Spark reads a date or timestamp from its leading year; a timestamp may also be a time of day alone.
        if (!match.Success)
            return !date && TimeOnlyPattern().IsMatch(text) ? value : throw Invalid(typeWord, value);
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = Field(match, "m", 1);
        var day = Field(match, "d", 1);
        if (month is < 1 or > 12 || day < 1 || day > DaysIn(year, month)
            || Field(match, "h", 0) > 23 || Field(match, "mi", 0) > 59 || Field(match, "s", 0) > 59)
            throw Invalid(typeWord, value);
        if (match.Groups["sign"].Length > 0 || match.Groups["y"].Length != 4 || (match.Groups["rest"].Success && match.Groups["rest"].Length > 0))
            return value;
        var shown = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
        if (date)
            return shown;
        shown += string.Create(CultureInfo.InvariantCulture, $" {Field(match, "h", 0):D2}:{Field(match, "mi", 0):D2}:{Field(match, "s", 0):D2}");
        var fraction = match.Groups["f"].Value.TrimEnd('0');
        return fraction.Length == 0 ? shown : shown + "." + fraction;
    }

    private static int Field(Match match, string group, int absent) =>
        match.Groups[group].Success && match.Groups[group].Length > 0 ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : absent;

    private static int DaysIn(int year, int month) => year is >= 1 and <= 9999 ? DateTime.DaysInMonth(year, month) : 31;

    private static LocalEngineException Invalid(string typeWord, string value) =>
        new("INVALID_TYPED_LITERAL", "42604", $"The value of the typed literal \"{typeWord}\" is invalid: '{value}'.",
            new Dictionary<string, string> { ["valueType"] = $"\"{typeWord}\"", ["value"] = $"'{value}'" });

    [GeneratedRegex(@"^(?<sign>[+-]?)(?<y>\d{4,7})(-(?<m>\d{1,2})(-(?<d>\d{1,2})([T ].*)?)?)?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?<sign>[+-]?)(?<y>\d{4,7})(-(?<m>\d{1,2})(-(?<d>\d{1,2})([T ](?<h>\d{1,2})(:(?<mi>\d{1,2})(:(?<s>\d{1,2})(\.(?<f>\d{0,9}))?)?)?)?(?<rest>.*))?)?$")]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"^T?\d{1,2}:\d{1,2}(:\d{1,2}(\.\d{0,9})?)?.*$")]
    private static partial Regex TimeOnlyPattern();
}
