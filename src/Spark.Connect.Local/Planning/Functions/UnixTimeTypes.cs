namespace Spark.Connect.Local.Planning.Functions;

/// <summary>Spark's result types of <see cref="UnixTimeFunctions"/>.</summary>
internal static class UnixTimeTypes
{
    /// <summary><c>unix_timestamp</c>/<c>to_unix_timestamp</c>: BIGINT seconds from a string, date or timestamp.</summary>
    public static FunctionResult ToSeconds(TypedCall call)
    {
        if (call.Count == 0) return TypedCall.NeverNull(SparkTypes.Long);
        call.Require(0, SparkTypes.CastsToDatetime, "(\"STRING\" or \"DATE\" or \"TIMESTAMP\")");
        return call.Strict(SparkTypes.Long);
    }

    /// <summary><c>from_unixtime</c>: STRING from BIGINT seconds.</summary>
    public static FunctionResult FromSeconds(TypedCall call)
    {
        call.Require(0, SparkTypes.CastsToNumber, "\"BIGINT\"");
        return call.Strict(SparkTypes.String);
    }
}
