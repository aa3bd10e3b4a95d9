using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Functions;

public class FormattingFunctionTests : FunctionTestBase
{
    private static SqlArgument Dec(string value, int precision, int scale) => Sql($"CAST({value} AS DECIMAL({precision}, {scale}))");

    private static SqlArgument Dbl(string value) => Sql($"CAST({value} AS DOUBLE)");

    [Test]
    public void Format_number_groups_and_rounds_half_even_to_d_places()
    {
        Assert.That(Eval("format_number", Dec("12332.123456", 11, 6), Int(4)), Is.EqualTo(new Result("12,332.1235", "VARCHAR")));
        Assert.That(Eval("format_number", Sql("CAST(1234567 AS BIGINT)"), Int(0)).Value, Is.EqualTo("1,234,567"));
        Assert.That(Eval("format_number", Dec("2.5", 2, 1), Int(0)).Value, Is.EqualTo("2"), "a tie goes to the even digit");
        Assert.That(Eval("format_number", Dec("3.5", 2, 1), Int(0)).Value, Is.EqualTo("4"));
        Assert.That(Eval("format_number", Dec("-0.001", 4, 3), Int(2)).Value, Is.EqualTo("-0.00"), "Java keeps the sign of a value rounded to zero");
        Assert.That(Eval("format_number", Int(5), Int(-1)).Value, Is.Null, "a negative d gives null");
        Assert.That(Eval("format_number", Int(5), Int(3)).Value, Is.EqualTo("5.000"));
    }

    [Test]
    public void Format_number_rounds_a_double_by_its_exact_binary_value()
    {
        Assert.That(Eval("format_number", Dbl("0.125"), Int(2)).Value, Is.EqualTo("0.12"), "0.125 is exact: a true tie, even");
        Assert.That(Eval("format_number", Dbl("0.135"), Int(2)).Value, Is.EqualTo("0.14"), "0.135 lies above its text");
        Assert.That(Eval("format_number", Dbl("1.005"), Int(2)).Value, Is.EqualTo("1.00"), "1.005 lies below its text");
        Assert.That(Eval("format_number", Dbl("1.1"), Int(20)).Value, Is.EqualTo("1.10000000000000000000"), "the shortest digits, then zeros");
        Assert.That(Eval("format_number", Dbl("1e20"), Int(0)).Value, Is.EqualTo("100,000,000,000,000,000,000"));
        Assert.That(Eval("format_number", Sql("CAST(0.1 AS FLOAT)"), Int(10)).Value, Is.EqualTo("0.1000000015"), "a float widens to its double");
    }

