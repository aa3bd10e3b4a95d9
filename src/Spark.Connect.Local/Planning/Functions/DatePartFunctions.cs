namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>date_part(field, source)</c>, <c>datepart</c> and <c>extract</c>: the field is a literal mapped
/// through an allow-list of Spark's names and synonyms. Fields are INTEGER except SECOND, which is
/// decimal(8,6) with the fraction. On day-time intervals (DuckDB keeps days and microseconds apart,
/// Spark one length) the fields are computed from the total length, truncating toward zero as Spark.
/// </summary>
internal static class DatePartFunctions
{
    private const string MicrosPerDay = "86400000000";
    private const string MicrosPerHour = "3600000000";
    private const string MicrosPerMinute = "60000000";

    private enum Field { Year, YearOfWeek, Quarter, Month, Week, Day, DayOfWeek, DayOfWeekIso, DayOfYear, Hour, Minute, Second }

    private static readonly Dictionary<string, Field> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["YEAR"] = Field.Year, ["Y"] = Field.Year, ["YEARS"] = Field.Year, ["YR"] = Field.Year, ["YRS"] = Field.Year,
        ["YEAROFWEEK"] = Field.YearOfWeek,
        ["QUARTER"] = Field.Quarter, ["QTR"] = Field.Quarter,
        ["MONTH"] = Field.Month, ["MON"] = Field.Month, ["MONS"] = Field.Month, ["MONTHS"] = Field.Month,
        ["WEEK"] = Field.Week, ["W"] = Field.Week, ["WEEKS"] = Field.Week,
        ["DAY"] = Field.Day, ["D"] = Field.Day, ["DAYS"] = Field.Day,
        ["DAYOFWEEK"] = Field.DayOfWeek, ["DOW"] = Field.DayOfWeek,
        ["DAYOFWEEK_ISO"] = Field.DayOfWeekIso, ["DOW_ISO"] = Field.DayOfWeekIso,
        ["DOY"] = Field.DayOfYear,
        ["HOUR"] = Field.Hour, ["H"] = Field.Hour, ["HOURS"] = Field.Hour, ["HR"] = Field.Hour, ["HRS"] = Field.Hour,
        ["MINUTE"] = Field.Minute, ["M"] = Field.Minute, ["MIN"] = Field.Minute, ["MINS"] = Field.Minute, ["MINUTES"] = Field.Minute,
        ["SECOND"] = Field.Second, ["S"] = Field.Second, ["SEC"] = Field.Second, ["SECONDS"] = Field.Second, ["SECS"] = Field.Second,
    };

    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry) => registry.Scalar(DatePart, DatePartType, "date_part", "datepart", "extract");

    /// <summary>
    /// INT, but SECOND is decimal(8,6); of an interval MONTH, HOUR and MINUTE are TINYINT. The field is a
    /// non-null literal (the renderer has checked it), so only the source makes the result null.
    /// </summary>
    private static FunctionResult DatePartType(TypedCall call)
    {
        var source = call.Type(1);
        call.Require(1, t => SparkTypes.CastsToDatetime(t) || SparkTypes.IsAnsiInterval(t), "(\"DATE\" or \"TIMESTAMP\" or \"INTERVAL\")");
        var field = Fields[call.StringLiteral(0)!];
        var type = field switch
        {
            Field.Second => SparkTypes.Decimal(8, 6),
            Field.Month or Field.Hour or Field.Minute when SparkTypes.IsAnsiInterval(source) => SparkTypes.Byte,
            _ => SparkTypes.Integer,
        };
        return new(type, call.Nullable(1));
    }

    private static string DatePart(FunctionCall call)
    {
        call.Expect(2);
        var name = call.StringLiteral(0, "field") ?? throw FunctionErrors.InvalidParameterValue(call.Name, "field", "it is null");
        if (!Fields.TryGetValue(name, out var field))
            throw InvalidField(name);
        var sourceType = call.TypeOf(1);
        if (sourceType.Family == TypeFamily.Interval)
            return IntervalField(call[1], field) ?? throw InvalidField(name);
        var source = sourceType.Family is TypeFamily.Timestamp or TypeFamily.TimestampTz or TypeFamily.Date
            ? call[1]
            : field >= Field.Hour ? DateTimeFunctions.AsTimestamp(call, 1) : DateTimeFunctions.AsDate(call, 1);
        return field switch
        {
            Field.Year => Int($"year({source})"),
            Field.YearOfWeek => Int($"isoyear({source})"),
            Field.Quarter => Int($"quarter({source})"),
            Field.Month => Int($"month({source})"),
            Field.Week => Int($"week({source})"),
            Field.Day => Int($"day({source})"),
            Field.DayOfWeek => Int($"dayofweek({source}) + 1"),
            Field.DayOfWeekIso => Int($"isodow({source})"),
            Field.DayOfYear => Int($"dayofyear({source})"),
            Field.Hour => Int($"hour({source})"),
            Field.Minute => Int($"minute({source})"),
            // date_part('microseconds') includes the whole seconds: 12.345678 s is 12345678.
            _ => Micros($"date_part('microseconds', {source})"),
        };
    }

    private static string? IntervalField(string interval, Field field)
    {
        var total = $"epoch_us(TIMESTAMP '1970-01-01' + {interval})";
        string Bound(string body) => $"list_transform([{total}], lambda u: {body})[1]";
        return field switch
        {
            Field.Year => Int($"year({interval})"),
            Field.Month => $"CAST(month({interval}) AS TINYINT)",
            Field.Day => Int(Bound($"u // {MicrosPerDay}")),
            Field.Hour => $"CAST({Bound($"(u % {MicrosPerDay}) // {MicrosPerHour}")} AS TINYINT)",
            Field.Minute => $"CAST({Bound($"(u % {MicrosPerHour}) // {MicrosPerMinute}")} AS TINYINT)",
            Field.Second => Micros(Bound($"u % {MicrosPerMinute}")),
            _ => null,
        };
    }

    private static string Int(string sql) => $"CAST({sql} AS INTEGER)";

    /// <summary>A microsecond count as seconds in decimal(8,6), exactly.</summary>
    private static string Micros(string sql) => DecimalMath.FromUnits($"CAST({sql} AS HUGEINT)", 6, "DECIMAL(8,6)");

    private static LocalEngineException InvalidField(string field) =>
        new("INVALID_EXTRACT_FIELD", "42601", $"Cannot extract {field} from the source: it is not a field the local engine knows for this type.",
            new Dictionary<string, string> { ["field"] = field });
}
