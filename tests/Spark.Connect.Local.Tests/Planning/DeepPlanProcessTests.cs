using Spark.Testing;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>
/// Deep plans given to the planner directly (not through gRPC, whose decoding has its own limit), in a child
/// process with a thread-pool-sized stack (<c>tests/Spark.DeepPlanProbe</c>): a regressed depth budget would end
/// that process with a stack overflow, not the test host.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class DeepPlanProcessTests
{
    private const string TooComplex = "LocalEngineException FAILED_TO_PARSE_TOO_COMPLEX";

    [Test]
    public void Relations_a_hundred_thousand_levels_deep_are_refused_naming_the_limit()
    {
        var run = DeepPlanProbeRun.Start("server-plan", 100_000);

        Assert.That(run.Survived, run.ToString());
        Assert.That(run.Line("100000 filters"), Does.Contain(TooComplex).And.Contain("200,003 protobuf levels deep, more than the 1,024"));
        Assert.That(run.Line("100000 additions"), Does.Contain(TooComplex).And.Contain("more than the 1,024"));
    }

    [Test]
    public void Every_shape_at_the_servers_nesting_limit_runs_or_is_refused_clearly_and_one_level_more_is_refused()
    {
        var run = DeepPlanProbeRun.Start("server-limit");

        Assert.That(run.Survived, run.ToString());
        foreach (var shape in new[] { "filters", "projects", "unions", "arrays" })
        {
            // Relations nested this deep become SQL nested deeper than DuckDB binds: refused clearly, or run.
            Assert.That(run.Line($"{shape} at the limit"), Does.Contain(TooComplex).Or.Match("^OK .*: nested [0-9]+ times, [0-9]+ rows$"));
        }
        // Expressions nested to the limit plan and run, with the right rows (people has ids 0 to 4).
        Assert.That(Rows(run.Line("ors at the limit")), Is.EqualTo(2), "id = 0 or id = 1 or id = 1 …");
        Assert.That(Rows(run.Line("whens at the limit")), Is.EqualTo(5));
        Assert.That(Rows(run.Line("aliases at the limit")), Is.EqualTo(5));
        var nots = run.Line("nots at the limit");
        Assert.That(Rows(nots), Is.EqualTo(Times(nots) % 2 == 1 ? 1 : 4), "an odd number of nots over id > 0 keeps id 0 only");
        foreach (var shape in new[] { "filters", "projects", "unions", "arrays", "ors", "nots", "whens", "aliases" })
        {
            // One level beyond what the server decodes is refused by the planner's own measure, before anything recurses.
            Assert.That(run.Line($"{shape} over the limit"), Does.Contain(TooComplex).And.Contain("more than the 1,024 the local engine plans"));
        }
        // Views read through views add up past the planner's nesting budget.
        Assert.That(run.Line("views of views"), Does.Contain(TooComplex).And.Contain("more than 1,000 levels deep"));
    }

    [Test]
    public void A_data_type_nested_a_hundred_thousand_levels_in_ddl_is_refused_naming_the_limit()
    {
        var run = DeepPlanProbeRun.Start("server-ddl", 100_000);

        Assert.That(run.Survived, run.ToString());
        Assert.That(run.Line("100000 nested arrays"), Does.Contain(TooComplex).And.Contain("more than 1,000 levels deep"));
    }

    private static int Times(string line) => Number(line, "nested ", " times");

    private static int Rows(string line) => Number(line, "times, ", " rows");

    private static int Number(string line, string before, string after)
    {
        Assert.That(line, Does.Match("^OK .*: nested [0-9]+ times, [0-9]+ rows$"));
        var start = line.IndexOf(before, StringComparison.Ordinal) + before.Length;
        return int.Parse(line[start..line.IndexOf(after, start, StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }
}
