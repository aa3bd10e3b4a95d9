using System.Globalization;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// The <c>rsd</c> argument of <c>approx_count_distinct(x, rsd)</c>, checked as Spark's HyperLogLog++ checks it: a DOUBLE
/// or DECIMAL literal (anything else, an integer or a column, is <c>_LEGACY_ERROR_TEMP_1104</c>), and small enough
/// that the sketch gets at least 4 address bits, ⌈2·log₂(1.106 / rsd)⌉ ≥ 4 (about rsd &lt; 0.39). Spark fails a larger
/// rsd with a bare IllegalArgumentException ("requirement failed: HLL++ requires at least 4 bits for addressing…"),
/// which has no class; the engine raises that text under INVALID_PARAMETER_VALUE (22023), the closest condition.
/// </summary>
internal static class RelativeError
{
    /// <summary>Throws Spark's error for an <paramref name="rsd"/> Spark refuses.</summary>
    public static void Check(Expression.Types.Literal? rsd)
    {
        double? value = rsd?.LiteralTypeCase switch
        {
            Expression.Types.Literal.LiteralTypeOneofCase.Double => rsd.Double,
            Expression.Types.Literal.LiteralTypeOneofCase.Decimal => double.Parse(rsd.Decimal.Value, CultureInfo.InvariantCulture),
            _ => null,
        };
        if (value is not { } relative)
            throw new LocalEngineException("_LEGACY_ERROR_TEMP_1104", "42000", "The second argument should be a double literal.");
        if (Math.Ceiling(2.0 * Math.Log(1.106 / relative) / Math.Log(2.0)) < 4)
            throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023",
                "requirement failed: HLL++ requires at least 4 bits for addressing. Use a lower error, at most 39%.");
    }
}
