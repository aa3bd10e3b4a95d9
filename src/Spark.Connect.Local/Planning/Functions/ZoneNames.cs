using System.Globalization;
using System.Text.RegularExpressions;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's time-zone names (its <c>getZoneId</c>: region ids, <c>Z</c>, offsets such as <c>+08:00</c>, <c>-8</c>,
/// <c>UTC+8</c>, <c>GMT-05:30</c>, and Java's three-letter short ids) read as a region id DuckDB's ICU knows or a fixed
/// offset in minutes (ICU has no names for arbitrary offsets). A name Java would not read is Spark's INVALID_TIMEZONE.
/// </summary>
internal static partial class ZoneNames
{
    // java.time.ZoneId.SHORT_IDS, which Spark passes to ZoneId.of.
    private static readonly Dictionary<string, string> ShortIds = new(StringComparer.Ordinal)
    {
        ["EST"] = "-05:00", ["MST"] = "-07:00", ["HST"] = "-10:00", ["ACT"] = "Australia/Darwin", ["AET"] = "Australia/Sydney",
        ["AGT"] = "America/Argentina/Buenos_Aires", ["ART"] = "Africa/Cairo", ["AST"] = "America/Anchorage", ["BET"] = "America/Sao_Paulo",
        ["BST"] = "Asia/Dhaka", ["CAT"] = "Africa/Harare", ["CNT"] = "America/St_Johns", ["CST"] = "America/Chicago", ["CTT"] = "Asia/Shanghai",
        ["EAT"] = "Africa/Addis_Ababa", ["ECT"] = "Europe/Paris", ["IET"] = "America/Indiana/Indianapolis", ["IST"] = "Asia/Kolkata",
        ["JST"] = "Asia/Tokyo", ["MIT"] = "Pacific/Apia", ["NET"] = "Asia/Yerevan", ["NST"] = "Pacific/Auckland", ["PLT"] = "Asia/Karachi",
        ["PNT"] = "America/Phoenix", ["PRT"] = "America/Puerto_Rico", ["PST"] = "America/Los_Angeles", ["SST"] = "Pacific/Guadalcanal",
        ["VST"] = "Asia/Ho_Chi_Minh",
    };

    /// <summary>A zone read from Spark's text: a region id, or a fixed offset east of UTC in minutes.</summary>
    internal readonly record struct Zone(string? Region, int OffsetMinutes);

    /// <summary>The zone Spark's <paramref name="name"/> names, or Spark's INVALID_TIMEZONE.</summary>
    public static Zone Read(string name)
    {
        var id = ShortIds.GetValueOrDefault(name, name);
        if (id is "Z" or "UTC" or "GMT" or "UT") return new Zone("UTC", 0);
        var offset = Offset().Match(id);
        if (offset.Success)
        {
            var hours = int.Parse(offset.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = offset.Groups["m"].Success ? int.Parse(offset.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            var seconds = offset.Groups["s"].Success ? int.Parse(offset.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 18 || minutes > 59 || seconds > 59 || (hours == 18 && minutes + seconds > 0)) throw Invalid(name);
            if (seconds != 0)
                throw LocalEngineException.Unsupported($"the zone offset '{name}' with seconds", "Use an offset in whole minutes or a region id.");
            if (hours == 0 && minutes == 0) return new Zone("UTC", 0);
            return new Zone(null, (offset.Groups["sign"].Value == "-" ? -1 : 1) * (hours * 60 + minutes));
        }
        if (RegionId().IsMatch(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)) return new Zone(id, 0);
        throw Invalid(name);
    }

    private static LocalEngineException Invalid(string name) =>
        new("INVALID_TIMEZONE", "22009",
            $"The timezone: {name} is invalid. The timezone must be either a region-based zone ID or a zone offset. Region IDs must have the form " +
            "'area/city', such as 'America/Los_Angeles'. Zone offsets must be in the format '(+|-)HH', '(+|-)HH:mm' or '(+|-)HH:mm:ss', e.g '-08', " +
            "'+01:00' or '-13:33:33', and must be in the range from -18:00 to +18:00. 'Z' and 'UTC' are accepted as synonyms for '+00:00'.",
            new Dictionary<string, string> { ["timeZone"] = name });

    // An optional UTC/GMT/UT prefix, a sign, 1-2 hour digits (Spark pads "+8:00"), then minutes and seconds with or without colons.
    [GeneratedRegex(@"^(?:UTC|GMT|UT)?(?<sign>[+-])(?<h>\d{1,2})(?::?(?<m>\d{2})(?::?(?<s>\d{2}))?)?$")]
    private static partial Regex Offset();

    // Java's region ids: letters, digits and ~/._+- (tzdb names such as America/Argentina/Buenos_Aires, Etc/GMT+5, Japan).
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9~/._+-]+$")]
    private static partial Regex RegionId();
}
