using System.Globalization;
using System.Text.RegularExpressions;
using EvalMode = Spark.Connect.Protocol.Expression.Types.Cast.Types.EvalMode;

namespace Spark.Connect.Local.Planning.Expressions;

/// <summary>
/// Spark casts: ANSI (the default) is DuckDB's <c>CAST</c>, which raises on values that don't convert;
/// TRY is <c>TRY_CAST</c> (null instead). Target types come from <see cref="DuckDbTypeNames"/>, or from a
/// fixed table of Spark type names when the client sent the type as text.
/// </summary>
internal static partial class CastRenderer
{
    private static readonly Dictionary<string, string> SimpleTypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["boolean"] = "BOOLEAN", ["tinyint"] = "TINYINT", ["byte"] = "TINYINT", ["smallint"] = "SMALLINT", ["short"] = "SMALLINT",
        ["int"] = "INTEGER", ["integer"] = "INTEGER", ["bigint"] = "BIGINT", ["long"] = "BIGINT", ["float"] = "FLOAT",
        ["real"] = "FLOAT", ["double"] = "DOUBLE", ["string"] = "VARCHAR", ["binary"] = "BLOB", ["date"] = "DATE",
        ["timestamp"] = "TIMESTAMPTZ", ["timestamp_ltz"] = "TIMESTAMPTZ", ["timestamp_ntz"] = "TIMESTAMP", ["decimal"] = "DECIMAL(10,0)",
    };

    private static readonly HashSet<string> IntegralTypes = new(StringComparer.Ordinal) { "TINYINT", "SMALLINT", "INTEGER", "BIGINT" };

    /// <summary>
    /// Renders the cast. Spark truncates a fractional number toward zero when casting to an integral type, while
    /// DuckDB's cast rounds, so a DOUBLE, FLOAT or DECIMAL operand goes through <c>trunc</c> first; a string operand
    /// is read by Spark's rules (<see cref="StringCastRenderer"/>).
    /// </summary>
    internal static string Render(Expression.Types.Cast cast, string operand, Func<string?> operandType)
    {
        var target = cast.CastToTypeCase switch
        {
            Expression.Types.Cast.CastToTypeOneofCase.Type => DuckDbTypeNames.FromSpark(cast.Type),
            Expression.Types.Cast.CastToTypeOneofCase.TypeStr => FromTypeString(cast.TypeStr),
            _ => throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", "A cast carries no target type."),
        };
        if (cast.EvalMode == EvalMode.Legacy)
            throw LocalEngineException.Unsupported("casts in LEGACY (non-ANSI) mode", "Use the default ANSI mode, or try_cast for null-on-failure.");
        var operandDuckDbType = operandType();
        if (operandDuckDbType == "VARCHAR" && StringCastRenderer.Render(target, operand, cast.EvalMode == EvalMode.Try) is { } fromString)
            return fromString;
        // Text to a narrow decimal is read at full precision first, so a number with too many digits fails as an
        // out-of-range value (NUMERIC_VALUE_OUT_OF_RANGE) rather than as malformed text, as in Spark.
        if (operandDuckDbType == "VARCHAR" && NarrowDecimal().Match(target) is { Success: true } narrow)
            operand = $"{(cast.EvalMode == EvalMode.Try ? "TRY_CAST" : "CAST")}({operand} AS DECIMAL(38,{narrow.Groups[1].Value}))";
        if (IntegralTypes.Contains(target) && operandDuckDbType is { } type && IsFractional(type))
            operand = $"trunc({operand})";
        return $"{(cast.EvalMode == EvalMode.Try ? "TRY_CAST" : "CAST")}({operand} AS {target})";
    }

    private static bool IsFractional(string duckDbType) =>
        duckDbType is "DOUBLE" or "FLOAT" || duckDbType.StartsWith("DECIMAL", StringComparison.Ordinal);

    private static string FromTypeString(string text)
    {
        var trimmed = text.Trim();
        if (SimpleTypeNames.TryGetValue(trimmed, out var simple))
            return simple;
        var match = DecimalPattern().Match(trimmed);
        if (match.Success)
            return DuckDbTypeNames.Decimal(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0);
        throw LocalEngineException.Unsupported($"casting to the type '{text}'",
            "Send the target as a DataType, or use a simple type name (int, bigint, double, string, date, timestamp, decimal(p,s), ...).");
    }

    // DECIMAL(p,s) with p < 38; group 1 is the scale.
    [GeneratedRegex(@"^DECIMAL\((?:[1-9]|[12][0-9]|3[0-7]),(\d+)\)$")]
    private static partial Regex NarrowDecimal();

    [GeneratedRegex(@"^decimal\s*\(\s*(\d{1,2})\s*(?:,\s*(\d{1,2})\s*)?\)$", RegexOptions.IgnoreCase)]
    private static partial Regex DecimalPattern();
}
