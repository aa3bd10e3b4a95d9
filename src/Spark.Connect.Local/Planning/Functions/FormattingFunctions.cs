using Spark.Connect.Local.Strings;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's number formatting and masking: <c>format_number(x, d)</c> (Java's DecimalFormat with d fraction digits or a
/// pattern; <see cref="JavaDecimalFormat"/>), <c>to_char</c>/<c>to_varchar</c> (a number by Spark's ToNumberParser
/// format, <see cref="ToCharFormat"/>; a date or timestamp by <c>date_format</c>; bytes as base64, hex or UTF-8),
/// <c>mask</c>, <c>luhn_check</c> and <c>regexp_instr</c>. The formatting runs in this engine's DuckDB functions
/// (<see cref="SparkFormatFunctions"/>, <see cref="SparkTextFunctions"/>); formats and mask characters are bound values.
/// </summary>
internal static class FormattingFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(FormatNumber, FormatNumberType, "format_number");
        registry.Scalar(ToChar, ToCharType, "to_char", "to_varchar");
        registry.Scalar(Mask, c => c.Require(0, t => SparkTypes.IsString(t) || SparkTypes.IsNull(t), ResultRules.StringType)
            .AlwaysNullable(SparkTypes.String), "mask");
        registry.Scalar(c => $"{SparkTextFunctions.LuhnCheck}({StringFunctions.Text(c.Expect(1), 0)})", ResultRules.Text(() => SparkTypes.Boolean), "luhn_check");
        registry.Scalar(RegexpInstr, c => c.RequireAll(SparkTypes.CastsToString, ResultRules.StringType).Require(2, SparkTypes.CastsToNumber, "\"INT\"")
            .Strict(SparkTypes.Integer), "regexp_instr");
    }

    private static FunctionResult FormatNumberType(TypedCall call) =>
        call.Require(0, t => SparkTypes.IsNumeric(t) || SparkTypes.IsNull(t), ResultRules.NumericType)
            .Require(1, t => t.KindCase == DataType.KindOneofCase.Integer || SparkTypes.IsString(t) || SparkTypes.IsNull(t), "(\"INT\" or \"STRING\")")
            .AlwaysNullable(SparkTypes.String);

    /// <summary><c>format_number(x, d)</c>: doubles by their shortest digits, other numbers by DuckDB's exact text.</summary>
    private static string FormatNumber(FunctionCall call)
    {
        call.Expect(2);
        var literal = call.LiteralAt(1) is { LiteralTypeCase: Literal.LiteralTypeOneofCase.String } text ? text.String : null;
        var pattern = literal is not null || call.TypeOf(1).Family == TypeFamily.String;
        if (literal is not null) CheckPattern(literal);
        var isDouble = call.TypeOf(0).Family == TypeFamily.Floating;
        var value = isDouble ? $"CAST({call[0]} AS DOUBLE)" : $"CAST({call[0]} AS VARCHAR)";
        var function = (pattern, isDouble) switch
        {
            (true, true) => SparkFormatFunctions.FormatPatternDouble,
            (true, false) => SparkFormatFunctions.FormatPattern,
            (false, true) => SparkFormatFunctions.FormatNumberDouble,
            _ => SparkFormatFunctions.FormatNumber,
        };
        var digits = pattern ? $"CAST({call[1]} AS VARCHAR)" : $"CAST({call[1]} AS INTEGER)";
        return $"{function}({value}, {digits})";
    }

    private static void CheckPattern(string pattern)
    {
        try
        {
            SparkFormatFunctions.Pattern(pattern);
        }
        catch (JavaDecimalFormat.UnsupportedPattern unsupported)
        {
            throw LocalEngineException.Unsupported(unsupported.Message,
                "Use # and 0 digits with , grouping, a . with 0/# fraction digits, and literal or quoted text or % around them.");
        }
    }

    private static FunctionResult ToCharType(TypedCall call)
    {
        var type = call.Type(0);
        if (SparkTypes.IsDatetime(type) || type.KindCase == DataType.KindOneofCase.Binary) return call.Strict(SparkTypes.String);
        return call.Require(0, t => SparkTypes.IsNumeric(t) || SparkTypes.IsString(t) || SparkTypes.IsNull(t), "\"DECIMAL\"")
            .Require(1, SparkTypes.CastsToString, ResultRules.StringType)
            .Strict(SparkTypes.String);
    }

    /// <summary>
    /// <c>to_char(x, format)</c>: dates and timestamps go to <c>date_format</c> and bytes to base64/hex/decode, as Spark's
    /// builder does; numbers are cast to a decimal (as Spark's implicit cast: a double to DECIMAL(30,15)) and formatted.
    /// </summary>
    private static string ToChar(FunctionCall call)
    {
        call.Expect(2);
        var family = call.TypeOf(0).Family;
        if (family is TypeFamily.Date or TypeFamily.Timestamp or TypeFamily.TimestampTz)
            return FunctionRegistry.Find("date_format").Render(call);
        if (family == TypeFamily.Binary) return BinaryToChar(call);
        var literal = call.LiteralAt(1) ?? throw FunctionErrors.NotFoldable(call.Name, "format");
        if (literal.LiteralTypeCase == Literal.LiteralTypeOneofCase.Null) return "CAST(NULL AS VARCHAR)";
        var format = call.StringLiteral(1, "format")!;
        if (new ToCharFormat(format).Check() is { } invalid)
            throw new LocalEngineException("INVALID_FORMAT." + invalid.SubClass, "42601", $"The format is invalid: '{format}'. {invalid.Message}",
                new Dictionary<string, string> { ["format"] = $"'{format}'" });
        var placeholder = call.Context.Bind(new Literal { String = format });
        var value = family switch
        {
            TypeFamily.Floating when call.TypeOf(0).Name == "FLOAT" => $"CAST(CAST({call[0]} AS DECIMAL(14, 7)) AS VARCHAR)",
            TypeFamily.Floating => $"CAST(CAST({call[0]} AS DECIMAL(30, 15)) AS VARCHAR)",
            TypeFamily.String => $"CAST(CAST({call[0]} AS DECIMAL(38, 18)) AS VARCHAR)",
            _ => $"CAST({call[0]} AS VARCHAR)",
        };
        return $"{SparkFormatFunctions.ToChar}({value}, {placeholder})";
    }

    private static string BinaryToChar(FunctionCall call)
    {
        var format = call.StringLiteral(1, "format") ?? throw FunctionErrors.InvalidParameterValue(call.Name, "format", "it is null");
        var single = call with { Arguments = [call.Arguments[0]] };
        return format.Trim().ToLowerInvariant() switch
        {
            "base64" => FunctionRegistry.Find("base64").Render(single),
            "hex" => FunctionRegistry.Find("hex").Render(single),
            "utf-8" => $"decode({call[0]})",
            var other => throw new LocalEngineException("INVALID_PARAMETER_VALUE.BINARY_FORMAT", "22023",
                $"The value of parameter(s) `format` in `{call.Name}` is invalid: expects one of binary formats 'base64', 'hex', 'utf-8', but got '{other}'.",
                new Dictionary<string, string> { ["parameter"] = "`format`", ["functionName"] = $"`{call.Name}`" }),
        };
    }

    /// <summary><c>mask(s[, upper, lower, digit, other])</c>: replacements must be constants of one character, or NULL to keep.</summary>
    private static string Mask(FunctionCall call)
    {
        call.ExpectBetween(1, 5);
        string[] roles = ["upperChar", "lowerChar", "digitChar", "otherChar"];
        string?[] defaults = ["X", "x", "n", null];
        var replacements = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var value = i + 1 < call.Count ? call.StringLiteral(i + 1, roles[i]) : defaults[i];
            if (value is not null && (value.Length == 0 || char.ConvertToUtf32(value, 0) is var c && (c > 0xFFFF ? 2 : 1) != value.Length))
                throw new LocalEngineException("DATATYPE_MISMATCH.INPUT_SIZE_NOT_ONE", "42K09",
                    $"Cannot resolve `mask` due to data type mismatch: Length of {roles[i]} should be 1.", new Dictionary<string, string> { ["exprName"] = roles[i] });
            if (value is not null && value.Length > 1)
                throw LocalEngineException.Unsupported("a mask character outside the Basic Multilingual Plane", "Use a character below U+10000.");
            replacements.Add(value is null ? "CAST(NULL AS VARCHAR)" : call.Context.Bind(new Literal { String = value }));
        }
        return $"{SparkTextFunctions.Mask}({call[0]}, {string.Join(", ", replacements)})";
    }

    /// <summary>
    /// <c>regexp_instr(s, regexp[, idx])</c>: where the first match starts, counted in UTF-16 units as Java's, or 0. The
    /// shortest prefix before which the pattern matches is the leftmost match's start; idx is read but, as in Spark, unused.
    /// </summary>
    private static string RegexpInstr(FunctionCall call)
    {
        call.ExpectBetween(2, 3);
        var text = StringFunctions.Text(call, 0);
        var prefix = $"regexp_extract({text}, '^((?s:.*?))(?:' || {call[1]} || ')', 1)";
        var utf16 = $"(length({prefix}) + length(regexp_replace({prefix}, '[^\\x{{10000}}-\\x{{10FFFF}}]', '', 'g')))";
        var position = $"(CASE regexp_matches({text}, {call[1]}) WHEN true THEN CAST({utf16} + 1 AS INTEGER) WHEN false THEN 0 END)";
        return call.Count == 3 ? $"(CASE WHEN {call[2]} IS NULL THEN NULL ELSE {position} END)" : position;
    }
}
