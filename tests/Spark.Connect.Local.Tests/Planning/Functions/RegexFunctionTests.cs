using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Functions;

public class RegexFunctionTests : FunctionTestBase
{
    [Test]
    public void Split_keeps_trailing_empty_strings()
    {
        Assert.That(Eval("split", Str("a,b,,c,"), Str(",")), Is.EqualTo(new Result("[a, b, '', c, '']", "VARCHAR[]")));
        Assert.That(Eval("split", Str("a1b22c"), Str(@"\d+"), Int(-1)).Value, Is.EqualTo("[a, b, c]"));
        Assert.That(Eval("split", Str("a,b,c"), Str(","), Int(2)).Value, Is.EqualTo("[a, 'b,c']"));
    }

    [Test]
    public void Regexp_replace_replaces_every_match_with_java_group_references()
    {
        Assert.That(Eval("regexp_replace", Str("a1b22"), Str(@"(\d+)"), Str("<$1>")), Is.EqualTo(new Result("a<1>b<22>", "VARCHAR")));
        Assert.That(Eval("regexp_replace", Str("a1b"), Str(@"\d"), Str(@"\$")).Value, Is.EqualTo("a$b"));
        Assert.That(Eval("regexp_replace", Str("a.b"), Str(@"\."), Str(@"\\")).Value, Is.EqualTo(@"a\b"));
        Assert.That(RenderFails("regexp_replace", Str("a"), Str("a"), Str("${name}")).ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    [TestCase("<$1>", @"<\1>")]
    [TestCase(@"\$1", "$1")]
    [TestCase(@"a\\b", @"a\\b")]
    [TestCase("$0$9", @"\0\9")]
    public void Java_replacements_translate_to_re2(string java, string re2) =>
        Assert.That(RegexFunctions.ToRe2Replacement(java), Is.EqualTo(re2));

    [Test]
    public void Regexp_extract_gives_the_group_or_an_empty_string()
    {
        Assert.That(Eval("regexp_extract", Str("x12y"), Str(@"(\d)(\d)"), Int(2)).Value, Is.EqualTo("2"));
        Assert.That(Eval("regexp_extract", Str("x12y"), Str(@"(\d)(\d)")).Value, Is.EqualTo("1"), "group 1 by default");
        Assert.That(Eval("regexp_extract", Str("x12y"), Str(@"\d+"), Int(0)).Value, Is.EqualTo("12"));
        Assert.That(Eval("regexp_extract", Str("xy"), Str(@"(\d)"), Int(1)).Value, Is.EqualTo(""), "no match is '', not null");
        Assert.That(RenderFails("regexp_extract", Str("x"), Str("x"), Sql("1")).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT"));
    }

    [Test]
    public void Date_format_translates_java_patterns()
    {
        Assert.That(Eval("date_format", Sql("TIMESTAMP '2024-06-02 03:04:05.678'"), Str("M/d/yyyy H:mm:ss.SSS a")),
            Is.EqualTo(new Result("6/2/2024 3:04:05.678 AM", "VARCHAR")));
        Assert.That(Eval("date_format", Sql("DATE '2024-06-02'"), Str("yyyy-MM-dd'T'HH")).Value, Is.EqualTo("2024-06-02T00"));
        Assert.That(Eval("date_format", Sql("DATE '2024-06-02'"), Str("'100%' yy")).Value, Is.EqualTo("100% 24"));
        Assert.That(Eval("date_format", Sql("DATE '2024-06-02'"), Str("EEE, d MMM yyyy / EEEE MMMM")).Value, Is.EqualTo("Sun, 2 Jun 2024 / Sunday June"),
            "English names, as Spark's default locale writes them");
        Assert.That(RenderFails("date_format", Sql("DATE '2024-06-02'"), Str("QQQ")).ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }
}
