namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// String functions with Spark's rules and implicit casts. Expected values are the examples of Spark's
/// <c>ExpressionDescription</c>s in <c>stringExpressions.scala</c> unless a comment says otherwise.
/// </summary>
public sealed class TextFunctionTests : LibraryTestBase
{
    [Test]
    public void Soundex_is_american_soundex_over_ascii_letters()
    {
        Assert.That(Value(Fn("soundex", Lit("Miller"))), Is.EqualTo("M460"));  // Spark's example
        Assert.That(Value(Fn("soundex", Lit("Tymczak"))), Is.EqualTo("T522"));
        Assert.That(Value(Fn("soundex", Lit("Ashcraft"))), Is.EqualTo("A261"), "H and W do not separate equal codes");
        Assert.That(Value(Fn("soundex", Lit("1abc"))), Is.EqualTo("1abc"), "text not starting with a letter is kept");
        Assert.That(Value(Fn("soundex", Lit(""))), Is.EqualTo(""));
        Assert.That(Value(Fn("soundex", Col("n"))), Is.EqualTo("∅"));
    }

    [Test]
    public void Levenshtein_counts_characters_and_honours_a_threshold()
    {
        Assert.That(Value(Fn("levenshtein", Lit("kitten"), Lit("sitting"))), Is.EqualTo("3"));          // Spark's example
        Assert.That(Value(Fn("levenshtein", Lit("kitten"), Lit("sitting"), Lit(2))), Is.EqualTo("-1"));  // Spark's example
        Assert.That(Value(Fn("levenshtein", Lit("ä"), Lit("a"))), Is.EqualTo("1"), "characters, not bytes (DuckDB says 2)");
        var field = Field(Fn("levenshtein", Col("c1"), Col("c2")));
        Assert.That((field.Name, field.DataType), Is.EqualTo(("levenshtein(c1, c2)", Spark.Connect.Local.Planning.Functions.SparkTypes.Integer)));
    }

    [Test]
    public void Translate_overlay_and_split_part_follow_sparks_examples()
    {
        Assert.That(Value(Fn("translate", Lit("AaBbCc"), Lit("abc"), Lit("123"))), Is.EqualTo("A1B2C3"));
        Assert.That(Value(Fn("translate", Lit("abcd"), Lit("bd"), Lit("x"))), Is.EqualTo("axc"), "unmatched characters are removed");
        Assert.That(Value(Fn("overlay", Lit("Spark SQL"), Lit("_"), Lit(6))), Is.EqualTo("Spark_SQL"));
        Assert.That(Value(Fn("overlay", Lit("Spark SQL"), Lit("CORE"), Lit(7))), Is.EqualTo("Spark CORE"));
        Assert.That(Value(Fn("overlay", Lit("Spark SQL"), Lit("ANSI "), Lit(7), Lit(0))), Is.EqualTo("Spark ANSI SQL"));
        Assert.That(Value(Fn("overlay", Lit("Spark SQL"), Lit("tructured"), Lit(2), Lit(4))), Is.EqualTo("Structured SQL"));
        Assert.That(Value(Fn("split_part", Lit("11.12.13"), Lit("."), Lit(3))), Is.EqualTo("13"));
        Assert.That(Value(Fn("split_part", Lit("11.12.13"), Lit("."), Lit(-1))), Is.EqualTo("13"));
        Assert.That(Value(Fn("split_part", Lit("11.12.13"), Lit("."), Lit(5))), Is.EqualTo(""));
        Assert.That(Value(Fn("split_part", Lit("11.12.13"), Lit(""), Lit(1))), Is.EqualTo("11.12.13"), "an empty delimiter does not split");
        Assert.That(((Spark.Connect.Local.Planning.LocalEngineException)RunError(Fn("split_part", Lit("a.b"), Lit("."), Lit(0)))).ErrorClass,
            Is.EqualTo("INVALID_INDEX_OF_ZERO"));
    }

    [Test]
    public void Substring_index_find_in_set_and_elt_follow_sparks_examples()
    {
        Assert.That(Value(Fn("substring_index", Lit("www.apache.org"), Lit("."), Lit(2))), Is.EqualTo("www.apache"));
        Assert.That(Value(Fn("substring_index", Lit("www.apache.org"), Lit("."), Lit(-2))), Is.EqualTo("apache.org"));
        Assert.That(Value(Fn("substring_index", Lit("www.apache.org"), Lit("."), Lit(9))), Is.EqualTo("www.apache.org"));
        Assert.That(Value(Fn("substring_index", Lit("www.apache.org"), Lit("."), Lit(0))), Is.EqualTo(""));
        Assert.That(Value(Fn("find_in_set", Lit("ab"), Lit("abc,b,ab,c,def"))), Is.EqualTo("3"));
        Assert.That(Value(Fn("find_in_set", Lit("x"), Lit("abc,b"))), Is.EqualTo("0"));
        Assert.That(Value(Fn("find_in_set", Lit("a,b"), Lit("a,b"))), Is.EqualTo("0"), "a value holding a comma is never found");
        Assert.That(Value(Fn("elt", Lit(1), Lit("scala"), Lit("java"))), Is.EqualTo("scala"));
        Assert.That(Value(Fn("elt", Lit(2), Lit("a"), Col("i"))), Is.EqualTo("7"), "inputs are cast to text");
        var error = (Spark.Connect.Local.Planning.LocalEngineException)RunError(Fn("elt", Lit(3), Lit("scala"), Lit("java")));
        Assert.That(error.ErrorClass, Is.EqualTo("INVALID_ARRAY_INDEX"));
        Assert.That(error.Message, Does.StartWith("The index 3 is out of bounds. The array has 2 elements."));
    }

    [Test]
    public void Struct_names_fields_after_columns_and_aliases_and_by_position_otherwise()
    {
        // Spark's CreateStruct: a named expression keeps its name, anything else is col<position>.
        Assert.That(Field(Fn("struct", Col("c1"), Fn("+", Col("i"), Lit(1)))).Name, Is.EqualTo("struct(c1, (i + 1))"));
        var field = Field(Fn("struct", Col("c1"), Alias(Col("i"), "x"), Fn("+", Col("i"), Lit(1))));
        Assert.That(field.Name, Is.EqualTo("struct(c1, i AS x, (i + 1))"), "an alias inside a call keeps its expression (golden function_map_concat)");
        Assert.That(field.DataType.Struct.Fields.Select(f => f.Name), Is.EqualTo(new[] { "c1", "x", "col3" }));
        Assert.That(field.Nullable, Is.False);
        Assert.That(Value(Fn("struct", Col("c1"), Alias(Col("i"), "x"), Fn("+", Col("i"), Lit(1)))), Is.EqualTo("{'c1': ABC, 'x': 7, 'col3': 8}"));
        var star = new Expression { UnresolvedStar = new Expression.Types.UnresolvedStar() };
        Assert.That(Field(Fn("struct", star)).DataType.Struct.Fields.Select(f => f.Name), Is.EqualTo(new[] { "c1", "c2", "n", "i", "b", "m" }), "struct(*) names fields after the columns");
    }
}
