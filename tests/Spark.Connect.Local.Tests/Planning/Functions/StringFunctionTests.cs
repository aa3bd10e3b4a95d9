namespace Spark.Connect.Local.Tests.Planning.Functions;

public class StringFunctionTests : FunctionTestBase
{
    [Test]
    public void Case_and_length_count_characters_as_integer()
    {
        Assert.That(Eval("upper", Str("héllo")).Value, Is.EqualTo("HÉLLO"));
        Assert.That(Eval("lower", Str("ÀB")).Value, Is.EqualTo("àb"));
        Assert.That(Eval("length", Str("héllo")), Is.EqualTo(new Result("5", "INTEGER")));
        Assert.That(Eval("length", Str("😀x")), Is.EqualTo(new Result("2", "INTEGER")), "code points, not UTF-16 units");
        Assert.That(Eval("length", Null("VARCHAR")).Value, Is.Null);
    }

    [TestCase(2, null, "bcdef")]
    [TestCase(2, 3, "bcd")]
    [TestCase(0, 2, "ab")]         // 0 is the first character, like 1 (unlike PostgreSQL)
    [TestCase(1, 2, "ab")]
    [TestCase(-3, null, "def")]    // negative counts from the end
    [TestCase(-3, 2, "de")]
    [TestCase(-10, 8, "abcd")]     // the window [-4, 4) starts before the text: Spark keeps its end
    [TestCase(10, 2, "")]          // past the end
    [TestCase(2, -1, "")]          // negative length
    [TestCase(3, 0, "")]
    public void Substring_follows_sparks_start_and_length_rules(int start, int? length, string expected)
    {
        // Once as literals (the renderer may take DuckDB's plain substring) and once as row values.
        foreach (var asLiteral in new[] { true, false })
        {
            var startArg = asLiteral ? Int(start) : Sql($"CAST({start} AS INTEGER)");
            var args = length is null ? new[] { Str("abcdef"), startArg } : [Str("abcdef"), startArg, asLiteral ? Int(length.Value) : Sql($"CAST({length} AS INTEGER)")];
            Assert.That(Eval("substring", args), Is.EqualTo(new Result(expected, "VARCHAR")), $"literal: {asLiteral}");
        }
    }

    [Test]
    public void Numbers_given_to_string_parameters_are_cast_to_strings_as_ansi_spark_does()
    {
        // Spark 4 (ANSI) casts any atomic argument to STRING where a string function expects one
        // (AnsiTypeCoercion.implicitCast via Cast.canANSIStoreAssign); DuckDB has no such overloads.
        var number = Sql("CAST(12345 AS BIGINT)");
        Assert.That(Eval("rlike", number, Sql("CAST(23 AS BIGINT)")), Is.EqualTo(new Result("true", "BOOLEAN")));
        Assert.That(Eval("regexp", number, Str("^9")).Value, Is.EqualTo("false"));
        Assert.That(Eval("left", number, Int(2)), Is.EqualTo(new Result("12", "VARCHAR")));
        Assert.That(Eval("right", number, Int(2)), Is.EqualTo(new Result("45", "VARCHAR")));
        Assert.That(Eval("substring", number, Int(2), Int(3)), Is.EqualTo(new Result("234", "VARCHAR")));
        Assert.That(Eval("replace", number, Int(34), Str("-")).Value, Is.EqualTo("12-5"));
        Assert.That(Eval("repeat", Int(7), Int(3)).Value, Is.EqualTo("777"));
        Assert.That(Eval("reverse", number).Value, Is.EqualTo("54321"));
        Assert.That(Eval("lpad", number, Int(7), Int(0)).Value, Is.EqualTo("0012345"));
        Assert.That(Eval("trim", Int(1), Sql("CAST(11211 AS INTEGER)")).Value, Is.EqualTo("2"));
    }

