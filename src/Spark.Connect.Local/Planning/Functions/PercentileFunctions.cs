using System.Globalization;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's exact <c>percentile(x, p)</c> and <c>median(x)</c> (= percentile 0.5): the sorted non-null values
/// interpolated linearly at position p·(n − 1), a DOUBLE, which is DuckDB's <c>quantile_cont</c>; and <c>mode(x[,
/// deterministic])</c>: the most frequent non-null value, the smallest of tied ones (what Spark returns with
/// deterministic = true; without it Spark may return any of them); and <c>percentile_disc</c>, reachable only through
/// WITHIN GROUP (see <see cref="InverseDistributionFunctions"/>).
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
        registry.Aggregate(Discrete, exact, "percentile_disc");
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

    /// <summary>
    /// <c>percentile_disc(p) WITHIN GROUP (ORDER BY x [DESC])</c>, which the SQL parser passes as (x, p, descending):
    /// Spark's value with the smallest cumulative distribution ≥ p, the ⌈n·p⌉-th (at least the first) of the n non-null
    /// values in that order, as a DOUBLE. n·p is a DOUBLE product as in Spark, so ⌈10 × 0.7⌉ is 8, as Spark has it.
    /// </summary>
    private static string Discrete(FunctionCall call)
    {
        call.Expect(3);
        var percentage = Percentage(call);
        var direction = call.BooleanLiteral(2, "descending") ? "DESC" : "ASC";
        var values = $"list_sort(list(CAST({call[0]} AS DOUBLE)){call.OverSuffix}, '{direction}', 'NULLS LAST')";
        var position = $"greatest(CAST(ceil(count({call[0]}){call.OverSuffix} * CAST({percentage} AS DOUBLE)) AS BIGINT), 1)";
        return $"({values})[{position}]";
    }

    private static string Mode(FunctionCall call)
    {
        call.ExpectBetween(1, 2);
        if (call.Count == 2) call.BooleanLiteral(1, "deterministic");
        // Ordered, DuckDB's mode keeps the first of tied values: the smallest.
        return $"mode({call[0]} ORDER BY {call[0]}){call.OverSuffix}";
    }
}
