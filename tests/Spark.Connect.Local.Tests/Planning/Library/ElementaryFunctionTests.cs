using System.Globalization;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;
using Spark.Connect.Local.Tests.Planning.Sql;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// The elementary math, bit aggregate, session, null-test, URL and radix functions, through Spark SQL. Expected values are
/// the examples of Spark's <c>ExpressionDescription</c>s (mathExpressions.scala, urlExpressions.scala, ...) and what the
/// Java methods Spark calls return (<c>Math.expm1</c>, <c>URLEncoder</c>, <c>Long.toHexString</c>).
/// </summary>
public sealed class ElementaryFunctionTests : SparkSqlTestBase
{
    private string One(string expression) => Query("SELECT " + expression).Single();

    private string ErrorClassOf(string expression)
    {
        try
        {
            Query("SELECT " + expression);
        }
        catch (LocalEngineException error)
        {
            return error.ErrorClass;
        }
        catch (DuckDbException error)
        {
            return SparkRuntimeErrors.TryTranslate(error.Message)?.ErrorClass ?? "DuckDB: " + error.Message;
        }
        return "no error";
    }

    private double Number(string expression) => double.Parse(One(expression), CultureInfo.InvariantCulture);

    [Test]
    public void Inverse_hyperbolics_and_reciprocal_trigonometry_follow_spark_s_formulas()
    {
        Assert.That(One("acosh(1)"), Is.EqualTo("0.0"));
        Assert.That(One("acosh(0)"), Is.EqualTo("nan"), "Spark's acosh below 1 is NaN");
        Assert.That(One("asinh(0)"), Is.EqualTo("0.0"));
        Assert.That(Number("asinh(1)"), Is.EqualTo(0.881373587019543).Within(1e-15));
        Assert.That(One("atanh(0)"), Is.EqualTo("0.0"));
        Assert.That(One("atanh(2)"), Is.EqualTo("nan"));
        Assert.That(One("atanh(1)"), Is.EqualTo("inf"));
        Assert.That(Number("csc(1)"), Is.EqualTo(1.1883951057781212).Within(1e-15));
        Assert.That(One("sec(0)"), Is.EqualTo("1.0"));
        Assert.That(Schema("SELECT acosh(1)"), Is.EqualTo(new[] { "ACOSH(1):double" }));
    }

    [Test]
    public void Math_columns_are_named_in_capitals_as_spark_s_math_expressions_name_themselves()
    {
        Assert.That(Schema("SELECT sqrt(4), log(8), log(2, 8), Sin(0), pi()"),
            Is.EqualTo(new[] { "SQRT(4):double", "LOG(E(), 8):double", "LOG(2, 8):double", "SIN(0):double", "PI():double" }));
        Assert.That(Schema("SELECT sign(1), ceiling(1.5), ln(1)"), Is.EqualTo(new[] { "sign(1):double", "ceiling(1.5):decimal(2,0)", "ln(1):double" }),
            "aliases Spark registers under their own name keep it");
    }

    [Test]
    public void Expm1_and_log1p_keep_the_digits_of_arguments_near_zero()
    {
        Assert.That(Number("expm1(1e-10)"), Is.EqualTo(1.00000000005e-10).Within(1e-24), "exp(x) - 1 would lose six digits here");
        Assert.That(Number("log1p(1e-10)"), Is.EqualTo(9.9999999995e-11).Within(1e-24));
        Assert.That(One("expm1(0)"), Is.EqualTo("0.0"));
        Assert.That(Number("expm1(1)"), Is.EqualTo(Math.E - 1).Within(1e-15));
        Assert.That(One("log1p(-1)"), Is.EqualTo("∅"), "null at Spark's asymptote");
        Assert.That(One("log1p(-2)"), Is.EqualTo("∅"));
    }

