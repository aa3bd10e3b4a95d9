namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// <c>rand</c>/<c>random</c> (uniform in [0, 1)) and <c>randn</c> (standard normal, by Box–Muller over two uniform
/// draws) with DuckDB's generator. The distributions are Spark's, the values are not: Spark draws from an
/// XORShiftRandom seeded with seed + partition index in its partitions' row order, which the local engine does not
/// reproduce, and a seed does not make the values repeat here. A seed must still be an integer literal (or null), as
/// Spark requires. <c>uuid()</c> is DuckDB's random UUID, as text.
/// </summary>
internal static class RandomFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        var result = ResultRules.NeverNull(() => SparkTypes.Double);
        registry.Scalar(c => Seeded(c, "random()"), result, "rand", "random");
        registry.Scalar(c => Seeded(c, "(sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))"), result, "randn");
        // uuid(): a random (version 4) UUID per row as Java's UUID.toString writes it: 36 lower-case characters.
        registry.Scalar(c => Seeded(c, "CAST(uuid() AS VARCHAR)"), ResultRules.NeverNull(() => SparkTypes.String), "uuid");
    }

    private static string Seeded(FunctionCall call, string sql)
    {
        call.ExpectBetween(0, 1);
        if (call.Count == 1) call.IntegerLiteral(0, "seed");
        return sql;
    }
}
