using Spark.Linq.Tests.Untranslatable;

namespace Spark.Linq.Tests.ClientEvaluation;

/// <summary>
/// Methods Spark can't run are allowed only in the final Select. Elsewhere the error names the
/// method, the operator, and says where it could go; after aggregating terminals it says why not.
/// </summary>
public class ClientEvaluationRejectionTests : UntranslatableTestBase
{
    private static string Shout(string text) => text.ToUpperInvariant();

    private static int Score(string text) => text.Length;

    [Test]
    public void A_Select_followed_by_Where_must_translate() =>
        Rejects(Orders.Select(o => new { o.Id, Label = Shout(o.Region) }).Where(x => x.Id > 1), "Shout(o.Region)", "Select", "final Select");

    [Test]
    public void A_Select_followed_by_OrderBy_must_translate() =>
        Rejects(Orders.Select(o => new { o.Id, Label = Shout(o.Region) }).OrderBy(x => x.Id), "Shout(o.Region)", "Select", "final Select");

    [Test]
    public void A_Select_followed_by_GroupBy_must_translate() =>
        Rejects(Orders.Select(o => Shout(o.Region)).GroupBy(r => r).Select(g => g.Key), "Shout(o.Region)", "Select", "final Select");

    [Test]
    public void A_Select_followed_by_Distinct_must_translate() =>
        Rejects(Orders.Select(o => Shout(o.Region)).Distinct(), "Shout(o.Region)", "Select", "final Select");

    [Test]
    public void A_method_in_Where_says_the_final_Select_may_use_it()
    {
        var error = Rejects(Orders.Where(o => Shout(o.Region) == "EU"), "Shout(o.Region)", "Where", "final Select");
        Assert.That(error.Message, Does.Contain("run on the client"));
    }

    [Test]
    public void A_method_in_OrderBy_says_the_final_Select_may_use_it() =>
        Rejects(Orders.OrderBy(o => Score(o.Region)).Select(o => o.Id), "Score(o.Region)", "OrderBy", "final Select");

    [Test]
    public void A_method_in_a_GroupBy_key_says_the_final_Select_may_use_it() =>
        Rejects(Orders.GroupBy(o => Shout(o.Region)).Select(g => g.Key), "Shout(o.Region)", "GroupBy", "final Select");

    [Test]
    public void Sum_over_a_client_computed_value_says_Sum_runs_on_Spark()
    {
        var error = RejectsTerminal(() => Orders.Select(o => Score(o.Region)).Sum(), "Score(o.Region)", "Select");
        Assert.That(error.Message, Does.Contain("Sum runs on Spark"));
    }

    [Test]
    public void Max_after_a_client_Select_says_Max_runs_on_Spark() =>
        Assert.That(RejectsTerminal(() => Orders.Select(o => Score(o.Region)).Max(), "Score(o.Region)", "Select").Message, Does.Contain("Max runs on Spark"));

    [Test]
    public void Count_with_a_predicate_after_a_client_Select_must_translate_the_Select() =>
        Assert.That(RejectsTerminal(() => Orders.Select(o => Shout(o.Region)).Count(r => r == "EU"), "Shout(o.Region)", "Select").Message, Does.Contain("Count runs on Spark"));

    [Test]
    public void First_with_a_predicate_after_a_client_Select_must_translate_the_Select() =>
        RejectsTerminal(() => Orders.Select(o => Shout(o.Region)).First(r => r == "EU"), "Shout(o.Region)", "Select", "AsEnumerable() before First");

    [Test]
    public void A_group_itself_can_not_go_to_the_client() =>
        Rejects(Orders.GroupBy(o => o.Region).Select(g => Count(g)), "g", "Select", "g.Key");

    private static int Count(IGrouping<string, Order> group) => group.Count();

    [Test]
    public void A_Spark_function_in_the_final_Select_must_translate() =>
        Rejects(Orders.Select(o => Shout(SparkFunctions.Call<string>("hash", o))), "o", "Select", "members");

    [Test]
    public void Errors_that_are_not_about_methods_get_no_hint()
    {
        var error = RejectsTerminal(() => Orders.Select(o => o.Region).LastOrDefault(), "LastOrDefault(", "LastOrDefault", "OrderBy");
        Assert.That(error.Message, Does.Not.Contain("final Select"));
    }
}
