namespace Spark.Linq.Tests.Methods;

public class ConversionMethodTests : MethodPlanTestBase
{
    [Test]
    public void Convert_to_an_integer_rounds_half_to_even_first_unlike_a_cast()
    {
        Assert.That(Plan(x => Convert.ToInt32(x.Score)), Is.EqualTo("CAST(bround(Score, 0) AS integer)"));
        Assert.That(Plan(x => Convert.ToInt64(x.Price)), Is.EqualTo("CAST(bround(Price, 0) AS long)"));
        Assert.That(Plan(x => Convert.ToInt16(x.Ratio)), Is.EqualTo("CAST(bround(Ratio, 0) AS short)"));
        Assert.That(Plan(x => (int)x.Score), Is.EqualTo("CAST(Score AS integer)"));
    }

    [Test]
    public void Convert_between_other_types_is_a_cast()
    {
        Assert.That(Plan(x => Convert.ToDouble(x.Count)), Is.EqualTo("CAST(Count AS double)"));
        Assert.That(Plan(x => Convert.ToDecimal(x.Score)), Is.EqualTo("CAST(Score AS decimal)"));
        Assert.That(Plan(x => Convert.ToInt32(x.Flag)), Is.EqualTo("CAST(Flag AS integer)"));
        Assert.That(Plan(x => Convert.ToInt64(x.Count)), Is.EqualTo("CAST(Count AS long)"));
    }

    [Test]
    public void Convert_of_null_gives_the_default_value_as_in_CSharp()
    {
        Assert.That(Plan(x => Convert.ToInt32(x.Tag)), Is.EqualTo("coalesce(CAST(Tag AS integer), 0)"));
        Assert.That(Plan(x => Convert.ToBoolean(x.Tag)), Is.EqualTo("coalesce(CAST(Tag AS boolean), false)"));
        Assert.That(Plan(x => Convert.ToInt32(x.Maybe)), Is.EqualTo("coalesce(Maybe, 0)"));
        Assert.That(Plan(x => Convert.ToDouble(x.Fee)), Is.EqualTo("coalesce(CAST(Fee AS double), 0D)"));
    }

    [Test]
    public void Parse_of_row_values_is_a_cast()
    {
        Assert.That(Plan(x => int.Parse(x.Name)), Is.EqualTo("CAST(Name AS integer)"));
        Assert.That(Plan(x => long.Parse(x.Tag!)), Is.EqualTo("CAST(Tag AS long)"));
        Assert.That(Plan(x => double.Parse(x.Name)), Is.EqualTo("CAST(Name AS double)"));
        Assert.That(Plan(x => decimal.Parse(x.Name)), Is.EqualTo("CAST(Name AS decimal)"));
        Assert.That(Plan(x => bool.Parse(x.Name)), Is.EqualTo("CAST(Name AS boolean)"));
    }

    [Test]
    public void Parse_of_a_captured_value_happens_on_the_client()
    {
        var text = "42";
        Assert.That(Filter(x => x.Count == int.Parse(text)), Is.EqualTo("(Count == 42)"));
    }

    [Test]
    public void ToString_of_integers_strings_chars_is_a_cast_or_nothing()
    {
        Assert.That(Plan(x => x.Count.ToString()), Is.EqualTo("CAST(Count AS string)"));
        Assert.That(Plan(x => x.Id.ToString()), Is.EqualTo("CAST(Id AS string)"));
        Assert.That(Plan(x => x.Letter.ToString()), Is.EqualTo("Letter"));
        Assert.That(Plan(x => x.Name.ToString()), Is.EqualTo("Name"));
        Assert.That(Plan(x => Convert.ToString(x.Count)), Is.EqualTo("CAST(Count AS string)"));
    }

    [Test]
    public void ToString_of_a_bool_spells_True_and_False_as_CSharp_does()
    {
        Assert.That(Plan(x => x.Flag.ToString()), Is.EqualTo("when(Flag, 'True', 'False')"));
        Assert.That(Plan(x => Convert.ToString(x.Flag)), Is.EqualTo("when(Flag, 'True', 'False')"));
    }

    [Test]
    public void ToString_of_a_nullable_value_is_empty_for_null()
    {
        Assert.That(Plan(x => x.Maybe.ToString()), Is.EqualTo("coalesce(CAST(Maybe AS string), '')"));
    }

    [Test]
    public void ToString_of_an_enum_is_its_name()
    {
        Assert.That(Plan(x => x.Code.ToString()),
            Is.EqualTo("when((Code == 0), 'Pending', (Code == 1), 'Shipped', (Code == 2), 'Cancelled', CAST(Code AS string))"));
        Assert.That(Plan(x => x.State.ToString()), Is.EqualTo("State"));
    }

    [Test]
    public void A_char_converts_to_its_code_point()
    {
        Assert.That(Plan(x => (int)x.Letter), Is.EqualTo("ascii(Letter)"));
        Assert.That(Plan(x => Convert.ToInt32(x.Letter)), Is.EqualTo("ascii(Letter)"));
        Assert.That(Plan(x => (long)x.Letter), Is.EqualTo("CAST(ascii(Letter) AS long)"));
        Assert.That(Plan(x => (short)x.Letter), Is.EqualTo("CAST(ascii(Letter) AS short)"));
    }
}
