using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>to_timestamp_ltz</c> (Spark's <c>to_timestamp</c> with its default timestamp type: the same answer) and
/// <c>to_timestamp_ntz(s[, format])</c>: a wall time without a zone, read by DuckDB's cast or, with a format, by Spark's
/// pattern reader (<see cref="Strings.SparkDateTimePattern"/>), never through the session zone, so a wall time a DST change
/// skips there is kept. Patterns with zone letters and numbers (seconds since the epoch) are refused for the ntz form.
/// </summary>
internal static class TimestampParsingFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => FunctionRegistry.Find("to_timestamp").Render(c), ResultRules.Text(() => SparkTypes.Timestamp), "to_timestamp_ltz");
        registry.Scalar(WallTime, ResultRules.Text(() => SparkTypes.TimestampNtz), "to_timestamp_ntz");
    }

    private static string WallTime(FunctionCall call)
    {
        call.ExpectBetween(1, 2);
        if (call.SparkTypeOf(0) is { } type && SparkTypes.IsNumeric(type) || call.TypeOf(0).Family is TypeFamily.Integral or TypeFamily.Decimal or TypeFamily.Floating)
            throw LocalEngineException.Unsupported($"{call.Name} of a number", "Use timestamp_seconds, or to_timestamp for Spark's timestamp.");
        if (call.Count == 1) return $"CAST({call[0]} AS TIMESTAMP)";
        var pattern = call.StringLiteral(1, "format") ?? throw FunctionErrors.InvalidParameterValue(call.Name, "format", "it is null");
        DateTimePatterns.CheckRecognized(pattern);
        if (pattern.Replace("''", "", StringComparison.Ordinal).Split('\'').Where((_, i) => i % 2 == 0).Any(part => part.IndexOfAny(['z', 'V', 'X', 'x', 'Z', 'O']) >= 0))
            throw LocalEngineException.Unsupported($"{call.Name} with a zone in its pattern", "Use to_timestamp for text that names its zone.");
        try
        {
            Strings.SparkDateTimeFunctions.Pattern(pattern);
        }
        catch (Strings.SparkDateTimePattern.UnsupportedPattern unsupported)
        {
            throw LocalEngineException.Unsupported(unsupported.Message, "Use the pattern letters y, M, d, H, h, k, K, m, s, S and a.");
        }
        var placeholder = call.Context.Bind(new Literal { String = pattern });
        return $"CAST({Strings.SparkDateTimeFunctions.ParseDateTime}(CAST({call[0]} AS VARCHAR), {placeholder}) AS TIMESTAMP)";
    }
}
