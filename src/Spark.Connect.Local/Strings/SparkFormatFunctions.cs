using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Strings;

/// <summary>
/// Spark's number formatting as DuckDB scalar functions, registered on every database the engine opens:
/// <c>spark_format_number(text, d)</c> / <c>spark_format_number_double(double, d)</c> with an INTEGER d (Java's
/// DecimalFormat with d fraction digits; negative d gives NULL), <c>spark_format_pattern</c> /
/// <c>spark_format_pattern_double</c> with a DecimalFormat pattern (<see cref="JavaDecimalFormat"/>), and
/// <c>spark_to_char(text, format)</c> (<see cref="ToCharFormat"/>). Numbers other than doubles arrive as DuckDB's exact
/// text. NULL in gives NULL out. <see cref="SparkTextFunctions"/> holds the character-level ones.
/// </summary>
internal static unsafe class SparkFormatFunctions
{
    /// <summary>DuckDB names of the functions.</summary>
    public const string FormatNumber = "spark_format_number", FormatNumberDouble = "spark_format_number_double",
        FormatPattern = "spark_format_pattern", FormatPatternDouble = "spark_format_pattern_double", ToChar = "spark_to_char";

    private static readonly ConcurrentDictionary<string, JavaDecimalFormat> Patterns = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<int, JavaDecimalFormat> FractionFormats = new();

    /// <summary>Registers the functions in the database of <paramref name="connection"/>.</summary>
    public static void Register(DuckDbConnection connection)
    {
        DuckDbScalarFunction.Register(connection, FormatNumber, [DuckDbTypeId.Varchar, DuckDbTypeId.Integer], DuckDbTypeId.Varchar, &CallFormatNumber);
        DuckDbScalarFunction.Register(connection, FormatNumberDouble, [DuckDbTypeId.Double, DuckDbTypeId.Integer], DuckDbTypeId.Varchar, &CallFormatNumberDouble);
        DuckDbScalarFunction.Register(connection, FormatPattern, [DuckDbTypeId.Varchar, DuckDbTypeId.Varchar], DuckDbTypeId.Varchar, &CallFormatPattern);
        DuckDbScalarFunction.Register(connection, FormatPatternDouble, [DuckDbTypeId.Double, DuckDbTypeId.Varchar], DuckDbTypeId.Varchar, &CallFormatPatternDouble);
        DuckDbScalarFunction.Register(connection, ToChar, [DuckDbTypeId.Varchar, DuckDbTypeId.Varchar], DuckDbTypeId.Varchar, &CallToChar);
    }

    /// <summary>The compiled pattern; an empty pattern is Spark's default one (throws <see cref="JavaDecimalFormat.UnsupportedPattern"/>).</summary>
    internal static JavaDecimalFormat Pattern(string pattern)
    {
        if (Patterns.TryGetValue(pattern, out var compiled)) return compiled;
        compiled = JavaDecimalFormat.Parse(pattern.Length == 0 ? JavaDecimalFormat.DefaultPattern : pattern);
        if (Patterns.Count < 1024) Patterns.TryAdd(pattern, compiled);
        return compiled;
    }

    private static JavaDecimalFormat? Fraction(int digits)
    {
        if (digits < 0) return null;
        if (FractionFormats.TryGetValue(digits, out var compiled)) return compiled;
        compiled = JavaDecimalFormat.WithFractionDigits(digits);
        if (FractionFormats.Count < 1024) FractionFormats.TryAdd(digits, compiled);
        return compiled;
    }

    [UnmanagedCallersOnly]
    private static void CallFormatNumber(nint info, nint input, nint output) => Run(info, input, output, FormatNumber, (call, row) =>
        Fraction(call.Values<int>(1)[row])?.Format(ExactDecimal.Parse(Text(call, 0, row))));

    [UnmanagedCallersOnly]
    private static void CallFormatNumberDouble(nint info, nint input, nint output) => Run(info, input, output, FormatNumberDouble, (call, row) =>
        Fraction(call.Values<int>(1)[row])?.Format(call.Values<double>(0)[row]));

    [UnmanagedCallersOnly]
    private static void CallFormatPattern(nint info, nint input, nint output) => Run(info, input, output, FormatPattern, (call, row) =>
        Pattern(Text(call, 1, row)).Format(ExactDecimal.Parse(Text(call, 0, row))));

    [UnmanagedCallersOnly]
    private static void CallFormatPatternDouble(nint info, nint input, nint output) => Run(info, input, output, FormatPatternDouble, (call, row) =>
        Pattern(Text(call, 1, row)).Format(call.Values<double>(0)[row]));

    [UnmanagedCallersOnly]
    private static void CallToChar(nint info, nint input, nint output) => Run(info, input, output, ToChar, (call, row) =>
        new ToCharFormat(Text(call, 1, row)).Format(Text(call, 0, row)));

    private static string Text(DuckDbScalarCall call, int column, int row) => Encoding.UTF8.GetString(call.Strings(column)[row]);

    private delegate string? RowFormatter(DuckDbScalarCall call, int row);

    // Every argument null-checked, then the formatter's text or NULL; a refused pattern fails the statement with Spark's class.
    private static void Run(nint info, nint input, nint output, string name, RowFormatter format)
    {
        try
        {
            var call = new DuckDbScalarCall(info, input, output);
            var first = call.Validity(0);
            var second = call.Validity(1);
            for (var row = 0; row < call.RowCount; row++)
            {
                var text = first.IsValid(row) && second.IsValid(row) ? format(call, row) : null;
                if (text is null) call.SetNull(row);
                else call.SetString(row, Encoding.UTF8.GetBytes(text));
            }
        }
        catch (JavaDecimalFormat.UnsupportedPattern e)
        {
            DuckDbScalarCall.Fail(info, "[UNSUPPORTED_FEATURE.LOCAL_ENGINE] " + e.Message);
        }
        catch (Exception e)
        {
            DuckDbScalarCall.Fail(info, $"{name} failed: {e.Message}");
        }
    }
}
