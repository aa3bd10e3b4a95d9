namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's bit functions: <c>bit_count</c>, <c>bit_get</c>/<c>getbit</c>, <c>shiftleft</c>, <c>shiftright</c>,
/// <c>shiftrightunsigned</c>, with Java's semantics: a value is its 64-bit two's complement for <c>bit_count</c> (Java's
/// <c>Long.bitCount</c> of the sign-extended value), shifts wrap around the int or long width and take the shift amount
/// modulo that width. The arithmetic runs on HUGEINT (DuckDB's signed shifts refuse overflow and negative operands).
/// </summary>
internal static class BitwiseFunctions
{
    private const string TwoTo64 = "CAST(18446744073709551616 AS HUGEINT)";

    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(BitCount, c => c.Require(0, t => SparkTypes.IsIntegral(t) || t.KindCase == DataType.KindOneofCase.Boolean || SparkTypes.IsNull(t),
            "(\"INTEGRAL\" or \"BOOLEAN\")").Strict(SparkTypes.Integer), "bit_count");
        registry.Scalar(BitGet, c => c.RequireAll(IntegralOrNull, ResultRules.IntegralType).Strict(SparkTypes.Byte), "bit_get", "getbit");
        registry.Scalar(c => Shift(c, "left"), ShiftType, "shiftleft");
        registry.Scalar(c => Shift(c, "right"), ShiftType, "shiftright");
        registry.Scalar(c => Shift(c, "unsigned"), ShiftType, "shiftrightunsigned");
    }

    private static bool IntegralOrNull(DataType type) => SparkTypes.IsIntegral(type) || SparkTypes.IsNull(type);

    private static string BitCount(FunctionCall call)
    {
        call.Expect(1);
        if (call.SparkTypeOf(0)?.KindCase == DataType.KindOneofCase.Boolean)
            return $"CAST(CASE WHEN {call[0]} THEN 1 WHEN NOT {call[0]} THEN 0 END AS INTEGER)";
        return $"CAST(bit_count(CAST({call[0]} AS BIGINT)) AS INTEGER)";
    }

    /// <summary>Bit width of an integral Spark type (int for an untyped null).</summary>
    private static int Width(DataType? type) => type?.KindCase switch
    {
        DataType.KindOneofCase.Byte => 8,
        DataType.KindOneofCase.Short => 16,
        DataType.KindOneofCase.Long => 64,
        _ => 32,
    };

    /// <summary>
    /// <c>bit_get(x, pos)</c>: bit pos (0 the least significant) of x's two's complement, as a TINYINT; pos outside
    /// [0, width) raises INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE.
    /// </summary>
    private static string BitGet(FunctionCall call)
    {
        call.Expect(2);
        var width = Width(call.SparkTypeOf(0)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var error = SparkRuntimeErrors.RaiseWithValues("INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE",
            $"The value of parameter(s) `pos` in `{call.Name.ToLowerInvariant()}` is invalid: expects an integer value in [0, {width}), but got ", call[1], ".");
        var bits = $"((CAST({call[0]} AS HUGEINT) + {TwoTo64}) % {TwoTo64})";
        return $"(CASE WHEN {call[1]} < 0 OR {call[1]} >= {width} THEN {error} " +
               $"ELSE CAST(({bits} // (CAST(1 AS HUGEINT) << CAST({call[1]} AS INTEGER))) % 2 AS TINYINT) END)";
    }

    /// <summary>Spark's shifts: INT for byte/short/int, BIGINT for long.</summary>
    private static FunctionResult ShiftType(TypedCall call)
    {
        call.RequireAll(IntegralOrNull, ResultRules.IntegralType);
        return call.Strict(call.Type(0).KindCase == DataType.KindOneofCase.Long ? SparkTypes.Long : SparkTypes.Integer);
    }

    /// <summary>
    /// x shifted as Java shifts an int or a long: the amount taken modulo the width, bits shifted out on the left lost
    /// (the result wraps), <c>right</c> copying the sign bit, <c>unsigned</c> filling with zeros.
    /// </summary>
    private static string Shift(FunctionCall call, string kind)
    {
        call.Expect(2);
        var width = Width(call.SparkTypeOf(0)) == 64 ? 64 : 32;
        var modulus = width == 64 ? TwoTo64 : "CAST(4294967296 AS HUGEINT)";
        var type = width == 64 ? "BIGINT" : "INTEGER";
        var amount = $"(CAST({call[1]} AS BIGINT) & {width - 1})";
        var power = $"(CAST(1 AS HUGEINT) << CAST({amount} AS INTEGER))";
        var value = $"CAST({call[0]} AS HUGEINT)";
        // The low `width` bits as an unsigned number, and that read back as a signed one.
        string Unsigned(string v) => $"((({v}) % {modulus} + {modulus}) % {modulus})";
        string Signed(string v) => $"CAST(list_transform([{Unsigned(v)}], lambda \"__u\": CASE WHEN \"__u\" >= {modulus} // 2 THEN \"__u\" - {modulus} ELSE \"__u\" END)[1] AS {type})";
        return kind switch
        {
            "left" => Signed($"{Unsigned(value)} * {power}"),
            // Floor division: a negative value keeps its sign, as Java's >>.
            "right" => $"CAST(list_transform([{value}], lambda \"__v\": (\"__v\" - ((\"__v\" % {power}) + {power}) % {power}) // {power})[1] AS {type})",
            _ => Signed($"{Unsigned(value)} // {power}"),
        };
    }
}