    [Test]
    public void Format_number_takes_a_decimal_format_pattern()
    {
        Assert.That(Eval("format_number", Dec("12332.123456", 11, 6), Str("##################.###")).Value, Is.EqualTo("12332.123"));
        Assert.That(Eval("format_number", Dec("12332.5", 6, 1), Str("")).Value, Is.EqualTo("12,332"), "an empty pattern is Spark's default");
        Assert.That(Eval("format_number", Dec("0.256", 4, 3), Str("0.00%")).Value, Is.EqualTo("25.60%"));
        Assert.That(Eval("format_number", Dec("0.5", 2, 1), Str("#.##")).Value, Is.EqualTo(".5"));
        Assert.That(Eval("format_number", Int(-7), Str("'$'000")).Value, Is.EqualTo("-$007"));
        Assert.That(RenderFails("format_number", Int(1), Str("0.0E0")).ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    [Test]
    public void To_char_formats_numbers_by_sparks_number_format()
    {
        Assert.That(Eval("to_char", Int(454), Str("999")), Is.EqualTo(new Result("454", "VARCHAR")));
        Assert.That(Eval("to_char", Dec("454.00", 5, 2), Str("000D00")).Value, Is.EqualTo("454.00"));
        Assert.That(Eval("to_char", Int(12454), Str("99G999")).Value, Is.EqualTo("12,454"));
        Assert.That(Eval("to_char", Dec("78.12", 4, 2), Str("$99.99")).Value, Is.EqualTo("$78.12"));
        Assert.That(Eval("to_varchar", Dec("-12454.8", 6, 1), Str("99G999D9S")).Value, Is.EqualTo("12,454.8-"));
        Assert.That(Eval("to_char", Int(5), Str("000")).Value, Is.EqualTo("005"));
        Assert.That(Eval("to_char", Int(5), Str("999")).Value, Is.EqualTo("  5"));
        Assert.That(Eval("to_char", Int(-5), Str("999PR")).Value, Is.EqualTo("  <5>"), "spaces for the missing digits, then the brackets");
        Assert.That(Eval("to_char", Int(12345), Str("99.9")).Value, Is.EqualTo("##.#"), "too many digits print as #");
    }

    [TestCase("", "INVALID_FORMAT.EMPTY")]
    [TestCase("$", "INVALID_FORMAT.WRONG_NUM_DIGIT")]
    [TestCase("9$", "INVALID_FORMAT.CUR_MUST_BEFORE_DIGIT")]
    [TestCase("9,,9", "INVALID_FORMAT.CONT_THOUSANDS_SEPS")]
    [TestCase("9.9.9", "INVALID_FORMAT.WRONG_NUM_TOKEN")]
    [TestCase("9x", "INVALID_FORMAT.UNEXPECTED_TOKEN")]
    public void To_char_refuses_formats_spark_refuses(string format, string errorClass) =>
        Assert.That(RenderFails("to_char", Sql("CAST(1 AS INTEGER)"), Str(format)).ErrorClass, Is.EqualTo(errorClass));

    [Test]
    public void To_char_of_dates_and_bytes_delegates_as_spark_does()
    {
        Assert.That(Eval("to_char", Sql("DATE '2016-04-08'"), Str("yyyy")).Value, Is.EqualTo("2016"));
        Assert.That(Eval("to_char", Sql("'\\x53\\x70\\x61\\x72\\x6B\\x20\\x53\\x51\\x4C'::BLOB"), Str("base64")).Value, Is.EqualTo("U3BhcmsgU1FM"));
        Assert.That(Eval("to_char", Sql("'\\x53\\x51\\x4C'::BLOB"), Str("hex")).Value, Is.EqualTo("53514C"));
        Assert.That(Assert.Throws<LocalEngineException>(() => Eval("to_char", Sql("'\\x53'::BLOB"), Str("octal")))!.ErrorClass,
            Is.EqualTo("INVALID_PARAMETER_VALUE.BINARY_FORMAT"));
    }

    [Test]
    public void Mask_replaces_character_classes()
    {
        Assert.That(Eval("mask", Str("abcd-EFGH-8765-4321")), Is.EqualTo(new Result("xxxx-XXXX-nnnn-nnnn", "VARCHAR")));
        Assert.That(Eval("mask", Str("AbCD123-@$#"), Str("Q"), Str("q"), Str("d"), Str("o")).Value, Is.EqualTo("QqQQdddoooo"));
        Assert.That(Eval("mask", Str("AbCD123-@$#"), Null("VARCHAR"), Str("q"), Str("d"), Str("o")).Value, Is.EqualTo("AqCDdddoooo"));
        Assert.That(Eval("mask", Str("AbCD123-@$#"), Null("VARCHAR"), Null("VARCHAR"), Null("VARCHAR"), Null("VARCHAR")).Value, Is.EqualTo("AbCD123-@$#"));
        Assert.That(Eval("mask", Str("a\U0001F600"), Str("X"), Str("x"), Str("n"), Str("o")).Value, Is.EqualTo("xoo"), "a supplementary character is two Java chars");
        Assert.That(Eval("mask", Null("VARCHAR")).Value, Is.Null);
        Assert.That(RenderFails("mask", Str("a"), Str("QQ")).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.INPUT_SIZE_NOT_ONE"));
        Assert.That(RenderFails("mask", Str("a"), Sql("'Q'")).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT"));
    }

    [Test]
    public void Luhn_check_tests_the_checksum()
    {
        Assert.That(Eval("luhn_check", Str("8112189876")), Is.EqualTo(new Result("true", "BOOLEAN")));
        Assert.That(Eval("luhn_check", Str("79927398713")).Value, Is.EqualTo("true"));
        Assert.That(Eval("luhn_check", Str("79927398714")).Value, Is.EqualTo("false"));
        Assert.That(Eval("luhn_check", Str("")).Value, Is.EqualTo("false"));
        Assert.That(Eval("luhn_check", Str("7992 7398 713")).Value, Is.EqualTo("false"), "a non-digit fails");
        Assert.That(Eval("luhn_check", Null("VARCHAR")).Value, Is.Null);
    }

    [Test]
    public void Regexp_instr_gives_the_first_match_position_in_java_chars()
    {
        Assert.That(Eval("regexp_instr", Str("user@spark.apache.org"), Str("@[^.]*")), Is.EqualTo(new Result("5", "INTEGER")));
        Assert.That(Eval("regexp_instr", Str("abc"), Str("x")).Value, Is.EqualTo("0"));
        Assert.That(Eval("regexp_instr", Str("concat cat"), Str(@"\bcat")).Value, Is.EqualTo("8"), "the match, not the first occurrence of its text");
        Assert.That(Eval("regexp_instr", Str("\U0001F600a"), Str("a")).Value, Is.EqualTo("3"), "Java counts UTF-16 units");
        Assert.That(Eval("regexp_instr", Str("a\nb"), Str("b"), Int(0)).Value, Is.EqualTo("3"));
        Assert.That(Eval("regexp_instr", Null("VARCHAR"), Str("b")).Value, Is.Null);
    }
}
