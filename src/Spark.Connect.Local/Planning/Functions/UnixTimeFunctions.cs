namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's <c>unix_timestamp</c>, <c>to_unix_timestamp</c> and <c>from_unixtime</c>: seconds since the epoch from a
/// timestamp, a date (midnight in the session zone) or text read with a Java pattern (default
/// <c>yyyy-MM-dd HH:mm:ss</c>) in the session zone, and back to text in the session zone. Text that does not match
/// raises CANNOT_PARSE_TIMESTAMP (ANSI); the patterns are translated by <see cref="DateTimePatterns"/> and bound.
/// </summary>
internal static class UnixTimeFunctions
{
    private const string DefaultPattern = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => c.Count == 0 ? Seconds("current_timestamp") : ToSeconds(c.ExpectBetween(0, 2)), UnixTimeTypes.ToSeconds, "unix_timestamp");
        registry.Scalar(c => ToSeconds(c.ExpectBetween(1, 2)), UnixTimeTypes.ToSeconds, "to_unix_timestamp");
        registry.Scalar(FromSeconds, UnixTimeTypes.FromSeconds, "from_unixtime");
    }

    /// <summary>Whole seconds of a TIMESTAMPTZ, floored as Spark's floorDiv of microseconds.</summary>
    private static string Seconds(string timestamp) =>
        $"list_transform([epoch_us({timestamp})], lambda \"__u\": (\"__u\" - ((\"__u\" % 1000000) + 1000000) % 1000000) // 1000000)[1]";

    private static string ToSeconds(FunctionCall call)
    {
        var type = call.SparkTypeOf(0);
        if (type is not null && (SparkTypes.IsDatetime(type) || SparkTypes.IsNull(type)))
            return Seconds(DateTimeFunctions.AsTimestamp(call, 0));
        var format = Bound(call, call.Count == 2 ? 1 : -1, DateTimePatterns.ToStrptime);
        return Seconds($"CAST(strptime(CAST({call[0]} AS VARCHAR), {format}) AS TIMESTAMP WITH TIME ZONE)");
    }

    /// <summary><c>from_unixtime(seconds[, pattern])</c>: the instant as text in the session zone.</summary>
    private static string FromSeconds(FunctionCall call)
    {
        call.ExpectBetween(1, 2);
        var format = Bound(call, call.Count == 2 ? 1 : -1, DateTimePatterns.ToStrftime);
        return $"strftime(make_timestamptz(CAST({call[0]} AS BIGINT) * 1000000), {format})";
    }

    /// <summary>The pattern at <paramref name="index"/> (or the default for -1), translated and bound as a parameter.</summary>
    private static string Bound(FunctionCall call, int index, Func<string, string, string> translate)
    {
        var pattern = index < 0 ? DefaultPattern
            : call.StringLiteral(index, "format") ?? throw FunctionErrors.InvalidParameterValue(call.Name, "format", "it is null");
        return call.Context.Bind(new Spark.Connect.Protocol.Expression.Types.Literal { String = translate(call.Name, pattern) });
    }
}
