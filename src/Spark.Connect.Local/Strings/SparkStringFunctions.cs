using System.Runtime.InteropServices;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Strings;

/// <summary>
/// Spark's <c>soundex</c> (<c>spark_soundex</c>, VARCHAR → VARCHAR) and <c>levenshtein</c> (<c>spark_levenshtein</c>,
/// VARCHAR, VARCHAR → INTEGER, counting characters) as DuckDB scalar functions, registered on every database the
/// engine opens. NULL stays NULL.
/// </summary>
internal static unsafe class SparkStringFunctions
{
    /// <summary>DuckDB names of the functions.</summary>
    public const string Soundex = "spark_soundex", Levenshtein = "spark_levenshtein";

    /// <summary>Registers the functions in the database of <paramref name="connection"/>.</summary>
    public static void Register(DuckDbConnection connection)
    {
        DuckDbScalarFunction.Register(connection, Soundex, [DuckDbTypeId.Varchar], DuckDbTypeId.Varchar, &CallSoundex);
        DuckDbScalarFunction.Register(connection, Levenshtein, [DuckDbTypeId.Varchar, DuckDbTypeId.Varchar], DuckDbTypeId.Integer, &CallLevenshtein);
    }

    // Both run on DuckDB's threads: nothing may escape to native code, so every failure becomes DuckDB's error.
    [UnmanagedCallersOnly]
    private static void CallSoundex(nint info, nint input, nint output)
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var values = call.Strings(0);
            var valid = call.Validity(0);
            byte[]? buffer = null;
            for (var row = 0; row < call.RowCount; row++)
            {
                if (!valid.IsValid(row)) { call.SetNull(row); continue; }
                var text = values[row];
                if (buffer is null || buffer.Length < Math.Max(4, text.Length)) buffer = new byte[Math.Max(64, text.Length)];
                call.SetString(row, buffer.AsSpan(0, SparkSoundex.Encode(text, buffer)));
            }
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"{Soundex} failed: {e.Message}");
        }
    }

    [UnmanagedCallersOnly]
    private static void CallLevenshtein(nint info, nint input, nint output)
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var left = call.Strings(0);
            var leftValid = call.Validity(0);
            var right = call.Strings(1);
            var rightValid = call.Validity(1);
            var result = call.Output<int>();
            for (var row = 0; row < call.RowCount; row++)
            {
                if (leftValid.IsValid(row) && rightValid.IsValid(row)) result[row] = SparkLevenshtein.Distance(left[row], right[row]);
                else call.SetNull(row);
            }
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"{Levenshtein} failed: {e.Message}");
        }
    }
}
