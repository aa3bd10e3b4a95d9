using System.Globalization;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>round</c> (HALF_UP) and <c>bround</c> (HALF_EVEN) with a literal scale. Spark rounds exactly:
/// decimals and integers in decimal arithmetic, doubles through their shortest decimal text (so
/// round(2.675, 2) is 2.68, not the 2.67 that binary scaling gives). DuckDB's round_even returns a
/// DOUBLE for decimals, so both modes are computed here on unscaled HUGEINT values.
/// </summary>
internal static class RoundingFunctions
{
    // Doubles below 1e17 in magnitude fit DECIMAL(38,20) exactly as written; larger ones are integers already.
    private const int DoubleTextScale = 20;

    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => Round(c, halfEven: false), RoundType, "round");
        registry.Scalar(c => Round(c, halfEven: true), RoundType, "bround");
    }

    private static string Round(FunctionCall call, bool halfEven)
    {
        call.ExpectBetween(1, 2);
        var type = call.TypeOf(0);
        long? requested = call.Count == 2 ? call.IntegerLiteral(1, "scale") : 0;
        if (requested is null) return "NULL"; // Spark: a null scale gives a null result
        if (requested is < -38 or > 38)
            throw FunctionErrors.InvalidParameterValue(call.Name, "scale", "the local engine supports scales from -38 to 38");
        var scale = (int)requested.Value;
        var x = call[0];
        return type.Family switch
        {
            TypeFamily.Integral when scale >= 0 => x,
            TypeFamily.Integral => $"CAST({RoundedDecimal(x, 0, scale, halfEven, (38, 0))} AS {type.Name})",
            TypeFamily.Decimal => RoundedDecimal(x, type.Scale, scale, halfEven, ResultType(type, scale)),
            TypeFamily.Floating => RoundedDouble(x, type.Name, scale, halfEven),
            _ => throw FunctionErrors.UnexpectedInputType(call.Name, "value", "a number"),
        };
    }

    /// <summary>Integers and floating types keep their type; decimals get Spark's rounded decimal type.</summary>
    private static FunctionResult RoundType(TypedCall call)
    {
        call.Require(0, t => SparkTypes.IsNumeric(t) || SparkTypes.IsNull(t), ResultRules.NumericType);
        var type = call.Type(0);
        if (!SparkTypes.IsDecimal(type)) return call.Strict(type);
        var scale = call.Count == 2 ? (int)(call.IntegerLiteral(1) ?? 0) : 0;
        var duckType = DuckDbType.Parse(DuckDbTypeNames.FromSpark(type));
        return call.Strict(SparkTypes.Decimal(ResultType(duckType, scale)));
    }

    /// <summary>Spark's result type for rounding decimal(p,s) to <paramref name="scale"/> digits.</summary>
    internal static (int P, int S) ResultType(DuckDbType type, int scale)
    {
        var integralDigits = type.Precision - type.Scale + 1; // rounding up may add a digit: 9.9 → 10
        return scale < 0
            ? (Math.Min(Math.Max(integralDigits, -scale + 1), DecimalMath.MaxPrecision), 0)
            : (Math.Min(integralDigits + Math.Min(type.Scale, scale), DecimalMath.MaxPrecision), Math.Min(type.Scale, scale));
    }

    /// <summary>Rounds a decimal of scale <paramref name="valueScale"/> to <paramref name="scale"/> digits, read as <paramref name="result"/>.</summary>
    private static string RoundedDecimal(string x, int valueScale, int scale, bool halfEven, (int P, int S) result)
    {
        if (scale >= valueScale) return $"CAST({x} AS {DecimalMath.TypeName(result)})";
        var units = DecimalMath.Unscaled(x, valueScale);
        var rounded = RoundedUnits(units, DecimalMath.PowerOfTen(valueScale - scale), halfEven);
        // A negative scale leaves units of 10^-scale: scale them back up to whole numbers.
        var wholeUnits = scale < 0 ? $"({rounded} * {DecimalMath.PowerOfTen(-scale)})" : rounded;
        return DecimalMath.FromUnits(wholeUnits, result.S, DecimalMath.TypeName(result));
    }

    /// <summary>Rounds a double (or float) through its shortest decimal text, as Spark's BigDecimal(double) does.</summary>
    private static string RoundedDouble(string x, string typeName, int scale, bool halfEven)
    {
        var asDouble = $"CAST({x} AS DOUBLE)";
        if (scale >= DoubleTextScale) return x; // finer than any double below 1e17 is written with
        var units = DecimalMath.Unscaled($"CAST({asDouble} AS VARCHAR)", DoubleTextScale);
        var rounded = RoundedUnits(units, DecimalMath.PowerOfTen(DoubleTextScale - scale), halfEven);
        var wholeUnits = scale < 0 ? $"({rounded} * {DecimalMath.PowerOfTen(-scale)})" : rounded;
        var exact = DecimalMath.FromUnits(wholeUnits, Math.Max(scale, 0), "DOUBLE");
        var large = halfEven ? $"round_even({asDouble}, {Int(scale)})" : $"round({asDouble}, {Int(scale)})";
        return $"CAST((CASE WHEN abs({asDouble}) < 1e17 THEN {exact} ELSE {large} END) AS {typeName})";
    }

    /// <summary>HUGEINT <paramref name="units"/> divided by <paramref name="divisor"/> (a power of ten), rounded HALF_UP or HALF_EVEN.</summary>
    private static string RoundedUnits(string units, string divisor, bool halfEven)
    {
        var body = halfEven
            ? "v['u'] // v['m'] + sign(v['u']) * (CASE WHEN 2 * abs(v['u'] % v['m']) > v['m'] OR (2 * abs(v['u'] % v['m']) = v['m'] AND (v['u'] // v['m']) % 2 <> 0) THEN 1 ELSE 0 END)"
            : "v['u'] // v['m'] + sign(v['u']) * (CASE WHEN 2 * abs(v['u'] % v['m']) >= v['m'] THEN 1 ELSE 0 END)";
        return $"list_transform([struct_pack(u := {units}, m := {divisor})], lambda v: {body})[1]";
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