    [Test]
    public void Helper_lambdas_do_not_capture_columns_with_the_same_names()
    {
        const string from = "(VALUES ('abcdef', 99, -3, 2)) t(s, v, p, l)";
        Assert.That(Aggregate(from, "substring", false, Sql("s"), Sql("p"), Sql("l")).Value, Is.EqualTo("de"));
        Assert.That(Aggregate(from, "round", false, Sql("CAST(v AS DOUBLE) / 8"), Int(1)).Value, Is.EqualTo("12.4"));
    }

    [Test]
    public void Substring_of_null_start_is_null_and_works_on_unicode()
    {
        Assert.That(Eval("substring", Str("abc"), Null("INTEGER")).Value, Is.Null);
        Assert.That(Eval("substr", Str("héllo wörld"), Sql("CAST(-5 AS INTEGER)"), Int(3)).Value, Is.EqualTo("wör"));
        Assert.That(Eval("left", Str("abc"), Int(-1)).Value, Is.EqualTo(""));
        Assert.That(Eval("right", Str("abc"), Int(2)).Value, Is.EqualTo("bc"));
    }

    [Test]
    public void Instr_and_locate_are_1_based_integer_and_0_when_missing()
    {
        Assert.That(Eval("instr", Str("héllo"), Str("l")), Is.EqualTo(new Result("3", "INTEGER")));
        Assert.That(Eval("instr", Str("abc"), Str("z")), Is.EqualTo(new Result("0", "INTEGER")));
        Assert.That(Eval("locate", Str("c"), Str("abc")), Is.EqualTo(new Result("3", "INTEGER")), "locate takes the search text first");
        Assert.That(Eval("instr", Null("VARCHAR"), Str("a")).Value, Is.Null);
    }

    [Test]
    public void Replace_with_two_and_three_arguments()
    {
        Assert.That(Eval("replace", Str("banana"), Str("an"), Str("_")).Value, Is.EqualTo("b__a"));
        Assert.That(Eval("replace", Str("banana"), Str("a")).Value, Is.EqualTo("bnn"));
        Assert.That(Eval("replace", Str("abc"), Str(""), Str("x")).Value, Is.EqualTo("abc"));
    }

    [Test]
    public void Trims_remove_only_spaces_by_default_and_take_sparks_argument_order()
    {
        Assert.That(Eval("btrim", Str(" \tab \t")).Value, Is.EqualTo("\tab \t"), "one-argument trims remove spaces, not tabs");
        Assert.That(Eval("ltrim", Str("  ab  ")).Value, Is.EqualTo("ab  "));
        Assert.That(Eval("rtrim", Str("  ab  ")).Value, Is.EqualTo("  ab"));
        Assert.That(Eval("trim", Str("  ab  ")).Value, Is.EqualTo("ab"));
        Assert.That(Eval("btrim", Str("xyabyx"), Str("xy")).Value, Is.EqualTo("ab"), "btrim(str, chars)");
        Assert.That(Eval("ltrim", Str("xy"), Str("xyabyx")).Value, Is.EqualTo("abyx"), "ltrim(chars, str)");
        Assert.That(Eval("rtrim", Str("xy"), Str("xyabyx")).Value, Is.EqualTo("xyab"), "rtrim(chars, str)");
        Assert.That(Eval("trim", Str("-"), Str("--a--")).Value, Is.EqualTo("a"), "trim(chars, str)");
    }

    [Test]
    public void Concat_is_null_when_any_argument_is_null_and_casts_numbers()
    {
        Assert.That(Eval("concat", Str("a"), Str("b"), Str("c")).Value, Is.EqualTo("abc"));
        Assert.That(Eval("concat", Str("a"), Null("VARCHAR")).Value, Is.Null);
        Assert.That(Eval("concat", Str("n="), Int(5)), Is.EqualTo(new Result("n=5", "VARCHAR")));
        Assert.That(Eval("concat").Value, Is.EqualTo(""));
        Assert.That(Eval("concat_ws", Str("-"), Str("a"), Null("VARCHAR"), Str("b")).Value, Is.EqualTo("a-b"));
    }

