using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>format_string(format, args…)</c>/<c>printf</c>: Java's <c>String.format</c> for the specifiers whose output
/// DuckDB's <c>printf</c> reproduces: <c>%s</c> (text, integers, booleans, dates, decimals), <c>%d</c> (integers),
/// <c>%f</c>/<c>%.Nf</c> (numbers; rounded HALF_UP on the shortest decimal text first, as Java's Formatter does, through
/// Spark's <c>round</c>), <c>%%</c> and <c>%n</c>, with the flags <c>- + 0 space</c> and a width. A null argument prints
/// <c>null</c>, as Java does. The format must be a literal; its text and each specifier are bound as parameters.
/// Anything else (<c>%x</c>, <c>%e</c>, <c>%,d</c>, positional arguments, <c>%s</c> of a double) is unsupported.
/// </summary>
internal static partial class FormatStringFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry) =>
        registry.Scalar(Render, c => c.Require(0, SparkTypes.IsString, ResultRules.StringType).Strict(SparkTypes.String), "format_string", "printf");

    private static string Render(FunctionCall call)
    {
        StringFunctions.AtLeastOne(call);
        var format = call.StringLiteral(0, "format");
        if (format is null) return "CAST(NULL AS VARCHAR)";
        var pieces = new List<string>();
        var text = new StringBuilder();
        var next = 1;
        var position = 0;
        foreach (Match match in Specifier().Matches(format))
        {
            AppendLiteral(text, format[position..match.Index]);
            position = match.Index + match.Length;
            var conversion = match.Groups["conversion"].Value;
            if (conversion == "%") { text.Append('%'); continue; }
            if (conversion == "n") { text.Append('\n'); continue; }
            if (text.Length > 0) { pieces.Add(Bind(call, text.ToString())); text.Clear(); }
            if (next >= call.Count)
                throw LocalEngineException.Unsupported("format_string with fewer arguments than specifiers", "Pass one argument per specifier.");
            pieces.Add(Argument(call, next++, match));
        }
        AppendLiteral(text, format[position..]);
        if (text.Length > 0 || pieces.Count == 0) pieces.Add(Bind(call, text.ToString()));
        return "(" + string.Join(" || ", pieces) + ")";
    }

    /// <summary>One argument formatted by its specifier; a null argument prints <c>null</c> within the width.</summary>
    private static string Argument(FunctionCall call, int index, Match match)
    {
        var (flags, width, precision, conversion) = (match.Groups["flags"].Value, match.Groups["width"].Value, match.Groups["precision"].Value, match.Groups["conversion"].Value);
        var type = call.SparkTypeOf(index) ?? throw LocalEngineException.Unsupported("format_string of an argument of unknown type", "Cast the argument.");
        string value;
        switch (conversion)
        {
            case "s" when SparkTypes.IsString(type) || SparkTypes.IsIntegral(type) || SparkTypes.IsDecimal(type) || SparkTypes.IsNull(type)
                          || type.KindCase is DataType.KindOneofCase.Boolean or DataType.KindOneofCase.Date:
                if (flags.Replace("-", "", StringComparison.Ordinal).Length > 0) throw Unsupported(match.Value);
                return $"printf({Bind(call, match.Value)}, coalesce(CAST({call[index]} AS VARCHAR), 'null'))";
            case "d" when SparkTypes.IsIntegral(type) || SparkTypes.IsNull(type):
                if (precision.Length > 0) throw Unsupported(match.Value);
                value = $"CAST({call[index]} AS BIGINT)";
                break;
            case "f" when SparkTypes.IsNumeric(type) || SparkTypes.IsNull(type):
                var digits = precision.Length > 0 ? int.Parse(precision[1..], CultureInfo.InvariantCulture) : 6;
                if (digits > 38) throw Unsupported(match.Value);
                var rounded = FunctionRegistry.Find("round").Render(call with
                {
                    Name = "round",
                    Arguments = [new SqlArgument($"CAST({call[index]} AS DOUBLE)", call.Arguments[index].Source, SparkTypes.Double),
                        new SqlArgument(digits.ToString(CultureInfo.InvariantCulture), new Expression { Literal = new() { Integer = digits } }, SparkTypes.Integer)],
                });
                value = rounded;
                break;
            default:
                throw Unsupported(match.Value);
        }
        // Java prints null within the width (never cut), left-aligned with '-'.
        var nullText = width.Length == 0 ? "'null'"
            : $"printf({Bind(call, (flags.Contains('-', StringComparison.Ordinal) ? "%-" : "%") + width + "s")}, 'null')";
        return $"coalesce(printf({Bind(call, match.Value)}, {value}), {nullText})";
    }

    /// <summary>Text between specifiers; a '%' there starts a specifier this engine does not reproduce.</summary>
    private static void AppendLiteral(StringBuilder text, string segment)
    {
        var percent = segment.IndexOf('%', StringComparison.Ordinal);
        if (percent >= 0) throw Unsupported(segment[percent..Math.Min(segment.Length, percent + 4)]);
        text.Append(segment);
    }

    private static LocalEngineException Unsupported(string specifier) =>
        LocalEngineException.Unsupported($"the format specifier '{specifier}' in format_string",
            "Use %s (text, integers, booleans, dates, decimals), %d (integers) or %f (numbers) with the flags - + 0 and space, a width and a precision.");

    private static string Bind(FunctionCall call, string text) => call.Context.Bind(new Expression.Types.Literal { String = text });

    [GeneratedRegex(@"%(?<flags>[-+ 0]*)(?<width>[1-9][0-9]*)?(?<precision>\.[0-9]+)?(?<conversion>[sdf%n])")]
    private static partial Regex Specifier();
}
