using System.Globalization;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's exact <c>percentile(x, p)</c> and <c>median(x)</c> (= percentile 0.5): the sorted non-null values
/// interpolated linearly at position p·(n − 1), a DOUBLE, which is DuckDB's <c>quantile_cont</c>; and <c>mode(x[,
/// deterministic])</c>: the most frequent non-null value, the smallest of tied ones (what Spark returns with
/// deterministic = true; without it Spark may return any of them).
/// </summary>
internal static class PercentileFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        var exact = (Func<TypedCall, FunctionResult>)(c => c.Require(0, SparkTypes.IsNumeric, ResultRules.NumericType).AlwaysNullable(SparkTypes.Double));
        registry.Aggregate(c => Percentile(c.ExpectBetween(2, 2), Percentage(c)), exact, "percentile");
        registry.Aggregate(c => Percentile(c.Expect(1), "0.5"), exact, "median");
        registry.Aggregate(Mode, c => c.AlwaysNullable(c.Type(0)), "mode");
    }

    private static string Percentile(FunctionCall call, string percentage)
    {
        if (call.IsDistinct)
            throw LocalEngineException.Unsupported($"{call.Name}(DISTINCT …)", "Aggregate the distinct values in a subquery first.");
        return $"quantile_cont(CAST({call[0]} AS DOUBLE), {percentage}){call.OverSuffix}";
    }

    /// <summary>The percentage as fixed SQL text: a numeric literal in [0, 1].</summary>
    private static string Percentage(FunctionCall call)
    {
        var literal = call.LiteralAt(1) ?? throw FunctionErrors.NotFoldable(call.Name, "percentage");
        double value = literal.LiteralTypeCase switch
        {
            Expression.Types.Literal.LiteralTypeOneofCase.Double => literal.Double,
            Expression.Types.Literal.LiteralTypeOneofCase.Float => literal.Float,
            Expression.Types.Literal.LiteralTypeOneofCase.Integer => literal.Integer,
            Expression.Types.Literal.LiteralTypeOneofCase.Long => literal.Long,
            Expression.Types.Literal.LiteralTypeOneofCase.Decimal => double.Parse(literal.Decimal.Value, CultureInfo.InvariantCulture),
            _ => throw LocalEngineException.Unsupported($"{call.Name} with an array of percentages or a frequency", "Call it once per percentage."),
        };
        if (value is < 0 or > 1 || double.IsNaN(value))
            throw new LocalEngineException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", "42K09",
                $"The percentage of {call.Name} must be between 0.0 and 1.0, but it is {value.ToString(CultureInfo.InvariantCulture)}.");
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    private static string Mode(FunctionCall call)
    {
        call.ExpectBetween(1, 2);
        if (call.Count == 2) call.BooleanLiteral(1, "deterministic");
        // Ordered, DuckDB's mode keeps the first of tied values: the smallest.
        return $"mode({call[0]} ORDER BY {call[0]}){call.OverSuffix}";
    }
}
