using System.Globalization;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's time-zone shifts, on DuckDB's ICU zone data: <c>from_utc_timestamp(ts, tz)</c> (the wall time ts has in tz,
/// read as UTC), <c>to_utc_timestamp(ts, tz)</c> (ts's UTC wall time read in tz) and <c>convert_timezone([source,] target,
/// ntz)</c> (a wall time in source as the wall time in target; the session zone when no source is given). A literal zone
/// is read by Spark's rules (<see cref="ZoneNames"/>): a region id is bound, a fixed offset is arithmetic. A wall time that
/// a DST change skips or repeats resolves as java.time's <c>atZone</c>: moved on by the gap, or the earlier instant.
/// </summary>
internal static class ZoneConversionFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => FromUtc(c.Expect(2)), ZoneShiftType, "from_utc_timestamp");
        registry.Scalar(c => ToUtc(c.Expect(2)), ZoneShiftType, "to_utc_timestamp");
        registry.Scalar(ConvertTimezone, c => c.RequireAll(SparkTypes.CastsToString, ResultRules.StringType, start: 0)
            .Require(c.Count - 1, t => SparkTypes.CastsToDatetime(t), "\"TIMESTAMP_NTZ\"")
            .Strict(SparkTypes.TimestampNtz), "convert_timezone");
    }

    private static FunctionResult ZoneShiftType(TypedCall call) =>
        call.Require(0, SparkTypes.CastsToDatetime, ResultRules.TimestampType).Require(1, SparkTypes.CastsToString, ResultRules.StringType)
            .Strict(SparkTypes.Timestamp);

    private const string NullInstant = "CAST(NULL AS TIMESTAMP WITH TIME ZONE)";

    private static string FromUtc(FunctionCall call) =>
        Zone(call, 1) is { } zone ? $"timezone('UTC', {WallTime(DateTimeFunctions.AsTimestamp(call, 0), zone)})" : NullInstant;

    private static string ToUtc(FunctionCall call) =>
        Zone(call, 1) is { } zone ? AtZone($"timezone('UTC', {DateTimeFunctions.AsTimestamp(call, 0)})", zone) : NullInstant;

    private static string ConvertTimezone(FunctionCall call)
    {
        call.ExpectBetween(2, 3);
        var source = call.Count == 3 ? Zone(call, 0) : new SqlZone("current_setting('TimeZone')", null);
        var target = Zone(call, call.Count - 2);
        if (source is null || target is null) return "CAST(NULL AS TIMESTAMP)";
        var last = call.Count - 1;
        var wallTime = call.TypeOf(last).Family == TypeFamily.Timestamp ? call[last] : $"CAST({call[last]} AS TIMESTAMP)";
        return WallTime(AtZone(wallTime, source.Value), target.Value);
    }

    /// <summary>A zone as SQL: a region's name (bound, or the expression that gives it), or a fixed offset in minutes.</summary>
    private readonly record struct SqlZone(string? Region, int? OffsetMinutes)
    {
        public string Offset => $"to_minutes({OffsetMinutes!.Value.ToString(CultureInfo.InvariantCulture)})";
    }

    // The wall time (TIMESTAMP) an instant shows in the zone.
    private static string WallTime(string instant, SqlZone zone) =>
        zone.Region is { } region ? $"timezone({region}, {instant})" : $"(timezone('UTC', {instant}) + {zone.Offset})";

    /// <summary>
    /// The instant the wall time <paramref name="wallTime"/> names in the zone, as java.time resolves it. ICU resolves a
    /// skipped wall time as java does (the offset before the change) but a repeated one to the later instant; when the offset
    /// six hours before that instant is larger and gives the same wall time, that earlier instant is java's.
    /// </summary>
    private static string AtZone(string wallTime, SqlZone zone)
    {
        if (zone.Region is not { } region) return $"timezone('UTC', {wallTime} - {zone.Offset})";
        var offsetAt = (string instant) => $"(epoch_us(timezone({region}, {instant})) - epoch_us({instant}))";
        var earlier = $"make_timestamptz(epoch_us(\"__wt\") - {offsetAt("\"__in\" - INTERVAL 6 HOUR")})";
        var body = $"CASE WHEN timezone({region}, {earlier}) = \"__wt\" AND {earlier} < \"__in\" THEN {earlier} ELSE \"__in\" END";
        return ArrayFunctions.Let(wallTime, "\"__wt\"", ArrayFunctions.Let($"timezone({region}, \"__wt\")", "\"__in\"", body));
    }

    // A literal zone read by Spark's rules; null for a null literal; any other expression is taken as a region name.
    private static SqlZone? Zone(FunctionCall call, int index)
    {
        if (call.LiteralAt(index) is not { } literal) return new SqlZone($"CAST({call[index]} AS VARCHAR)", null);
        if (literal.LiteralTypeCase == Literal.LiteralTypeOneofCase.Null) return null;
        var zone = ZoneNames.Read(call.StringLiteral(index, "timezone")!);
        return zone.Region is { } region ? new SqlZone(call.Context.Bind(new Literal { String = region }), null) : new SqlZone(null, zone.OffsetMinutes);
    }
}
