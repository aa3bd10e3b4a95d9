namespace Spark.Linq.Tests.Methods;

public class StringMethodTests : MethodPlanTestBase
{
    // char.IsWhiteSpace's set, listed by code point (not computed) so the translator's set is checked against it.
    private const string CSharpWhitespace = "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    [Test]
    public void Trim_without_arguments_trims_every_CSharp_whitespace_character()
    {
        Assert.That(Plan(x => x.Name.Trim()), Is.EqualTo($"btrim(Name, '{CSharpWhitespace}')"));
        Assert.That(Plan(x => x.Tag!.TrimStart()), Is.EqualTo($"ltrim('{CSharpWhitespace}', Tag)"));
        Assert.That(Plan(x => x.Name.TrimEnd()), Is.EqualTo($"rtrim('{CSharpWhitespace}', Name)"));
    }

    [Test]
    public void Trim_with_characters_trims_any_of_them()
    {
        var captured = new[] { 'a', 'b' };
        Assert.That(Plan(x => x.Name.Trim('-')), Is.EqualTo("btrim(Name, '-')"));
        Assert.That(Plan(x => x.Name.Trim('-', '+')), Is.EqualTo("btrim(Name, '-+')"));
        Assert.That(Plan(x => x.Name.TrimStart('0')), Is.EqualTo("ltrim('0', Name)"));
        Assert.That(Plan(x => x.Name.TrimEnd(captured)), Is.EqualTo("rtrim('ab', Name)"));
        Assert.That(Plan(x => x.Name.Trim(x.Letter)), Is.EqualTo("btrim(Name, Letter)"));
    }

    [Test]
    public void Trim_with_an_empty_character_set_trims_whitespace_as_in_CSharp()
    {
        var none = Array.Empty<char>();
        Assert.That(Plan(x => x.Name.Trim(none)), Is.EqualTo($"btrim(Name, '{CSharpWhitespace}')"));
    }

    [Test]
    public void Substring_shifts_the_start_to_one_based()
    {
        var start = 4;
        Assert.That(Plan(x => x.Name.Substring(2)), Is.EqualTo("substring(Name, 3)"));
        Assert.That(Plan(x => x.Name.Substring(1, 3)), Is.EqualTo("substring(Name, 2, 3)"));
        Assert.That(Plan(x => x.Tag!.Substring(start, x.Count)), Is.EqualTo("substring(Tag, 5, Count)"));
        Assert.That(Plan(x => x.Name.Substring(x.Count)), Is.EqualTo("substring(Name, (Count + 1))"));
    }

    [Test]
    public void Replace_maps_to_replace_and_a_null_replacement_removes()
    {
        string? nothing = null;
        Assert.That(Plan(x => x.Name.Replace("a", "b")), Is.EqualTo("replace(Name, 'a', 'b')"));
        Assert.That(Plan(x => x.Name.Replace('a', 'b')), Is.EqualTo("replace(Name, 'a', 'b')"));
        Assert.That(Plan(x => x.Name.Replace("a", nothing)), Is.EqualTo("replace(Name, 'a', '')"));
        Assert.That(Plan(x => x.Name.Replace("a", x.Tag)), Is.EqualTo("replace(Name, 'a', coalesce(Tag, ''))"));
    }

    [Test]
    public void IndexOf_is_instr_minus_one()
    {
        var needle = "ab";
        Assert.That(Plan(x => x.Name.IndexOf(needle)), Is.EqualTo("(instr(Name, 'ab') - 1)"));
        Assert.That(Plan(x => x.Name.IndexOf('c')), Is.EqualTo("(instr(Name, 'c') - 1)"));
        Assert.That(Plan(x => x.Name.IndexOf(x.Tag!, StringComparison.Ordinal)), Is.EqualTo("(instr(Name, Tag) - 1)"));
        Assert.That(Plan(x => x.Name.IndexOf("ab", StringComparison.OrdinalIgnoreCase)), Is.EqualTo("(instr(upper(Name), 'AB') - 1)"));
    }

    [Test]
    public void IsNullOrEmpty_and_IsNullOrWhiteSpace_test_null_first()
    {
        Assert.That(Filter(x => string.IsNullOrEmpty(x.Tag)), Is.EqualTo("(isnull(Tag) OR (Tag == ''))"));
        Assert.That(Filter(x => !string.IsNullOrWhiteSpace(x.Tag)), Is.EqualTo($"not((isnull(Tag) OR (btrim(Tag, '{CSharpWhitespace}') == '')))"));
    }

