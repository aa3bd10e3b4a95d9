using System.Globalization;
using Spark.Connect.Local.Strings;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's tumbling time window, <c>window(ts, '10 minutes'[, slide[, start]])</c> with slide equal to the duration: the
/// struct&lt;start, end&gt; (in ts's type) of the window holding ts, start = ts − ((µs(ts) − start) mod slide) taken
/// non-negative, end = start + duration, named <c>window</c>. Durations are string literals read as Spark reads interval
/// text ('1 hour 30 minutes'), or integer literals in microseconds; months are refused as Spark does. A sliding window
/// (slide shorter than the duration) puts a row in several windows, which Spark does by expanding rows: unsupported here.
/// Spark drops rows whose time is null from the plan holding the window; a NULL time fails the query here instead.
/// </summary>
internal static class TimeWindowFunction
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry) => registry.Scalar(Render, ResultType, "window");

    private static FunctionResult ResultType(TypedCall call)
    {
        call.Require(0, SparkTypes.IsTimestamp, "(\"TIMESTAMP\" or \"TIMESTAMP_NTZ\")");
        var bounds = new DataType.Types.Struct();
        bounds.Fields.Add(new DataType.Types.StructField { Name = "start", DataType = call.Type(0), Nullable = true });
        bounds.Fields.Add(new DataType.Types.StructField { Name = "end", DataType = call.Type(0), Nullable = true });
        return TypedCall.NeverNull(new DataType { Struct = bounds });
    }

    private static string Render(FunctionCall call)
    {
        call.ExpectBetween(2, 4);
        if (call.SparkTypeOf(0) is { } type && (SparkTypes.IsString(type) || type.KindCase == DataType.KindOneofCase.Date))
            throw LocalEngineException.Unsupported("window() over a string or date time column", "Cast the column to TIMESTAMP first.");
        var duration = Micros(call, 1);
        var slide = call.Count >= 3 ? Micros(call, 2) : duration;
        var start = call.Count == 4 ? Micros(call, 3) : 0;
        if (duration <= 0) throw OutOfRange("window_duration", duration);
        if (slide <= 0) throw OutOfRange("slide_duration", slide);
        if (slide > duration)
            throw Constraint("slide_duration", slide, "<=", "window_duration", duration);
        if (Math.Abs(start) >= slide)
            throw Constraint("abs(start_time)", Math.Abs(start), "<", "slide_duration", slide);
        if (slide != duration)
            throw LocalEngineException.Unsupported("a sliding time window (slide shorter than the window)", "Use a tumbling window, window(ts, duration).");
        var ts = call[0];
        var text = (long value) => value.ToString(CultureInfo.InvariantCulture);
        var offset = $"(((epoch_us({ts}) - {text(start)}) % {text(slide)} + {text(slide)}) % {text(slide)})";
        var windowStart = $"({ts} - to_microseconds({offset}))";
        return $"(CASE WHEN {ts} IS NULL THEN " +
               SparkRuntimeErrors.RaiseWithValues("UNSUPPORTED_FEATURE.LOCAL_ENGINE",
                   "The local engine does not support window() over a NULL time: Spark drops such rows. Filter them out first (WHERE ts IS NOT NULL).") +
               $" ELSE struct_pack(\"start\" := {windowStart}, \"end\" := {windowStart} + to_microseconds({text(duration)})) END)";
    }

    /// <summary>A duration argument in microseconds: interval text as Spark reads it, or an integer literal of microseconds.</summary>
    private static long Micros(FunctionCall call, int index)
    {
        var literal = call.LiteralAt(index);
        switch (literal?.LiteralTypeCase)
        {
            case Expression.Types.Literal.LiteralTypeOneofCase.Integer: return literal.Integer;
            case Expression.Types.Literal.LiteralTypeOneofCase.Long: return literal.Long;
            case Expression.Types.Literal.LiteralTypeOneofCase.String:
                var interval = SparkCalendarIntervalText.Parse(literal.String)
                    ?? throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", $"Error parsing '{literal.String}' to interval.");
                if (interval.Months != 0)
                    throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", $"Intervals greater than a month is not supported ({literal.String}).");
                return checked(interval.Days * 86_400_000_000L + interval.Micros);
            default:
                throw LocalEngineException.Unsupported("a window() duration that is not a string or integer literal", "Write the duration as text, '10 minutes'.");
        }
    }

    private static LocalEngineException OutOfRange(string parameter, long value) =>
        new("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", "42K09",
            $"Cannot resolve \"window\" due to data type mismatch: The `{parameter}` must be between (0, {long.MaxValue}] (current value = {value}L).",
            new Dictionary<string, string> { ["exprName"] = $"`{parameter}`", ["valueRange"] = $"(0, {long.MaxValue}]", ["currentValue"] = $"{value}L" });

    private static LocalEngineException Constraint(string left, long leftValue, string constraint, string right, long rightValue) =>
        new("DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION", "42K09",
            $"Cannot resolve \"window\" due to data type mismatch: The `{left}`({leftValue}L) must be {constraint} the `{right}`({rightValue}L).",
            new Dictionary<string, string> { ["leftExprName"] = $"`{left}`", ["leftExprValue"] = $"{leftValue}L", ["constraint"] = constraint, ["rightExprName"] = $"`{right}`", ["rightExprValue"] = $"{rightValue}L" });
}
