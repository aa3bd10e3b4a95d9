using System.Globalization;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's decimal result types (DecimalPrecision with <c>allowPrecisionLoss</c>, the default) and exact
/// decimal division. DuckDB divides decimals as doubles, which loses digits Spark keeps, so quotients are
/// computed on unscaled HUGEINT values and rounded HALF_UP at Spark's result scale.
/// </summary>
internal static class DecimalMath
{
    /// <summary>Spark's largest decimal precision.</summary>
    public const int MaxPrecision = 38;

    /// <summary>Result type of <c>+</c> and <c>-</c>.</summary>
    public static (int P, int S) AddType((int P, int S) a, (int P, int S) b)
    {
        var scale = Math.Max(a.S, b.S);
        return Adjust(Math.Max(a.P - a.S, b.P - b.S) + scale + 1, scale);
    }

    /// <summary>Result type of <c>*</c>.</summary>
    public static (int P, int S) MultiplyType((int P, int S) a, (int P, int S) b) => Adjust(a.P + b.P + 1, a.S + b.S);

    /// <summary>Result type of <c>/</c>.</summary>
    public static (int P, int S) DivideType((int P, int S) a, (int P, int S) b)
    {
        var scale = Math.Max(6, a.S + b.P + 1);
        return Adjust(a.P - a.S + b.S + scale, scale);
    }

    /// <summary>Result type of <c>%</c>.</summary>
    public static (int P, int S) RemainderType((int P, int S) a, (int P, int S) b)
    {
        var scale = Math.Max(a.S, b.S);
        return Adjust(Math.Min(a.P - a.S, b.P - b.S) + scale, scale);
    }

    /// <summary>
    /// Spark's adjustPrecisionScale: when the exact type needs more than 38 digits, keep the integral
    /// digits and give up fraction digits, but keep at least 6 (or the scale, if smaller).
    /// </summary>
    public static (int P, int S) Adjust(int precision, int scale)
    {
        if (precision <= MaxPrecision) return (precision, scale);
        var integralDigits = precision - scale;
        var minScale = Math.Min(scale, 6);
        return (MaxPrecision, Math.Max(MaxPrecision - integralDigits, minScale));
    }

    // Helper lambdas read their bound values as v['name']: DuckDB resolves v.name to a column v when the
    // input has one, while a bare lambda parameter or a subscript of it always means the parameter.

    /// <summary>DuckDB type text for a decimal (both numbers come from type arithmetic, never from values).</summary>
    public static string TypeName((int P, int S) type) =>
        string.Create(CultureInfo.InvariantCulture, $"DECIMAL({type.P},{type.S})");

    /// <summary>
    /// The value as an integer count of 10^-scale units, exactly: DuckDB prints a DECIMAL(38,s) with all s
    /// fraction digits, so dropping the point gives the units (multiplying could overflow DECIMAL(38)).
    /// </summary>
    public static string Unscaled(string sql, int scale) =>
        scale == 0 ? $"CAST({sql} AS HUGEINT)"
            : $"CAST(replace(CAST(CAST({sql} AS DECIMAL(38,{Int(scale)})) AS VARCHAR), '.', '') AS HUGEINT)";

    /// <summary>
    /// HUGEINT <paramref name="units"/> of 10^-scale read as <paramref name="typeName"/> (a decimal or DOUBLE),
    /// exactly: the point is put back into the digits (DuckDB's exponent parsing needs spare precision).
    /// </summary>
    public static string FromUnits(string units, int scale, string typeName)
    {
        if (scale == 0) return $"CAST({units} AS {typeName})";
        var s = Int(scale);
        // DuckDB's lpad also truncates, so only pad digits shorter than scale + 1.
        var digits = $"list_transform([CAST(abs(q) AS VARCHAR)], lambda d: lpad(d, CAST(greatest(length(d), {s} + 1) AS INTEGER), '0'))[1]";
        return $"list_transform([{units}], lambda q: list_transform([{digits}], " +
               $"lambda t: CAST((CASE WHEN q < 0 THEN '-' ELSE '' END) || left(t, length(t) - {s}) || '.' || right(t, {s}) AS {typeName}))[1])[1]";
    }

    /// <summary>10^n as a HUGEINT constant.</summary>
    public static string PowerOfTen(int exponent) =>
        exponent == 0 ? "CAST(1 AS HUGEINT)" : $"CAST('1{new string('0', exponent)}' AS HUGEINT)";

    /// <summary>
    /// <paramref name="dividendUnits"/> / <paramref name="divisorUnits"/> (both HUGEINT SQL) rounded HALF_UP
    /// and read as a decimal of <paramref name="result"/> type, whose last digit is one unit. The operands
    /// are bound once through a one-element list and a lambda so nested divisions don't repeat their SQL.
    /// </summary>
    public static string RoundedQuotient(string dividendUnits, string divisorUnits, (int P, int S) result) =>
        $"list_transform([struct_pack(n := {dividendUnits}, d := {divisorUnits})], " +
        $"lambda v: {FromUnits(HalfUpQuotient, result.S, TypeName(result))})[1]";

    // Truncating quotient plus one unit away from zero when the remainder is at least half the divisor;
    // written without doubling the dividend, which may use most of HUGEINT's range.
    private const string HalfUpQuotient =
        "v['n'] // v['d'] + sign(v['n']) * sign(v['d']) * (CASE WHEN 2 * abs(v['n'] % v['d']) >= abs(v['d']) THEN 1 ELSE 0 END)";

    /// <summary>Exact Spark decimal division of <paramref name="a"/> by <paramref name="b"/> at Spark's result type.</summary>
    public static string Divide(string a, (int P, int S) aType, string b, (int P, int S) bType, (int P, int S) result)
    {
        // a/b at scale S in units: a_units * 10^(S - s1 + s2) / b_units.
        var shift = result.S - aType.S + bType.S;
        var dividend = Unscaled(a, aType.S);
        var divisor = Unscaled(b, bType.S);
        if (shift >= 0) dividend = $"({dividend} * {PowerOfTen(shift)})";
        else divisor = $"({divisor} * {PowerOfTen(-shift)})";
        return SparkRuntimeErrors.GuardDivisor(b, RoundedQuotient(dividend, divisor, result));
    }

    /// <summary>Exact product rounded HALF_UP to Spark's (possibly reduced) result scale.</summary>
    public static string Multiply(string a, (int P, int S) aType, string b, (int P, int S) bType, (int P, int S) result)
    {
        var product = $"({Unscaled(a, aType.S)} * {Unscaled(b, bType.S)})";
        return RoundedQuotient(product, PowerOfTen(aType.S + bType.S - result.S), result);
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