    [Test]
    public void Concat_of_any_arity_is_one_concat_with_nulls_as_empty()
    {
        Assert.That(Plan(x => string.Concat(x.Name, x.Tag)), Is.EqualTo("concat(coalesce(Name, ''), coalesce(Tag, ''))"));
        Assert.That(Plan(x => string.Concat(x.Name, "-", x.Tag, "!")), Is.EqualTo("concat(coalesce(Name, ''), '-', coalesce(Tag, ''), '!')"));
        Assert.That(Plan(x => string.Concat(new[] { x.Name, "-", x.Name, "-", x.Name })), Is.EqualTo("concat(coalesce(Name, ''), '-', coalesce(Name, ''), '-', coalesce(Name, ''))"));
        Assert.That(Plan(x => string.Concat(x.Name, x.Count)), Is.EqualTo("concat(coalesce(Name, ''), CAST(Count AS string))"));
        Assert.That(Plan(x => string.Concat(x.Maybe, x.Tag, x.Id)), Is.EqualTo("concat(coalesce(CAST(Maybe AS string), ''), coalesce(Tag, ''), CAST(Id AS string))"));
    }

    [Test]
    public void CompareTo_and_Compare_give_minus_one_zero_or_one_with_null_first()
    {
        Assert.That(Plan(x => x.Name.CompareTo("m")), Is.EqualTo("when((Name <=> 'm'), 0, isnull(Name), -1, (Name < 'm'), -1, 1)"));
        Assert.That(Plan(x => string.Compare(x.Tag, x.Name)), Is.EqualTo("when((Tag <=> Name), 0, isnull(Tag), -1, isnull(Name), 1, (Tag < Name), -1, 1)"));
        Assert.That(Plan(x => string.CompareOrdinal("a", x.Name)), Is.EqualTo("when(('a' <=> Name), 0, isnull(Name), 1, ('a' < Name), -1, 1)"));
        Assert.That(Plan(x => string.Compare(x.Name, "b", StringComparison.Ordinal)), Is.EqualTo("when((Name <=> 'b'), 0, isnull(Name), -1, (Name < 'b'), -1, 1)"));
    }

    [Test]
    public void Searches_take_char_arguments_and_ordinal_comparisons()
    {
        var letter = 'q';
        Assert.That(Filter(x => x.Name.Contains('x')), Is.EqualTo("contains(Name, 'x')"));
        Assert.That(Filter(x => x.Name.StartsWith(letter)), Is.EqualTo("startswith(Name, 'q')"));
        Assert.That(Filter(x => x.Name.EndsWith(x.Letter)), Is.EqualTo("endswith(Name, Letter)"));
        Assert.That(Filter(x => x.Name.StartsWith("ab", StringComparison.Ordinal)), Is.EqualTo("startswith(Name, 'ab')"));
        Assert.That(Filter(x => x.Name.Contains("ab", StringComparison.OrdinalIgnoreCase)), Is.EqualTo("contains(upper(Name), 'AB')"));
        Assert.That(Filter(x => x.Name.EndsWith(x.Tag!, StringComparison.OrdinalIgnoreCase)), Is.EqualTo("endswith(upper(Name), upper(Tag))"));
    }

    [Test]
    public void Ignore_case_folds_only_ascii_literals_on_the_client()
    {
        // Spark's upper('straße') is 'STRASSE' where .NET's ToUpperInvariant keeps ß: the server folds such literals.
        Assert.That(Filter(x => x.Name.Equals("straße", StringComparison.OrdinalIgnoreCase)), Is.EqualTo("(upper(Name) <=> upper('straße'))"));
        Assert.That(Filter(x => x.Name.StartsWith("ǆ", StringComparison.OrdinalIgnoreCase)), Is.EqualTo("startswith(upper(Name), upper('ǆ'))"));
        Assert.That(Filter(x => x.Name.Contains("Mixed 1", StringComparison.OrdinalIgnoreCase)), Is.EqualTo("contains(upper(Name), 'MIXED 1')"));
    }

    [Test]
    public void Equals_is_CSharp_equality_with_null_equal_to_null()
    {
        var other = "b";
        Assert.That(Filter(x => x.Name.Equals("a")), Is.EqualTo("(Name <=> 'a')"));
        Assert.That(Filter(x => string.Equals(x.Name, x.Tag)), Is.EqualTo("(Name <=> Tag)"));
        Assert.That(Filter(x => string.Equals(x.Tag, other, StringComparison.OrdinalIgnoreCase)), Is.EqualTo("(upper(Tag) <=> 'B')"));
        Assert.That(Filter(x => x.Name.Equals(x.Tag, StringComparison.Ordinal)), Is.EqualTo("(Name <=> Tag)"));
    }

    [Test]
    public void Case_conversions_stay_upper_and_lower()
    {
        Assert.That(Plan(x => x.Tag!.ToUpperInvariant()), Is.EqualTo("upper(Tag)"));
        Assert.That(Plan(x => x.Name.ToLower()), Is.EqualTo("lower(Name)"));
    }

    [Test]
    public void Length_of_a_trimmed_substring_composes()
    {
        Assert.That(Filter(x => x.Name.Trim('*').Substring(1).Length > 3), Is.EqualTo("coalesce((length(substring(btrim(Name, '*'), 2)) > 3), false)"));
    }
}
