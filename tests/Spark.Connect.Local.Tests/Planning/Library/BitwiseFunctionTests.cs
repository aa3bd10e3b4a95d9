using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// <c>bit_count</c>, <c>bit_get</c>/<c>getbit</c> and the shifts. Expected values are the examples of Spark's
/// <c>ExpressionDescription</c>s (<c>bitwiseExpressions.scala</c>, <c>mathExpressions.scala</c>: <c>bit_get(11, 0)</c> = 1,
/// <c>shiftleft(2, 1)</c> = 4, <c>shiftright(4, 1)</c> = 2, <c>shiftrightunsigned(4, 1)</c> = 2) and Java's int and long
/// arithmetic, which Spark's implementations call (<c>Long.bitCount</c>, <c>&lt;&lt;</c>, <c>&gt;&gt;</c>, <c>&gt;&gt;&gt;</c>).
/// </summary>
public sealed class BitwiseFunctionTests : LibraryTestBase
{
    [Test]
    public void Bit_count_counts_the_sign_extended_64_bits()
    {
        Assert.That(Value(Fn("bit_count", Lit(0))), Is.EqualTo("0"));
        Assert.That(Value(Fn("bit_count", Col("i"))), Is.EqualTo("3"));
        Assert.That(Value(Fn("bit_count", Lit(-1))), Is.EqualTo("64"), "Long.bitCount of the int -1 widened to a long");
        Assert.That(Value(Fn("bit_count", Lit(new Expression.Types.Literal { Boolean = true }))), Is.EqualTo("1"));
        var field = Field(Fn("bit_count", Col("i")));
        Assert.That((field.Name, field.DataType), Is.EqualTo(("bit_count(i)", SparkTypes.Integer)));
        Assert.That(Error(Fn("bit_count", Col("c1"))).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
    }

    [Test]
    public void Bit_get_reads_one_bit_and_checks_the_position()
    {
        Assert.That(Value(Fn("bit_get", Lit(11), Lit(0))), Is.EqualTo("1"));
        Assert.That(Value(Fn("bit_get", Lit(11), Lit(2))), Is.EqualTo("0"));
        Assert.That(Value(Fn("getbit", Lit(-1), Lit(31))), Is.EqualTo("1"), "the sign bit of a negative int");
        var field = Field(Fn("getbit", Col("i"), Lit(0)));
        Assert.That((field.Name, field.DataType), Is.EqualTo(("getbit(i, 0)", SparkTypes.Byte)));
        var error = (LocalEngineException)RunError(Fn("bit_get", Col("i"), Lit(32)));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE", "22023")));
        Assert.That(error.Message, Does.Contain("[0, 32), but got 32"));
    }

    [Test]
    public void Shifts_wrap_like_java_ints_and_longs()
    {
        Assert.That(Value(Fn("shiftleft", Lit(2), Lit(1))), Is.EqualTo("4"));
        Assert.That(Value(Fn("shiftright", Lit(4), Lit(1))), Is.EqualTo("2"));
        Assert.That(Value(Fn("shiftrightunsigned", Lit(4), Lit(1))), Is.EqualTo("2"));
        Assert.That(Value(Fn("shiftleft", Lit(1), Lit(31))), Is.EqualTo("-2147483648"));
        Assert.That(Value(Fn("shiftleft", Lit(1), Lit(32))), Is.EqualTo("1"), "Java takes an int shift modulo 32");
        Assert.That(Value(Fn("shiftright", Lit(-8), Lit(1))), Is.EqualTo("-4"));
        Assert.That(Value(Fn("shiftrightunsigned", Lit(-1), Lit(28))), Is.EqualTo("15"));
        Assert.That(Value(Fn("shiftleft", Lit(1L), Lit(63))), Is.EqualTo("-9223372036854775808"));
        Assert.That(Value(Fn("shiftrightunsigned", Lit(-1L), Lit(60))), Is.EqualTo("15"));
        Assert.That(Field(Fn("shiftleft", Lit(1L), Lit(1))).DataType, Is.EqualTo(SparkTypes.Long));
        Assert.That(Field(Fn("shiftright", Col("i"), Lit(1))).DataType, Is.EqualTo(SparkTypes.Integer));
    }
}
