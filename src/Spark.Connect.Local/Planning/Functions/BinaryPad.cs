namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>lpad</c>/<c>rpad</c> of bytes: when the value and the pad are both binary (the default pad is then one zero
/// byte) the result is BINARY, padded or cut to <c>len</c> bytes; a mix of binary and text pads text. The bytes are
/// padded as hex text, two digits a byte, so DuckDB's text padding does the work and cuts only between bytes.
/// </summary>
internal static class BinaryPad
{
    /// <summary>Whether the call pads bytes.</summary>
    public static bool Applies(FunctionCall call) =>
        IsBinary(call.SparkTypeOf(0)) && (call.Count == 2 || IsBinary(call.SparkTypeOf(2)));

    /// <summary>BINARY for bytes padded with bytes, else STRING; null when any argument is.</summary>
    public static FunctionResult ResultType(TypedCall call)
    {
        call.Require(1, t => SparkTypes.IsIntegral(t) || SparkTypes.IsString(t) || SparkTypes.IsNull(t), "\"INT\"");
        var binary = IsBinary(call.Type(0)) && (call.Count == 2 || IsBinary(call.Type(2)));
        if (!binary) call.Require(0, SparkTypes.CastsToString, ResultRules.StringType).Require(2, SparkTypes.CastsToString, ResultRules.StringType);
        return call.Strict(binary ? SparkTypes.Binary : SparkTypes.String);
    }

    /// <summary>Pads the hex of the bytes to twice the length and reads it back.</summary>
    public static string Render(FunctionCall call, string duckDbFunction)
    {
        var length = $"CAST({call[1]} AS INTEGER)";
        var digits = $"(CASE WHEN {length} < 0 THEN 0 ELSE {length} * 2 END)";
        var pad = call.Count == 3 ? $"hex({call[2]})" : "'00'";
        var padded = $"(CASE WHEN {pad} = '' THEN substring(hex({call[0]}), 1, {digits}) ELSE {duckDbFunction}(hex({call[0]}), {digits}, {pad}) END)";
        return $"unhex({padded})";
    }

    private static bool IsBinary(DataType? type) => type?.KindCase == DataType.KindOneofCase.Binary;
}
