namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Conversions between text and bytes (<c>hex</c>/<c>unhex</c> are in <see cref="RadixFunctions"/>): <c>to_binary</c>/<c>try_to_binary</c>
/// (hex, utf-8, base64), <c>encode</c> and <c>decode</c> (UTF-8; <c>decode</c> with more than two arguments is Spark's
/// CASE-like form, see <see cref="DecodeCase"/>). Hex text of odd length reads as if it began with 0, as Spark's.
/// </summary>
internal static class BinaryTextFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => BinaryFormats.ToBinary(c, failOnError: true), BinaryFormats.ResultType, "to_binary");
        registry.Scalar(c => BinaryFormats.ToBinary(c, failOnError: false), BinaryFormats.ResultType, "try_to_binary");
        registry.Scalar(Encode, ResultRules.Text(() => SparkTypes.Binary), "encode");
        registry.Scalar(Decode, DecodeCase.ResultType, "decode");
    }

    /// <summary>
    /// The bytes of hex text; malformed text gives NULL, or <paramref name="malformed"/> (SQL raising Spark's error) when given.
    /// </summary>
    internal static string Unhex(string text, string? malformed) =>
        ArrayFunctions.Let(text, "\"__hx\"",
            "CASE WHEN \"__hx\" IS NULL THEN NULL WHEN regexp_full_match(\"__hx\", '[0-9a-fA-F]*') " +
            "THEN unhex(CASE WHEN length(\"__hx\") % 2 = 1 THEN '0' || \"__hx\" ELSE \"__hx\" END) " +
            $"ELSE {malformed ?? "NULL"} END");

    /// <summary><c>encode(text, charset)</c>: the text's UTF-8 bytes.</summary>
    private static string Encode(FunctionCall call)
    {
        call.Expect(2);
        return Utf8Only(call, 1) + $"encode({StringFunctions.Text(call, 0)})";
    }

    /// <summary><c>decode(bytes, charset)</c> reads UTF-8 text; with more arguments it is <see cref="DecodeCase"/>.</summary>
    private static string Decode(FunctionCall call)
    {
        if (call.Count > 2) return DecodeCase.Render(call);
        call.Expect(2);
        var bytes = call.SparkTypeOf(0)?.KindCase == DataType.KindOneofCase.Binary ? call[0] : $"encode({StringFunctions.Text(call, 0)})";
        return Utf8Only(call, 1) + $"decode({bytes})";
    }

    /// <summary>
    /// Checks the charset argument: this engine converts UTF-8 only (Spark also knows US-ASCII, ISO-8859-1 and the
    /// UTF-16/32 forms). Returns "" so a renderer can prepend it.
    /// </summary>
    private static string Utf8Only(FunctionCall call, int index)
    {
        var charset = call.StringLiteral(index, "charset");
        if (charset is null) throw LocalEngineException.Unsupported($"{call.Name} with a NULL charset", "Pass 'UTF-8'.");
        switch (charset.ToLowerInvariant())
        {
            case "utf-8":
                return "";
            case "us-ascii" or "iso-8859-1" or "utf-16be" or "utf-16le" or "utf-16" or "utf-32":
                throw LocalEngineException.Unsupported($"{call.Name} with the charset '{charset}'", "The local engine converts UTF-8 only.");
            default:
                throw new LocalEngineException("INVALID_PARAMETER_VALUE.CHARSET", "22023",
                    $"The value of parameter(s) `charset` in `{call.Name}` is invalid: expects one of the charsets 'US-ASCII', 'ISO-8859-1', 'UTF-8', 'UTF-16BE', 'UTF-16LE', 'UTF-16', 'UTF-32', but got {charset}.",
                    new Dictionary<string, string> { ["functionName"] = $"`{call.Name}`", ["parameter"] = "`charset`", ["charset"] = charset });
        }
    }
}
