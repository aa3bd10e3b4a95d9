using System.Globalization;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>to_number(str, format)</c> and <c>try_to_number</c>: text to DECIMAL by a constant format (<see cref="NumberFormat"/>).
/// Text that does not match raises INVALID_FORMAT.MISMATCH_INPUT (to_number) or gives NULL (try_to_number).
/// </summary>
internal static class NumberParsingFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => Render(c, failOnError: true), ResultType, "to_number");
        registry.Scalar(c => Render(c, failOnError: false), ResultType, "try_to_number");
    }

    private static FunctionResult ResultType(TypedCall call)
    {
        call.RequireAll(SparkTypes.CastsToString, ResultRules.StringType);
        var format = call.StringLiteral(1) ?? throw FunctionErrors.NotFoldable(call.Name, "format");
        var parsed = NumberFormat.Parse(format);
        var type = SparkTypes.Decimal(parsed.Precision, parsed.Scale);
        return call.Name.Equals("try_to_number", StringComparison.OrdinalIgnoreCase) ? call.AlwaysNullable(type) : call.Strict(type);
    }

    private static string Render(FunctionCall call, bool failOnError)
    {
        call.Expect(2);
        var format = call.StringLiteral(1, "format") ?? throw FunctionErrors.NotFoldable(call.Name, "format");
        var parsed = NumberFormat.Parse(format);
        var pattern = call.Context.Bind(new Spark.Connect.Protocol.Expression.Types.Literal { String = parsed.Pattern });
        var type = string.Create(CultureInfo.InvariantCulture, $"DECIMAL({parsed.Precision}, {parsed.Scale})");
        var mismatch = failOnError
            ? SparkRuntimeErrors.RaiseWithValues("INVALID_FORMAT.MISMATCH_INPUT", "The input STRING '", "\"__tn\"",
                "' does not match the format '", call[1], "'.")
            : "NULL";
        var magnitude = $"CAST(regexp_replace(\"__tn\", '[^0-9.]', '', 'g') AS {type})";
        var body = $"CASE WHEN \"__tn\" IS NULL THEN NULL WHEN NOT regexp_full_match(\"__tn\", {pattern}) THEN {mismatch} " +
                   $"WHEN contains(\"__tn\", '-') OR starts_with(\"__tn\", '<') THEN -{magnitude} ELSE {magnitude} END";
        return ArrayFunctions.Let(StringFunctions.Text(call, 0), "\"__tn\"", body);
    }
}
