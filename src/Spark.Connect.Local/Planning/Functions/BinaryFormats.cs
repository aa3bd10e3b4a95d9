using Spark.Connect.Local.Hashing;
using Kind = Spark.Connect.Protocol.Expression.ExprTypeOneofCase;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>to_binary(str[, fmt])</c> and <c>try_to_binary</c>: text to bytes in the format 'hex' (the default), 'utf-8'/'utf8'
/// or 'base64', case-insensitive. The format must be constant: a literal is resolved now, another constant expression
/// (<c>concat('utf', '-8')</c>) is matched when the query runs. Malformed input raises CONVERSION_INVALID_INPUT
/// (to_binary) or gives NULL (try_to_binary); a NULL format gives NULL.
/// </summary>
internal static class BinaryFormats
{
    /// <summary>BINARY; null when an argument is, and for try_to_binary on malformed input.</summary>
    public static FunctionResult ResultType(TypedCall call)
    {
        call.Require(0, SparkTypes.CastsToString, ResultRules.StringType);
        if (call.Count == 2 && !(SparkTypes.IsString(call.Type(1)) || SparkTypes.IsNull(call.Type(1))))
            throw call.WrongType(1, ResultRules.StringType);
        return call.Name.Equals("try_to_binary", StringComparison.OrdinalIgnoreCase) ? call.AlwaysNullable(SparkTypes.Binary) : call.Strict(SparkTypes.Binary);
    }

    /// <summary>Renders the conversion.</summary>
    public static string ToBinary(FunctionCall call, bool failOnError)
    {
        call.ExpectBetween(1, 2);
        var text = StringFunctions.Text(call, 0);
        if (call.Count == 1) return Convert(call, text, "hex", failOnError);
        if (call.LiteralAt(1) is { } literal)
        {
            if (literal.LiteralTypeCase == Expression.Types.Literal.LiteralTypeOneofCase.Null) return "CAST(NULL AS BLOB)";
            var format = call.StringLiteral(1, "format")!.ToLowerInvariant();
            return Convert(call, text, format, failOnError);
        }
        if (!IsConstant(call.Arguments[1].Source))
            throw FunctionErrors.NotFoldable(call.Name, "format");
        var chosen = $"lower({call[1]})";
        return $"(CASE WHEN {chosen} IS NULL THEN NULL " +
               $"WHEN {chosen} = 'hex' THEN {Convert(call, text, "hex", failOnError)} " +
               $"WHEN {chosen} IN ('utf-8', 'utf8') THEN {Convert(call, text, "utf-8", failOnError)} " +
               $"WHEN {chosen} = 'base64' THEN {Convert(call, text, "base64", failOnError)} " +
               $"ELSE {SparkRuntimeErrors.RaiseWithValues("INVALID_PARAMETER_VALUE.BINARY_FORMAT", $"The value of parameter(s) `format` in `{call.Name}` is invalid: expects one of binary formats 'base64', 'hex', 'utf-8', but got '", chosen, "'.")} END)";
    }

    private static string Convert(FunctionCall call, string text, string format, bool failOnError) => format switch
    {
        "hex" => BinaryTextFunctions.Unhex(text, failOnError ? Malformed(text, "HEX") : null),
        "utf-8" or "utf8" => $"encode({text})",
        "base64" => Base64(text, failOnError ? Malformed(text, "BASE64") : "NULL"),
        _ => throw new LocalEngineException("INVALID_PARAMETER_VALUE.BINARY_FORMAT", "22023",
            $"The value of parameter(s) `format` in `{call.Name}` is invalid: expects one of binary formats 'base64', 'hex', 'utf-8', but got '{format}'.",
            new Dictionary<string, string> { ["functionName"] = $"`{call.Name}`", ["parameter"] = "`format`", ["invalidFormat"] = format }),
    };

    /// <summary>
    /// Base64 text as Spark's to_binary checks it: spaces may stand between the symbols but not within the padding;
    /// at most two '=' end the text, and then the symbols and padding fill whole 4-character units; unpadded text may
    /// not leave a lone symbol. Valid text is decoded by the engine's MIME decoder (<see cref="SparkBinaryFunctions"/>).
    /// </summary>
    private static string Base64(string text, string malformed) =>
        ArrayFunctions.Let($"regexp_replace({text}, '\\s', '', 'g')", "\"__b64\"",
            $"CASE WHEN \"__b64\" IS NULL THEN NULL " +
            $"WHEN regexp_full_match({text}, '[A-Za-z0-9+/\\s]*={{0,2}}') AND (CASE WHEN ends_with(\"__b64\", '=') " +
            "THEN length(\"__b64\") % 4 = 0 ELSE length(\"__b64\") % 4 <> 1 END) " +
            $"THEN {SparkBinaryFunctions.Unbase64}(\"__b64\") ELSE {malformed} END");

    private static string Malformed(string text, string format) =>
        SparkRuntimeErrors.RaiseWithValues("CONVERSION_INVALID_INPUT", "The value '", text,
            $"' (\"STRING\") cannot be converted to \"BINARY\" because it is malformed. Correct the value as per the syntax, or change its format ('{format}'). Use `try_to_binary` to tolerate malformed input and return NULL instead.");

    /// <summary>Whether an expression is built only from literals, casts and calls on them (Spark's foldable).</summary>
    private static bool IsConstant(Expression? expression) => expression switch
    {
        { ExprTypeCase: Kind.Literal } => true,
        { ExprTypeCase: Kind.Cast } cast => IsConstant(cast.Cast.Expr),
        { ExprTypeCase: Kind.Alias } alias => IsConstant(alias.Alias.Expr),
        { ExprTypeCase: Kind.UnresolvedFunction } call => call.UnresolvedFunction.FunctionName.ToLowerInvariant() is not ("rand" or "random" or "randn" or "uuid" or "shuffle")
            && call.UnresolvedFunction.Arguments.All(IsConstant),
        _ => false,
    };
}
