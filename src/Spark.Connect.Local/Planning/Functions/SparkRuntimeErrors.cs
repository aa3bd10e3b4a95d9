using System.Text.RegularExpressions;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's runtime errors raised from inside DuckDB. Where DuckDB would silently return NULL or
/// infinity (division by zero) the rendered SQL calls <c>error('[CLASS] message')</c>; DuckDB then
/// fails the query with "Invalid Input Error: [CLASS] message", which <see cref="TryTranslate"/> turns
/// back into a <see cref="LocalEngineException"/> with Spark's class so the client sees what Spark raises.
/// </summary>
internal static partial class SparkRuntimeErrors
{
    private static readonly Dictionary<string, (string SqlState, string Message)> Known = new(StringComparer.Ordinal)
    {
        ["DIVIDE_BY_ZERO"] = ("22012", "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead."),
        ["ARITHMETIC_OVERFLOW"] = ("22003", "Arithmetic overflow."),
        ["INVALID_INDEX_OF_ZERO"] = ("22003", "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1)."),
        ["NULL_MAP_KEY"] = ("2200E", "Cannot use null as map key."),
        ["INTERVAL_DIVIDED_BY_ZERO"] = ("22012", "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead."),
        ["INTERVAL_ARITHMETIC_OVERFLOW"] = ("22015", "Integer overflow while operating with intervals. Try devising appropriate values for the interval parameters."),
    };

    // Errors whose message is built in SQL from the failing values (an index, an array's size, a user's text): the
    // message is read back from DuckDB's error text.
    private static readonly Dictionary<string, string> WithValues = new(StringComparer.Ordinal)
    {
        ["INVALID_ARRAY_INDEX"] = "22003",
        ["INVALID_ARRAY_INDEX_IN_ELEMENT_AT"] = "22003",
        ["USER_RAISED_EXCEPTION"] = "P0001",
        ["INVALID_PARAMETER_VALUE.START"] = "22023",
        ["INVALID_PARAMETER_VALUE"] = "22023",
        ["COLLECTION_SIZE_LIMIT_EXCEEDED.PARAMETER"] = "54000",
        ["INVALID_PARAMETER_VALUE.LENGTH"] = "22023",
        ["DUPLICATED_MAP_KEY"] = "23505",
        ["INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE"] = "22023",
        ["DATETIME_FIELD_OUT_OF_BOUNDS"] = "22023",
        ["COMPARATOR_RETURNS_NULL"] = "22004",
        ["CAST_INVALID_INPUT"] = "22018",
        ["CAST_OVERFLOW"] = "22003",
        ["CANNOT_DECODE_URL"] = "22546",
        ["INVALID_URL"] = "22P02",
        ["CANNOT_PARSE_TIMESTAMP"] = "22007",
        ["ILLEGAL_DAY_OF_WEEK"] = "22009",
        ["INVALID_FRACTION_OF_SECOND"] = "22023",
        ["CONVERSION_INVALID_INPUT"] = "22018",
        ["INVALID_PARAMETER_VALUE.BINARY_FORMAT"] = "22023",
        ["INVALID_FORMAT.MISMATCH_INPUT"] = "42601",
        ["UNSUPPORTED_FEATURE.LOCAL_ENGINE"] = "0A000",
        ["INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING"] = "22006",
        ["INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE"] = "22006",
        ["INVALID_INTERVAL_FORMAT.INTERVAL_PARSING"] = "22006",
    };

    /// <summary>SQL that fails the query with Spark's division-by-zero error when evaluated.</summary>
    public static string DivideByZero => Raise("DIVIDE_BY_ZERO");

    /// <summary>SQL that fails the query with Spark's INTERVAL_DIVIDED_BY_ZERO (an interval over zero) when evaluated.</summary>
    public static string IntervalDividedByZero => Raise("INTERVAL_DIVIDED_BY_ZERO");

    /// <summary>SQL that fails the query with Spark's INTERVAL_ARITHMETIC_OVERFLOW (a product or quotient the interval can't hold) when evaluated.</summary>
    public static string IntervalOverflow => Raise("INTERVAL_ARITHMETIC_OVERFLOW");

    /// <summary>SQL that fails the query with Spark's INVALID_INDEX_OF_ZERO (element_at's index 0) when evaluated.</summary>
    public static string IndexOfZero => Raise("INVALID_INDEX_OF_ZERO");

    /// <summary>
    /// SQL that fails the query with <paramref name="errorClass"/> (one of the classes read back with their message)
    /// and a message joined from <paramref name="parts"/>: fixed text at even positions, SQL values (cast to text) at
    /// odd ones. The text parts are this engine's constants, never a user's value.
    /// </summary>
    public static string RaiseWithValues(string errorClass, params string[] parts)
    {
        if (!WithValues.ContainsKey(errorClass)) throw new ArgumentException($"{errorClass} is not raised with values.", nameof(errorClass));
        var pieces = parts.Select((part, i) => i % 2 == 0 ? Quote(part) : $"coalesce(CAST({part} AS VARCHAR), 'null')");
        return $"error({string.Join(" || ", pieces.Prepend(Quote($"[{errorClass}] ")))})";
    }

