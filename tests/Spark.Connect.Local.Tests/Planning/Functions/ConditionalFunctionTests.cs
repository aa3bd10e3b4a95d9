namespace Spark.Connect.Local.Tests.Planning.Functions;

public class ConditionalFunctionTests : FunctionTestBase
{
    [Test]
    public void Coalesce_returns_the_first_non_null_argument()
    {
        Assert.That(Eval("coalesce", Null("INTEGER"), Int(2), Int(3)), Is.EqualTo(new Result("2", "INTEGER")));
        Assert.That(Eval("coalesce", Null("INTEGER")).Value, Is.Null);
        Assert.That(RenderFails("coalesce").ErrorClass, Is.EqualTo("WRONG_NUM_ARGS.WITHOUT_SUGGESTION"));
        Assert.That(Eval("nvl", Null("VARCHAR"), Str("x")).Value, Is.EqualTo("x"));
    }

    [TestCase(1, "one")]
    [TestCase(2, "two")]
    [TestCase(3, "many")]
    public void When_pairs_conditions_with_values_and_ends_with_the_else_value(int value, string expected)
    {
        var x = Sql($"CAST({value} AS INTEGER)");
        Assert.That(Eval("when", Sql($"{x.Sql} = 1"), Str("one"), Sql($"{x.Sql} = 2"), Str("two"), Str("many")).Value, Is.EqualTo(expected));
    }

    [Test]
    public void When_without_an_else_value_is_null_when_nothing_matches() =>
        Assert.That(Eval("when", Sql("false"), Str("a")).Value, Is.Null);

    [Test]
    public void In_matches_like_sparks_in_including_nulls_and_the_empty_list()
    {
        Assert.That(Eval("in", Int(2), Int(1), Int(2)).Value, Is.EqualTo("true"));
        Assert.That(Eval("in", Int(3), Int(1), Int(2)).Value, Is.EqualTo("false"));
        Assert.That(Eval("in", Int(3), Int(1), Null("INTEGER")).Value, Is.Null, "no match with a null in the list is unknown");
        Assert.That(Eval("in", Null("INTEGER"), Int(1)).Value, Is.Null);
        Assert.That(Eval("in", Int(3)).Value, Is.EqualTo("false"));
    }

    [Test]
    public void Named_struct_reads_field_names_from_literals()
    {
        var result = Eval("named_struct", Str("a b"), Int(1), Str("say \"hi\""), Str("x"));
        Assert.That(result.Value, Is.EqualTo("{'a b': 1, 'say \"hi\"': x}"));
        Assert.That(RenderFails("named_struct", Sql("'a'"), Int(1)).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT"));
        Assert.That(RenderFails("named_struct", Str("a")).ErrorClass, Is.EqualTo("WRONG_NUM_ARGS.WITHOUT_SUGGESTION"));
    }

    [TestCase(0, "10")]
    [TestCase(2, "30")]
    [TestCase(3, null)]
    [TestCase(-1, null)]
    public void Get_is_zero_based_and_null_out_of_range(int index, string? expected) =>
        Assert.That(Eval("get", Sql("[10, 20, 30]"), Int(index)), Is.EqualTo(new Result(expected, "INTEGER")));

    [Test]
    public void Array_size_and_contains()
    {
        Assert.That(Eval("size", Sql("[1, 2]")), Is.EqualTo(new Result("2", "INTEGER")));
        Assert.That(Eval("array_contains", Sql("[1, 2]"), Int(2)).Value, Is.EqualTo("true"));
        Assert.That(Eval("array", Int(1), Int(2)).Value, Is.EqualTo("[1, 2]"));
    }
}
