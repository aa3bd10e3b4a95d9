namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's ANSI interval types with their fields: <c>interval year</c>, <c>interval year to month</c>, <c>interval month</c>
/// (fields 0 YEAR, 1 MONTH) and <c>interval day</c> … <c>interval day to second</c> … <c>interval second</c> (0 DAY, 1 HOUR,
/// 2 MINUTE, 3 SECOND): their DDL spelling read and written, and the size of each day-time field in microseconds.
/// </summary>
internal static class AnsiIntervalTypes
{
    private static readonly string[] YearMonthFields = ["year", "month"];
    private static readonly string[] DayTimeFields = ["day", "hour", "minute", "second"];

    /// <summary>Microseconds in one unit of each day-time field.</summary>
    internal static readonly long[] MicrosPerField = [86_400_000_000L, 3_600_000_000L, 60_000_000L, 1_000_000L];

    /// <summary>The type that <paramref name="text"/> (<c>interval hour to second</c>, any case and spacing) names, or null.</summary>
    internal static DataType? TryParse(string text)
    {
        var words = text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is not (["interval", _] or ["interval", _, "to", _]))
            return null;
        var start = words[1];
        var end = words.Length == 4 ? words[3] : start;
        if (Array.IndexOf(YearMonthFields, start) is var ys and >= 0 && Array.IndexOf(YearMonthFields, end) is var ye and >= 0 && ys <= ye && (words.Length == 2 || ys < ye))
            return new DataType { YearMonthInterval = new DataType.Types.YearMonthInterval { StartField = ys, EndField = ye } };
        if (Array.IndexOf(DayTimeFields, start) is var ds and >= 0 && Array.IndexOf(DayTimeFields, end) is var de and >= 0 && ds <= de && (words.Length == 2 || ds < de))
            return SparkTypes.DayTimeInterval(ds, de);
        return null;
    }

    /// <summary>The type's DDL spelling in lower case (<c>interval day to second</c>, <c>interval year</c>).</summary>
    internal static string Name(DataType type) => type.KindCase == DataType.KindOneofCase.YearMonthInterval
        ? Fields(YearMonthFields, StartOf(type), EndOf(type))
        : Fields(DayTimeFields, StartOf(type), EndOf(type));

    /// <summary>The first field (0-based, as in the protocol).</summary>
    internal static int StartOf(DataType type) => type.KindCase == DataType.KindOneofCase.YearMonthInterval
        ? (type.YearMonthInterval.HasStartField ? type.YearMonthInterval.StartField : 0)
        : (type.DayTimeInterval.HasStartField ? type.DayTimeInterval.StartField : 0);

    /// <summary>The last field (0-based, as in the protocol).</summary>
    internal static int EndOf(DataType type) => type.KindCase == DataType.KindOneofCase.YearMonthInterval
        ? (type.YearMonthInterval.HasEndField ? type.YearMonthInterval.EndField : 1)
        : (type.DayTimeInterval.HasEndField ? type.DayTimeInterval.EndField : 3);

    private static string Fields(string[] names, int start, int end) =>
        start == end ? "interval " + names[start] : $"interval {names[start]} to {names[end]}";
}