    /// <summary>SQL that fails the query with Spark's NULL_MAP_KEY (a map built with a null key) when evaluated.</summary>
    public static string NullMapKey => Raise("NULL_MAP_KEY");

    /// <summary>SQL that fails the query with Spark's arithmetic overflow error when evaluated.</summary>
    public static string ArithmeticOverflow => Raise("ARITHMETIC_OVERFLOW");

    /// <summary>
    /// <c>CASE WHEN divisor = 0 THEN error(…) ELSE expression END</c>: Spark (ANSI) raises DIVIDE_BY_ZERO
    /// for every numeric type where DuckDB returns NULL (integers) or ±inf (doubles).
    /// </summary>
    public static string GuardDivisor(string divisorSql, string expressionSql) =>
        $"(CASE WHEN ({divisorSql}) = 0 THEN {DivideByZero} ELSE {expressionSql} END)";

    // DuckDB's own runtime failures that ANSI Spark reports under its own classes, by a fragment of
    // DuckDB's message (first match wins).
    private static readonly (string Fragment, string ErrorClass, string SqlState, string Hint)[] DuckDbFailures =
    [
        ("Out of Range Error: Overflow", "ARITHMETIC_OVERFLOW", "22003", "Use a wider type (cast to bigint or decimal) for the operands."),
        // A value cast to a decimal with too few integer digits (Spark 4's class for Decimal.changePrecision failing).
        ("failed: value is out of range!", "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", "22003", "Cast to a decimal with more digits, or use try_cast."),
        ("out of range for the destination type", "CAST_OVERFLOW", "22003", "Cast to a wider type."),
        ("according to format specifier", "CANNOT_PARSE_TIMESTAMP", "22007", "Check the text against the format."),
        ("Conversion Error: Could not convert string", "CAST_INVALID_INPUT", "22018", "Correct the value or use try_cast."),
        ("Conversion Error: date field value out of range", "CAST_INVALID_INPUT", "22018", "Correct the value or use try_cast."),
        ("More than one row returned by a subquery used as an expression", "SCALAR_SUBQUERY_TOO_MANY_ROWS", "21000",
            "A scalar subquery must return at most one row; aggregate it or add a condition that keeps one row."),
        ("Conversion Error: invalid date field format", "CAST_INVALID_INPUT", "22018", "Correct the value or use try_cast."),
        ("Conversion Error: invalid timestamp field format", "CAST_INVALID_INPUT", "22018", "Correct the value or use try_cast."),
        ("Map keys must be unique", "DUPLICATED_MAP_KEY", "23505", "A map key was found twice (Spark's spark.sql.mapKeyDedupPolicy is EXCEPTION); check the input data."),
        ("Map keys can not be NULL", "NULL_MAP_KEY", "2200E", "Cannot use null as map key."),
        ("could not convert blob to UTF8 string", "MALFORMED_CHARACTER_CODING", "22000", "The bytes are not valid UTF-8; decode them with the charset they were written in."),
    ];

    /// <summary>
    /// Maps a DuckDB error message raised by one of these guards, or by DuckDB's own overflow, cast and
    /// parse failures, to the Spark error ANSI Spark raises there; null for other messages.
    /// </summary>
    public static LocalEngineException? TryTranslate(string duckDbMessage, Exception? inner = null)
    {
        ArgumentNullException.ThrowIfNull(duckDbMessage);
        var raised = RaisedPattern().Match(duckDbMessage);
        if (raised.Success && Known.TryGetValue(raised.Groups[1].Value, out var known))
            return new LocalEngineException(raised.Groups[1].Value, known.SqlState, known.Message, null, inner);
        if (raised.Success && WithValues.TryGetValue(raised.Groups[1].Value, out var valuesState))
        {
            var message = duckDbMessage[(raised.Index + raised.Length)..].Trim();
            var parameters = raised.Groups[1].Value == "USER_RAISED_EXCEPTION" ? new Dictionary<string, string> { ["errorMessage"] = message } : null;
            return new LocalEngineException(raised.Groups[1].Value, valuesState, message, parameters, inner);
        }
        foreach (var (fragment, errorClass, sqlState, hint) in DuckDbFailures)
        {
            if (duckDbMessage.Contains(fragment, StringComparison.Ordinal))
                return new LocalEngineException(errorClass, sqlState, $"{FirstLine(duckDbMessage)} {hint}", null, inner);
        }
        return null;
    }

    // DuckDB appends the statement text and a caret on later lines; the first line names the problem.
    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? message : message[..newline]).Trim();
    }

    // The text is a fixed constant from this class, never a user value.
    private static string Raise(string errorClass) => $"error({Quote($"[{errorClass}] {Known[errorClass].Message}")})";

    private static string Quote(string constant) => "'" + constant.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"\[([A-Z_]+(?:\.[A-Z_]+)?)\]")]
    private static partial Regex RaisedPattern();
}
