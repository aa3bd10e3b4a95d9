using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Strings;

/// <summary>
/// DuckDB scalar functions that read text with a Spark datetime pattern (<see cref="SparkDateTimePattern"/>), registered on
/// every database the engine opens: <c>spark_parse_datetime(text, pattern)</c> gives the local date-time text (and the
/// text's zone, if any) for a cast to read, or fails with Spark's <c>[CANNOT_PARSE_TIMESTAMP]</c>;
/// <c>spark_try_parse_datetime</c> gives NULL instead. NULL in gives NULL out.
/// </summary>
internal static unsafe class SparkDateTimeFunctions
{
    /// <summary>DuckDB names of the functions.</summary>
    public const string ParseDateTime = "spark_parse_datetime", TryParseDateTime = "spark_try_parse_datetime";

    // Patterns are few (literals in queries); compiled once each, with a bound so odd workloads cannot grow it forever.
    private static readonly ConcurrentDictionary<string, SparkDateTimePattern> Compiled = new(StringComparer.Ordinal);

    /// <summary>Registers the functions in the database of <paramref name="connection"/>.</summary>
    public static void Register(DuckDbConnection connection)
    {
        DuckDbTypeId[] two = [DuckDbTypeId.Varchar, DuckDbTypeId.Varchar];
        DuckDbScalarFunction.Register(connection, ParseDateTime, two, DuckDbTypeId.Varchar, &CallParse);
        DuckDbScalarFunction.Register(connection, TryParseDateTime, two, DuckDbTypeId.Varchar, &CallTryParse);
    }

    /// <summary>The compiled pattern (throws <see cref="SparkDateTimePattern.UnsupportedPattern"/> for letters it does not read).</summary>
    internal static SparkDateTimePattern Pattern(string pattern)
    {
        if (Compiled.TryGetValue(pattern, out var compiled)) return compiled;
        compiled = SparkDateTimePattern.Compile(pattern);
        if (Compiled.Count < 1024) Compiled.TryAdd(pattern, compiled);
        return compiled;
    }

    [UnmanagedCallersOnly] private static void CallParse(nint info, nint input, nint output) => Run(info, input, output, orNull: false);
    [UnmanagedCallersOnly] private static void CallTryParse(nint info, nint input, nint output) => Run(info, input, output, orNull: true);

    private static void Run(nint info, nint input, nint output, bool orNull)
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var texts = call.Strings(0);
            var patterns = call.Strings(1);
            var textValid = call.Validity(0);
            var patternValid = call.Validity(1);
            for (var row = 0; row < call.RowCount; row++)
            {
                if (!textValid.IsValid(row) || !patternValid.IsValid(row))
                {
                    call.SetNull(row);
                    continue;
                }
                var text = Encoding.UTF8.GetString(texts[row]);
                string? parsed;
                try
                {
                    parsed = Pattern(Encoding.UTF8.GetString(patterns[row])).Parse(text);
                }
                catch (SparkDateTimePattern.ParseFailure) when (orNull)
                {
                    parsed = null;
                }
                if (parsed is null) call.SetNull(row);
                else call.SetString(row, Encoding.UTF8.GetBytes(parsed));
            }
        }
        catch (SparkDateTimePattern.ParseFailure e)
        {
            DuckDbScalarCall.Fail(info, "[CANNOT_PARSE_TIMESTAMP] " + e.Message);
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"{ParseDateTime} failed: {e.Message}");
        }
    }
}