    [Test]
    public void Hypot_rint_and_factorial()
    {
        Assert.That(One("hypot(3, 4)"), Is.EqualTo("5.0"));
        Assert.That(Number("hypot(3e200, 4e200)"), Is.EqualTo(5e200).Within(1e186), "no overflow in the squares");
        Assert.That(One("rint(12.3456)"), Is.EqualTo("12.0"));
        Assert.That(One("rint(2.5)"), Is.EqualTo("2.0"), "half to even");
        Assert.That(One("factorial(5)"), Is.EqualTo("120"));
        Assert.That(One("factorial(20)"), Is.EqualTo("2432902008176640000"));
        Assert.That(One("factorial(21)"), Is.EqualTo("∅"));
        Assert.That(One("factorial(-1)"), Is.EqualTo("∅"));
        Assert.That(Schema("SELECT factorial(5)"), Is.EqualTo(new[] { "factorial(5):bigint" }));
    }

    [Test]
    public void Pmod_is_never_negative_for_a_positive_divisor_and_fails_on_zero()
    {
        Assert.That(One("pmod(10, 3)"), Is.EqualTo("1"));
        Assert.That(One("pmod(-10, 3)"), Is.EqualTo("2"));
        Assert.That(One("pmod(-10, -3)"), Is.EqualTo("-1"), "Java's (r + n) % n with a negative n");
        Assert.That(One("pmod(-7.5, 2)"), Is.EqualTo("0.5"));
        Assert.That(Schema("SELECT pmod(10, 3)"), Is.EqualTo(new[] { "pmod(10, 3):int" }));
        Assert.That(ErrorClassOf("pmod(1, 0)"), Is.EqualTo("DIVIDE_BY_ZERO"));
    }

    [Test]
    public void Bit_aggregates_keep_the_integral_type_and_product_is_a_double()
    {
        const string from = " FROM VALUES (3), (5), (CAST(NULL AS INT)) AS t(v)";
        Assert.That(Query("SELECT bit_and(v), bit_or(v), bit_xor(v), product(v)" + from).Single(), Is.EqualTo("1|7|6|15.0"));
        Assert.That(Schema("SELECT bit_and(v), product(v)" + from), Is.EqualTo(new[] { "bit_and(v):int", "product(v):double" }));
        Assert.That(Query("SELECT bit_or(v), product(v) FROM VALUES (1) AS t(v) WHERE v > 1").Single(), Is.EqualTo("∅|∅"));
    }

    [Test]
    public void Session_functions_describe_the_local_catalog_and_the_argument_type()
    {
        Assert.That(Query("SELECT current_catalog(), current_database(), current_schema(), spark_partition_id()").Single(), Is.EqualTo("spark_catalog|default|default|0"));
        Assert.That(Query("SELECT typeof(1), typeof(1.5), typeof(array('a')), typeof(NULL)").Single(), Is.EqualTo("int|decimal(2,1)|array<string>|void"));
        Assert.That(One(@"typeof(named_struct('it\'s', 1))"), Is.EqualTo("struct<it's:int>"), "a field name is the user's text, bound as a value");
        Assert.That(One("version()"), Does.StartWith("4.0.0 "));
        Assert.That(One("current_timezone()"), Is.Not.Empty);
    }

    [Test]
    public void Nvl2_picks_by_nullness_at_the_common_type_and_assert_true_raises()
    {
        Assert.That(Query("SELECT nvl2(NULL, 2, 1), nvl2('x', 2, 1), nvl2(NULL, 1, 2.5)").Single(), Is.EqualTo("1|2|2.5"));
        Assert.That(Schema("SELECT nvl2(NULL, 1, 2.5)"), Is.EqualTo(new[] { "nvl2(NULL, 1, 2.5):decimal(11,1)" }));
        Assert.That(One("assert_true(0 < 1)"), Is.EqualTo("∅"));
        Assert.That(ErrorClassOf("assert_true(0 > 1)"), Is.EqualTo("USER_RAISED_EXCEPTION"));
    }

