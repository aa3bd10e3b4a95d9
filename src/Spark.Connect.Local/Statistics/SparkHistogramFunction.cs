using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Statistics;

/// <summary>
/// <c>spark_histogram_numeric(values VARCHAR, nb INTEGER) → VARCHAR</c>: the bins of <see cref="NumericHistogram"/> over
/// the values, given as doubles in DuckDB's text form separated by commas (the aggregate collects them with
/// <c>list</c>); the answer is <c>x:y</c> pairs separated by semicolons, doubles in round-trip form, which the SQL that
/// calls it splits back into Spark's array of structs. NULL values (no rows) give NULL.
/// </summary>
internal static unsafe class SparkHistogramFunction
{
    /// <summary>The DuckDB name of the function.</summary>
    public const string Name = "spark_histogram_numeric";

    /// <summary>Registers the function in the database of <paramref name="connection"/>.</summary>
    public static void Register(DuckDbConnection connection) =>
        DuckDbScalarFunction.Register(connection, Name, [DuckDbTypeId.Varchar, DuckDbTypeId.Integer], DuckDbTypeId.Varchar, &Call);

    /// <summary>The answer text for one group's values (also what the tests check).</summary>
    internal static string Histogram(string values, int binCount)
    {
        var histogram = new NumericHistogram(binCount);
        foreach (var value in values.Split(',', StringSplitOptions.RemoveEmptyEntries))
            histogram.Add(ParseDouble(value.Trim()));
        return string.Join(";", histogram.Bins.Select(b =>
            b.X.ToString("R", CultureInfo.InvariantCulture) + ":" + b.Y.ToString("R", CultureInfo.InvariantCulture)));
    }

    // DuckDB writes the special doubles as inf, -inf and nan.
    private static double ParseDouble(string text) => text.ToLowerInvariant() switch
    {
        "inf" or "infinity" => double.PositiveInfinity,
        "-inf" or "-infinity" => double.NegativeInfinity,
        "nan" or "-nan" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    // Runs on DuckDB's threads: nothing may escape to native code, so every failure becomes DuckDB's error.
    [UnmanagedCallersOnly]
    private static void Call(nint info, nint input, nint output)
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var values = call.Strings(0);
            var valuesValid = call.Validity(0);
            var bins = call.Values<int>(1);
            var binsValid = call.Validity(1);
            for (var row = 0; row < call.RowCount; row++)
            {
                if (!valuesValid.IsValid(row) || !binsValid.IsValid(row)) { call.SetNull(row); continue; }
                call.SetString(row, Encoding.UTF8.GetBytes(Histogram(Encoding.UTF8.GetString(values[row]), bins[row])));
            }
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"{Name} failed: {e.Message}");
        }
    }
}