    [Test]
    public void Ascii_contains_startswith_endswith()
    {
        Assert.That(Eval("ascii", Str("A")), Is.EqualTo(new Result("65", "INTEGER")));
        Assert.That(Eval("ascii", Str("")).Value, Is.EqualTo("0"));
        Assert.That(Eval("contains", Str("abc"), Str("b")).Value, Is.EqualTo("true"));
        Assert.That(Eval("contains", Str("abc"), Str("")).Value, Is.EqualTo("true"));
        Assert.That(Eval("startswith", Str("abc"), Str("ab")).Value, Is.EqualTo("true"));
        Assert.That(Eval("endswith", Str("abc"), Str("ab")).Value, Is.EqualTo("false"));
        Assert.That(Eval("endswith", Null("VARCHAR"), Str("ab")).Value, Is.Null);
    }

    [Test]
    public void Like_escapes_with_backslash_and_rlike_finds_anywhere()
    {
        Assert.That(Eval("like", Str("a_c"), Str(@"a\_c")).Value, Is.EqualTo("true"));
        Assert.That(Eval("like", Str("abc"), Str(@"a\_c")).Value, Is.EqualTo("false"), "an escaped _ is literal");
        Assert.That(Eval("like", Str("abc"), Str("a%")).Value, Is.EqualTo("true"));
        Assert.That(Eval("like", Str("a%c"), Str("a!%c"), Str("!")).Value, Is.EqualTo("true"));
        Assert.That(Eval("rlike", Str("xabcx"), Str("b.d|bc")).Value, Is.EqualTo("true"));
        Assert.That(Eval("rlike", Str("abc"), Str("^b")).Value, Is.EqualTo("false"));
        Assert.That(RenderFails("like", Str("a"), Str("a"), Str("'")).ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE"));
    }

    [Test]
    public void Padding_truncates_and_tolerates_an_empty_pad()
    {
        Assert.That(Eval("lpad", Str("abc"), Int(5), Str("xy")).Value, Is.EqualTo("xyabc"));
        Assert.That(Eval("rpad", Str("abc"), Int(6), Str("xy")).Value, Is.EqualTo("abcxyx"));
        Assert.That(Eval("lpad", Str("abc"), Int(2), Str("x")).Value, Is.EqualTo("ab"));
        Assert.That(Eval("lpad", Str("abc"), Int(5)).Value, Is.EqualTo("  abc"));
        Assert.That(Eval("lpad", Str("abc"), Int(5), Sql("''")).Value, Is.EqualTo("abc"), "DuckDB would raise");
        Assert.That(Eval("rpad", Str("abc"), Int(-1), Str("x")).Value, Is.EqualTo(""));
    }

    [Test]
    public void Non_text_arguments_are_cast_to_text_as_spark_does()
    {
        Assert.That(Eval("length", Int(-123)), Is.EqualTo(new Result("4", "INTEGER")));
        Assert.That(Eval("upper", Bool(true)).Value, Is.EqualTo("TRUE"));
        Assert.That(Eval("contains", Int(12345), Int(34)).Value, Is.EqualTo("true"));
        Assert.That(Eval("lpad", Int(7), Int(3), Str("0")).Value, Is.EqualTo("007"));
        Assert.That(Eval("startswith", Sql("DATE '2024-06-02'"), Str("2024-")).Value, Is.EqualTo("true"));
    }

    [Test]
    public void Reverse_and_repeat()
    {
        Assert.That(Eval("reverse", Str("héllo")).Value, Is.EqualTo("olléh"));
        Assert.That(Eval("reverse", Sql("[1, 2, 3]")).Value, Is.EqualTo("[3, 2, 1]"));
        Assert.That(Eval("repeat", Str("ab"), Int(3)).Value, Is.EqualTo("ababab"));
        Assert.That(Eval("repeat", Str("ab"), Int(-1)).Value, Is.EqualTo(""));
    }
}
