namespace Spark.Connect.Local.Tests.Planning.Functions;

public class RoundingFunctionTests : FunctionTestBase
{
    [TestCase("round", "2.5", 0, "3.0")]
    [TestCase("round", "-2.5", 0, "-3.0")]
    [TestCase("bround", "2.5", 0, "2.0")]
    [TestCase("bround", "3.5", 0, "4.0")]
    [TestCase("bround", "-2.5", 0, "-2.0")]
    [TestCase("round", "2.675", 2, "2.68")]     // Spark rounds the decimal text; binary scaling gives 2.67
    [TestCase("bround", "2.665", 2, "2.66")]
    [TestCase("round", "1.005", 2, "1.01")]
    [TestCase("round", "1234.5", -2, "1200.0")]
    [TestCase("round", "1250.0", -2, "1300.0")]
    [TestCase("bround", "1250.0", -2, "1200.0")]
    [TestCase("bround", "-0.5", 0, "0.0")]     // BigDecimal has no negative zero
    [TestCase("bround", "-0.4", 0, "0.0")]
    [TestCase("bround", "-1.5", 0, "-2.0")]
    [TestCase("bround", "-0.7", 0, "-1.0")]
    [TestCase("round", "-0.5", 0, "-1.0")]
    [TestCase("round", "-0.4", 0, "0.0")]
    [TestCase("round", "1e-05", 3, "0.0")]
    [TestCase("round", "1e300", 2, "1e+300")]
    public void Doubles_round_through_their_decimal_text(string name, string value, int scale, string expected) =>
        Assert.That(Eval(name, Sql($"CAST({value} AS DOUBLE)"), Int(scale)), Is.EqualTo(new Result(expected, "DOUBLE")));

    [Test]
    public void Nan_and_infinity_are_returned_unchanged() =>
        Assert.That(Eval("round", Sql("CAST('NaN' AS DOUBLE)"), Int(1)).Value, Is.EqualTo("nan"));

    [TestCase("round", "2.345", 2, "2.35", "DECIMAL(11,2)")]
    [TestCase("round", "-2.345", 2, "-2.35", "DECIMAL(11,2)")]
    [TestCase("bround", "2.345", 2, "2.34", "DECIMAL(11,2)")]
    [TestCase("bround", "2.355", 2, "2.36", "DECIMAL(11,2)")]
    [TestCase("bround", "-2.345", 2, "-2.34", "DECIMAL(11,2)")]
    [TestCase("round", "99999999.995", 2, "100000000.00", "DECIMAL(11,2)")]
    [TestCase("round", "2.345", 5, "2.345", "DECIMAL(12,3)")]   // (p - s + 1 + min(s, d), min(s, d))
    [TestCase("round", "125.000", -1, "130", "DECIMAL(9,0)")]    // (max(p - s + 1, 1 - d), 0)
    [TestCase("bround", "125.000", -1, "120", "DECIMAL(9,0)")]
    public void Decimals_round_exactly_with_sparks_result_type(string name, string value, int scale, string expected, string type) =>
        Assert.That(Eval(name, Sql($"CAST({value} AS DECIMAL(11,3))"), Int(scale)), Is.EqualTo(new Result(expected, type)));

    [TestCase("round", 125, -1, "130")]
    [TestCase("round", -125, -1, "-130")]
    [TestCase("bround", 125, -1, "120")]
    [TestCase("bround", 135, -1, "140")]
    [TestCase("round", 125, 2, "125")]
    public void Integers_keep_their_type(string name, int value, int scale, string expected) =>
        Assert.That(Eval(name, Int(value), Int(scale)), Is.EqualTo(new Result(expected, "INTEGER")));

    [Test]
    public void Round_without_a_scale_rounds_to_an_integer_value() =>
        Assert.That(Eval("round", Sql("CAST(0.5 AS DOUBLE)")).Value, Is.EqualTo("1.0"));

    [Test]
    public void A_scale_from_a_column_is_rejected_as_spark_does()
    {
        var error = RenderFails("round", Sql("CAST(1.5 AS DOUBLE)"), Sql("CAST(1 AS INTEGER)"));
        Assert.That(error.ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT"));
    }
}
