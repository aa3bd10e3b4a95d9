using Spark.Connect.Local.Statistics;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's approximate aggregates that the engine answers exactly or with Spark's own algorithm:
/// <c>approx_count_distinct(x[, rsd])</c> counts distinct values exactly (Spark's HyperLogLog++ estimate is within
/// <c>rsd</c>, 5% by default, of this count and equals it for small counts), and <c>histogram_numeric(x, nb)</c> runs
/// Spark's streaming histogram (<see cref="NumericHistogram"/>) over the group's values in one stream, as one Spark
/// partition does. Where Spark splits a group over several partitions and bins have to be merged, its bins depend on
/// that split; with no more distinct values than bins both give every value its own bin.
/// </summary>
internal static class ApproximateAggregates
{
    private const string HistogramInputTypes =
        "(\"NUMERIC\" or \"DATE\" or \"TIMESTAMP\" or \"TIMESTAMP_NTZ\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL DAY TO SECOND\")";

    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Aggregate(CountDistinct, _ => TypedCall.NeverNull(SparkTypes.Long), "approx_count_distinct");
        registry.Aggregate(Histogram, HistogramType, "histogram_numeric");
    }

    private static string CountDistinct(FunctionCall call)
    {
        call.ExpectBetween(1, 2);
        if (call.Count == 2) RelativeError.Check(call.LiteralAt(1));
        return $"CAST(count(DISTINCT {call[0]}){call.OverSuffix} AS BIGINT)";
    }

    /// <summary>An array of (x, y) structs: x in the input's type (double for an untyped null), y the bin's height.</summary>
    private static FunctionResult HistogramType(TypedCall call)
    {
        call.Require(0, IsHistogramInput, HistogramInputTypes);
        var bin = new DataType.Types.Struct();
        bin.Fields.Add(new DataType.Types.StructField { Name = "x", DataType = XType(call.Type(0)), Nullable = true });
        bin.Fields.Add(new DataType.Types.StructField { Name = "y", DataType = SparkTypes.Double, Nullable = true });
        return TypedCall.MaybeNull(SparkTypes.ArrayOf(new DataType { Struct = bin }, containsNull: true));
    }

    private static bool IsHistogramInput(DataType type) =>
        SparkTypes.IsNumeric(type) || SparkTypes.IsDatetime(type) || SparkTypes.IsAnsiInterval(type) || SparkTypes.IsNull(type);

    private static DataType XType(DataType input) => SparkTypes.IsNull(input) ? SparkTypes.Double : input.Clone();

    /// <summary>
    /// The group's non-null values as doubles (Spark's internal numbers: days, microseconds, months) go to
    /// <see cref="SparkHistogramFunction"/> as text; its bins come back as text and become structs, each centre
    /// converted back to the input's type as Spark does (truncated toward zero for whole-number types).
    /// </summary>
    private static string Histogram(FunctionCall call)
    {
        call.Expect(2);
        var bins = call.IntegerLiteral(1, "nb");
        if (bins is null or < 2 or > int.MaxValue)
            throw FunctionErrors.InvalidParameterValue(call.Name, "nb", "The number of bins must be an integer literal of at least 2.");
        var type = call.SparkTypeOf(0) ?? throw FunctionErrors.UnknownType(call.Name);
        var x = call[0];
        // Nulls are dropped from the list rather than by FILTER, which DuckDB has no form of over a window.
        var values = $"array_to_string(list_filter(list({AsDouble(type, x)}){call.OverSuffix}, lambda v: v IS NOT NULL), ',')";
        var histogram = $"{SparkHistogramFunction.Name}({values}, CAST({bins.Value} AS INTEGER))";
        var bin = $"struct_pack(x := {FromDouble(type, "CAST(split_part(b, ':', 1) AS DOUBLE)")}, y := CAST(split_part(b, ':', 2) AS DOUBLE))";
        return $"list_transform([{histogram}], lambda h: CASE WHEN h IS NULL OR h = '' THEN NULL " +
               $"ELSE list_transform(string_split(h, ';'), lambda b: {bin}) END)[1]";
    }

    private static string AsDouble(DataType type, string x) => type.KindCase switch
    {
        DataType.KindOneofCase.Date => $"CAST(date_diff('day', DATE '1970-01-01', {x}) AS DOUBLE)",
        DataType.KindOneofCase.Timestamp or DataType.KindOneofCase.TimestampNtz => $"CAST(epoch_us({x}) AS DOUBLE)",
        DataType.KindOneofCase.YearMonthInterval => $"CAST(12 * year({x}) + month({x}) AS DOUBLE)",
        DataType.KindOneofCase.DayTimeInterval => $"CAST(epoch_us(TIMESTAMP '1970-01-01' + {x}) AS DOUBLE)",
        _ => $"CAST({x} AS DOUBLE)",
    };

    private static string FromDouble(DataType type, string d) => type.KindCase switch
    {
        DataType.KindOneofCase.Null or DataType.KindOneofCase.Double => d,
        DataType.KindOneofCase.Float => $"CAST({d} AS FLOAT)",
        DataType.KindOneofCase.Decimal => $"CAST({d} AS {DuckDbTypeNames.FromSpark(type)})",
        DataType.KindOneofCase.Date => $"CAST(DATE '1970-01-01' + CAST(trunc({d}) AS INTEGER) AS DATE)",
        // The microseconds count from the epoch in UTC: a zoned timestamp takes them as a UTC instant.
        DataType.KindOneofCase.Timestamp => $"timezone('UTC', make_timestamp(CAST(trunc({d}) AS BIGINT)))",
        DataType.KindOneofCase.TimestampNtz => $"make_timestamp(CAST(trunc({d}) AS BIGINT))",
        DataType.KindOneofCase.YearMonthInterval => $"to_months(CAST(trunc({d}) AS INTEGER))",
        DataType.KindOneofCase.DayTimeInterval => $"to_microseconds(CAST(trunc({d}) AS BIGINT))",
        _ => $"CAST(trunc({d}) AS {DuckDbTypeNames.FromSpark(type)})",
    };
}