    [Test]
    public void Url_encode_and_decode_follow_java_s_url_coder()
    {
        Assert.That(One("url_encode('https://spark.apache.org')"), Is.EqualTo("https%3A%2F%2Fspark.apache.org"));
        Assert.That(One("url_encode('a b~*')"), Is.EqualTo("a+b%7E*"));
        Assert.That(One("url_decode('https%3A%2F%2Fspark.apache.org')"), Is.EqualTo("https://spark.apache.org"));
        Assert.That(One("url_decode('%E4%BD%A0+x')"), Is.EqualTo("你 x"));
        Assert.That(ErrorClassOf("url_decode('100%')"), Is.EqualTo("CANNOT_DECODE_URL"));
        Assert.That(ErrorClassOf("url_decode('%zz')"), Is.EqualTo("CANNOT_DECODE_URL"));
        Assert.That(One("try_url_decode('%zz')"), Is.EqualTo("∅"));
    }

    [TestCase("HOST", "spark.apache.org")]
    [TestCase("PATH", "/path")]
    [TestCase("QUERY", "query=1&b=2")]
    [TestCase("REF", "Ref")]
    [TestCase("PROTOCOL", "http")]
    [TestCase("FILE", "/path?query=1&b=2")]
    [TestCase("AUTHORITY", "user@spark.apache.org:8080")]
    [TestCase("USERINFO", "user")]
    [TestCase("NOPE", "∅")]
    public void Parse_url_returns_java_s_raw_uri_parts(string part, string expected) =>
        Assert.That(One($"parse_url('http://user@spark.apache.org:8080/path?query=1&b=2#Ref', '{part}')"), Is.EqualTo(expected));

    [Test]
    public void Parse_url_reads_query_keys_and_refuses_malformed_urls()
    {
        Assert.That(One("parse_url('http://spark.apache.org/path?query=1&b=2', 'QUERY', 'b')"), Is.EqualTo("2"));
        Assert.That(One("parse_url('http://spark.apache.org/path?query=1', 'QUERY', 'x')"), Is.EqualTo("∅"));
        Assert.That(One("parse_url('/relative/path', 'HOST')"), Is.EqualTo("∅"));
        Assert.That(ErrorClassOf("parse_url('inva lid://spark.apache.org/path?query=1', 'QUERY')"), Is.EqualTo("INVALID_URL"));
        Assert.That(One("try_parse_url('inva lid://spark.apache.org/path?query=1', 'QUERY')"), Is.EqualTo("∅"));
    }

    [Test]
    public void Conv_reads_up_to_the_first_invalid_digit_as_unsigned_64_bits()
    {
        Assert.That(One("conv('100', 2, 10)"), Is.EqualTo("4"));
        Assert.That(One("conv(-10, 16, -10)"), Is.EqualTo("-16"));
        Assert.That(One("conv('-1', 10, 16)"), Is.EqualTo("FFFFFFFFFFFFFFFF"));
        Assert.That(One("conv('big', 36, 10)"), Is.EqualTo("14920"));
        Assert.That(One("conv('12x', 10, 10)"), Is.EqualTo("12"));
        Assert.That(One("conv('1', 1, 10)"), Is.EqualTo("∅"), "a base outside [2, 36]");
        Assert.That(ErrorClassOf("conv('18446744073709551616', 10, 10)"), Is.EqualTo("ARITHMETIC_OVERFLOW"));
    }

    [Test]
    public void Bin_hex_and_unhex()
    {
        Assert.That(One("bin(13)"), Is.EqualTo("1101"));
        Assert.That(One("bin(-13)"), Is.EqualTo(new string('1', 60) + "0011"));
        Assert.That(One("bin(13.3)"), Is.EqualTo("1101"), "cast to a long, truncated");
        Assert.That(One("hex(17)"), Is.EqualTo("11"));
        Assert.That(One("hex(-1)"), Is.EqualTo("FFFFFFFFFFFFFFFF"));
        Assert.That(One("hex('Spark SQL')"), Is.EqualTo("537061726B2053514C"));
        Assert.That(One("CAST(unhex('537061726B2053514C') AS STRING)"), Is.EqualTo("Spark SQL"));
        Assert.That(One("hex(unhex('A'))"), Is.EqualTo("0A"), "an odd length has an implied leading 0");
        Assert.That(One("unhex('GG')"), Is.EqualTo("∅"));
        Assert.That(Schema("SELECT unhex('41')"), Is.EqualTo(new[] { "unhex(41):binary" }));
    }
}
