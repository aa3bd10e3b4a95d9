using Spark.Connect;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Aggregate functions, grouped or windowed (the OVER clause goes right after the DuckDB aggregate,
/// inside any cast). Spark's result types: count BIGINT; sum BIGINT for integers (DuckDB: HUGEINT),
/// decimal(p+10,s) for decimals, DOUBLE for floats; avg DOUBLE, or an exact decimal(p+4,s+4) for
/// decimals (DuckDB averages decimals as doubles). collect_list/collect_set skip nulls and give [] for
/// no rows; first/last take an optional ignoreNulls flag.
/// </summary>
internal static class AggregateFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Aggregate(Count, ResultRules.NeverNull(() => SparkTypes.Long), "count");
        registry.Aggregate(Sum, AggregateTypes.Sum, "sum");
        registry.Aggregate(Average, AggregateTypes.Average, "avg", "mean");
        registry.Aggregate(c => Simple(c, "min"), AggregateTypes.MinOrMax, "min");
        registry.Aggregate(c => Simple(c, "max"), AggregateTypes.MinOrMax, "max");
        registry.Aggregate(c => Logic(c, "bool_or"), AggregateTypes.Logic, "bool_or", "any", "some");
        registry.Aggregate(c => Logic(c, "bool_and"), AggregateTypes.Logic, "bool_and", "every");
        // Spark's count_if is a bigint and 0 over no rows; DuckDB's is a HUGEINT and null there.
        registry.Aggregate(c => $"CAST(coalesce(count_if({Distinct(c)}{c.Expect(1)[0]}){c.OverSuffix}, 0) AS BIGINT)", AggregateTypes.CountIf, "count_if");
        registry.Aggregate(c => Statistic(c, "stddev_samp"), AggregateTypes.Statistic, "stddev", "std", "stddev_samp");
        registry.Aggregate(c => Statistic(c, "stddev_pop"), AggregateTypes.Statistic, "stddev_pop");
        registry.Aggregate(c => Statistic(c, "var_samp"), AggregateTypes.Statistic, "variance", "var_samp");
        registry.Aggregate(c => Statistic(c, "var_pop"), AggregateTypes.Statistic, "var_pop");
        registry.Aggregate(Correlation, AggregateTypes.Statistic, "corr");
        registry.Aggregate(CollectList, AggregateTypes.Collect, "collect_list", "array_agg");
        registry.Aggregate(CollectSet, AggregateTypes.Collect, "collect_set");
        registry.Aggregate(c => FirstOrLast(c, first: true), AggregateTypes.FirstArgument, "first", "first_value", "any_value");
        registry.Aggregate(c => FirstOrLast(c, first: false), AggregateTypes.FirstArgument, "last", "last_value");
        registry.Aggregate(c => $"arg_max({c.Expect(2)[0]}, {c[1]}){c.OverSuffix}", AggregateTypes.FirstArgument, "max_by");
        registry.Aggregate(c => $"arg_min({c.Expect(2)[0]}, {c[1]}){c.OverSuffix}", AggregateTypes.FirstArgument, "min_by");
        registry.Aggregate(ApproximatePercentile, AggregateTypes.FirstArgument, "percentile_approx", "approx_percentile");
    }

    /// <summary>
    /// percentile_approx(x, p[, accuracy]): Spark answers from a quantile sketch that holds every value while there are
    /// fewer than about 1/(2·relative error) of them, and then returns the value of rank ceil(p·n) (nearest rank);
    /// that is computed here exactly, which is within Spark's stated error for larger inputs too. Nulls are skipped;
    /// no values → null. The percentage must be a literal in [0, 1] (an array of percentages is unsupported).
    /// </summary>
    private static string ApproximatePercentile(FunctionCall call)
    {
        call.ExpectBetween(2, 3);
        var percentage = call.LiteralAt(1) is { } literal ? literal.LiteralTypeCase switch
        {
            Expression.Types.Literal.LiteralTypeOneofCase.Double => literal.Double,
            Expression.Types.Literal.LiteralTypeOneofCase.Float => literal.Float,
            Expression.Types.Literal.LiteralTypeOneofCase.Integer => literal.Integer,
            Expression.Types.Literal.LiteralTypeOneofCase.Long => literal.Long,
            Expression.Types.Literal.LiteralTypeOneofCase.Decimal => double.Parse(literal.Decimal.Value, System.Globalization.CultureInfo.InvariantCulture),
            _ => throw LocalEngineException.Unsupported("percentile_approx with an array of percentages", "Call it once per percentage."),
        } : throw FunctionErrors.NotFoldable(call.Name, "percentage");
        if (percentage is < 0 or > 1 || double.IsNaN(percentage))
            throw new LocalEngineException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", "42K09",
                $"The percentage of {call.Name} must be between 0.0 and 1.0, but it is {percentage.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        var x = call[0];
        return $"list_sort(list({x}) FILTER (WHERE {x} IS NOT NULL){call.OverSuffix})[greatest(1, CAST(ceil(CAST({call[1]} AS DOUBLE) * count({x}){call.OverSuffix}) AS BIGINT))]";
    }

    private static string Distinct(FunctionCall call) => call.IsDistinct ? "DISTINCT " : "";

    private static string Simple(FunctionCall call, string duckDbFunction) =>
        $"{duckDbFunction}({Distinct(call)}{call.Expect(1)[0]}){call.OverSuffix}";

    /// <summary>bool_and/bool_or: a string argument is cast to boolean first, as Spark's implicit cast does.</summary>
    private static string Logic(FunctionCall call, string duckDbFunction)
    {
        call.Expect(1);
        var value = call.TypeOf(0).Family == TypeFamily.String ? StringAsBoolean(call[0]) : call[0];
        return $"{duckDbFunction}({Distinct(call)}{value}){call.OverSuffix}";
    }

    /// <summary>
    /// Spark's string to boolean cast: t/true/y/yes/1 and f/false/n/no/0, trimmed and in any case; anything else is left to
    /// DuckDB's cast, whose conversion error reads back as CAST_INVALID_INPUT.
    /// </summary>
    private static string StringAsBoolean(string value) =>
        $"list_transform([lower(trim({value}))], lambda s: CASE WHEN s IS NULL THEN NULL WHEN s IN ('t', 'true', 'y', 'yes', '1') THEN true " +
        $"WHEN s IN ('f', 'false', 'n', 'no', '0') THEN false ELSE CAST(s AS BOOLEAN) END)[1]";

    /// <summary>
    /// Spark's corr divides the co-moment by sqrt(xMk · yMk) and answers null where that is zero (a single pair, or one
    /// side constant); DuckDB's corr answers NaN there. NaN from NaN inputs stays NaN.
    /// </summary>
    private static string Correlation(FunctionCall call)
    {
        var x = MathFunctions.AsDouble(call.Expect(2)[0]);
        var y = MathFunctions.AsDouble(call[1]);
        var over = call.OverSuffix;
        return $"CASE WHEN regr_sxx({y}, {x}){over} * regr_syy({y}, {x}){over} = 0 THEN NULL ELSE corr({x}, {y}){over} END";
    }

    private static string Statistic(FunctionCall call, string duckDbFunction) =>
        $"{duckDbFunction}({Distinct(call)}{MathFunctions.AsDouble(call.Expect(1)[0])}){call.OverSuffix}";

    /// <summary>
    /// <c>count(*)</c> arrives as count of a star or of a non-null literal (<c>count(1)</c>); several
    /// arguments count rows where all are non-null; DISTINCT over several counts distinct tuples.
    /// </summary>
    private static string Count(FunctionCall call)
    {
        call.ExpectAtLeast(1);
        var countsRows = call.Count == 1 && !call.IsDistinct
            && (call.Arguments[0].Source.ExprTypeCase == Expression.ExprTypeOneofCase.UnresolvedStar
                || call.LiteralAt(0) is { } literal && literal.LiteralTypeCase != Expression.Types.Literal.LiteralTypeOneofCase.Null);
        if (countsRows) return $"count(*){call.OverSuffix}";
        if (call.Arguments.Any(a => a.Source.ExprTypeCase == Expression.ExprTypeOneofCase.UnresolvedStar))
            throw LocalEngineException.Unsupported("count(DISTINCT *)", "Name the columns to count distinct values of.");
        if (call.Count == 1) return $"count({Distinct(call)}{call[0]}){call.OverSuffix}";
        var allPresent = string.Join(" AND ", call.Arguments.Select(a => $"{a.Sql} IS NOT NULL"));
        return call.IsDistinct
            ? $"count(DISTINCT CASE WHEN {allPresent} THEN row({call.JoinedArguments()}) END){call.OverSuffix}"
            : $"count(CASE WHEN {allPresent} THEN 1 END){call.OverSuffix}";
    }

    private static string Sum(FunctionCall call)
    {
        call.Expect(1);
        var type = call.TypeOf(0);
        var sum = $"sum({Distinct(call)}{call[0]}){call.OverSuffix}";
        return type.Family switch
        {
            // DuckDB sums integers in HUGEINT; ANSI Spark raises when the bigint sum overflows.
            TypeFamily.Integral => $"list_transform([{sum}], lambda s: CASE WHEN s < -9223372036854775808 OR s > 9223372036854775807 " +
                                   $"THEN {SparkRuntimeErrors.ArithmeticOverflow} ELSE CAST(s AS BIGINT) END)[1]",
            TypeFamily.Decimal => $"CAST({sum} AS {DecimalMath.TypeName((Math.Min(DecimalMath.MaxPrecision, type.Precision + 10), type.Scale))})",
            TypeFamily.Floating or TypeFamily.Null => $"CAST({sum} AS DOUBLE)",
            TypeFamily.String => $"sum({Distinct(call)}CAST({call[0]} AS DOUBLE)){call.OverSuffix}",
            // DuckDB has no sum of intervals: sum their length (months for year-month, else microseconds).
            TypeFamily.Interval when call.SparkTypeOf(0)?.KindCase == DataType.KindOneofCase.YearMonthInterval =>
                $"to_months(CAST(sum({Distinct(call)}12 * year({call[0]}) + month({call[0]})){call.OverSuffix} AS INTEGER))",
            TypeFamily.Interval =>
                $"to_microseconds(CAST(sum({Distinct(call)}epoch_us(TIMESTAMP '1970-01-01' + {call[0]})){call.OverSuffix} AS BIGINT))",
            TypeFamily.Unknown => throw FunctionErrors.UnknownType(call.Name),
            _ => throw FunctionErrors.UnexpectedInputType(call.Name, "argument", "a number or an interval"),
        };
    }

    private static string Average(FunctionCall call)
    {
        call.Expect(1);
        var type = call.TypeOf(0);
        switch (type.Family)
        {
            case TypeFamily.Integral or TypeFamily.Floating or TypeFamily.String or TypeFamily.Null:
                return $"avg({Distinct(call)}{MathFunctions.AsDouble(call[0])}){call.OverSuffix}";
            case TypeFamily.Decimal:
                // Spark divides the decimal sum by the count at scale s+4, rounding HALF_UP.
                var result = (Math.Min(DecimalMath.MaxPrecision, type.Precision + 4), Math.Min(DecimalMath.MaxPrecision, type.Scale + 4));
                var sumUnits = DecimalMath.Unscaled($"sum({Distinct(call)}{call[0]}){call.OverSuffix}", type.Scale);
                var count = $"CAST(count({Distinct(call)}{call[0]}){call.OverSuffix} AS HUGEINT)";
                var shifted = $"({sumUnits} * {DecimalMath.PowerOfTen(result.Item2 - type.Scale)})";
                return DecimalMath.RoundedQuotient(shifted, count, result);
            case TypeFamily.Unknown:
                throw FunctionErrors.UnknownType(call.Name);
            default:
                throw FunctionErrors.UnexpectedInputType(call.Name, "argument", "a number");
        }
    }

    /// <summary>Spark skips nulls and returns [] (never null) for no rows; DuckDB's list keeps nulls.</summary>
    private static string CollectList(FunctionCall call)
    {
        var list = $"list({call.Expect(1)[0]}){call.OverSuffix}";
        var values = call.IsDistinct ? $"list_distinct({list})" : $"list_filter({list}, lambda e: e IS NOT NULL)";
        return $"coalesce({values}, [])";
    }

    private static string CollectSet(FunctionCall call) =>
        $"coalesce(list_distinct(list({call.Expect(1)[0]}){call.OverSuffix}), [])";

    /// <summary>
    /// <c>first(x[, ignoreNulls])</c>/<c>last</c>: grouped, a FILTER drops nulls; windowed, DuckDB's
    /// first_value/last_value with IGNORE NULLS (DuckDB has no FILTER on window functions).
    /// </summary>
    private static string FirstOrLast(FunctionCall call, bool first)
    {
        call.ExpectBetween(1, 2);
        var ignoreNulls = call.Count == 2 && call.BooleanLiteral(1, "ignoreNulls");
        if (call.IsWindowed)
            return $"{(first ? "first_value" : "last_value")}({call[0]}{(ignoreNulls ? " IGNORE NULLS" : "")}){call.OverSuffix}";
        var filter = ignoreNulls ? $" FILTER (WHERE {call[0]} IS NOT NULL)" : "";
        return $"{(first ? "first" : "last")}({call[0]}){filter}";
    }
}
