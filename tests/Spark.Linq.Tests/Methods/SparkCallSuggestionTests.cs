using System.Text.RegularExpressions;

namespace Spark.Linq.Tests.Methods;

/// <summary>
/// Rejections of methods Spark has a function for spell out the SparkFunctions.Call expression to write, from the
/// call's own arguments (SuggestedCallTests in the end-to-end tests run these forms against C#'s answers).
/// </summary>
public class SparkCallSuggestionTests : MethodPlanTestBase
{
    // Distinct after the Select: a final Select would run what Spark can't on the client instead.
    private string Suggestion<T>(System.Linq.Expressions.Expression<Func<Event, T>> selector) => Rejects(Events.Select(selector).Distinct());

    [Test]
    public void PadLeft_offers_lpad_guarded_so_longer_text_stays_whole() =>
        Assert.That(Suggestion(x => x.Name.PadLeft(5)),
            Does.Contain("Write x.Name.Length >= 5 ? x.Name : SparkFunctions.Call<string>(\"lpad\", x.Name, 5, \" \")"));

    [Test]
    public void PadRight_with_a_character_offers_rpad_with_it_as_text() =>
        Assert.That(Suggestion(x => x.Name.PadRight(8, '*')), Does.Contain("SparkFunctions.Call<string>(\"rpad\", x.Name, 8, \"*\")"));

    [Test]
    public void Split_offers_split_with_the_separator_escaped_as_a_regular_expression() =>
        Assert.Multiple(() =>
        {
            Assert.That(Suggestion(x => x.Name.Split('|')), Does.Contain("Write SparkFunctions.Call<string[]>(\"split\", x.Name, \"\\\\|\")"));
            Assert.That(Suggestion(x => x.Name.Split(". ", StringSplitOptions.RemoveEmptyEntries)),
                Does.Contain("SparkFunctions.Call<string[]>(\"split\", x.Name, \"\\\\. \").Where(s => s != \"\")"));
            Assert.That(Suggestion(x => x.Name.Split(',', 3)), Does.Contain("SparkFunctions.Call<string[]>(\"split\", x.Name, \",\", 3)"));
        });

    [Test]
    public void A_captured_separator_is_named_rather_than_quoted()
    {
        var separator = ";";
        Assert.That(Suggestion(x => x.Name.Split(separator)), Does.Contain("<separator as a regular expression>"));
    }

    [Test]
    public void LastIndexOf_offers_locate_over_the_reversed_text() =>
        Assert.Multiple(() =>
        {
            Assert.That(Suggestion(x => x.Name.LastIndexOf('a')), Does.Contain(
                "SparkFunctions.Call<int>(\"locate\", \"a\", SparkFunctions.Call<string>(\"reverse\", x.Name)) == 0 ? -1 : x.Name.Length - 1 + 1 - SparkFunctions.Call<int>(\"locate\", \"a\", SparkFunctions.Call<string>(\"reverse\", x.Name))"));
            Assert.That(Suggestion(x => x.Name.LastIndexOf("ab", StringComparison.Ordinal)), Does.Contain("(\"locate\", \"ba\", ").And.Contain("x.Name.Length - 2 + 1 - "));
            Assert.That(Suggestion(x => x.Name.LastIndexOf("ab", 3)), Does.Contain("Only LastIndexOf(value) and LastIndexOf(value, StringComparison.Ordinal)"));
        });

    [Test]
    public void Regex_methods_offer_rlike_regexp_replace_regexp_extract_and_split() =>
        Assert.Multiple(() =>
        {
            Assert.That(Suggestion(x => Regex.IsMatch(x.Name, "^a+")), Does.Contain("Write SparkFunctions.RLike(x.Name, \"^a+\")"));
            Assert.That(Suggestion(x => Regex.Replace(x.Name, "a(b)", "$1")), Does.Contain("SparkFunctions.Call<string>(\"regexp_replace\", x.Name, \"a(b)\", \"$1\")"));
            Assert.That(Suggestion(x => Regex.Match(x.Name, "a(b)").Value), Does.Contain("SparkFunctions.Call<string>(\"regexp_extract\", x.Name, \"a(b)\", 0)"));
            Assert.That(Suggestion(x => Regex.Matches(x.Name, "b").Count), Does.Contain("SparkFunctions.Call<string[]>(\"regexp_extract_all\", x.Name, \"b\", 0)"));
            Assert.That(Suggestion(x => Regex.Split(x.Name, ",+")), Does.Contain("SparkFunctions.Call<string[]>(\"split\", x.Name, \",+\")"));
        });
}
