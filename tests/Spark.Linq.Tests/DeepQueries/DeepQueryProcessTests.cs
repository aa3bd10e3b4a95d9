using Spark.Testing;

namespace Spark.Linq.Tests.DeepQueries;

/// <summary>
/// The queries that overflowed the stack (issue 12), each run in a child process with a thread-pool-sized
/// stack (<c>tests/Spark.DeepPlanProbe</c>): if a depth budget regressed, the overflow ends that process, and
/// the test fails instead of the test host dying with it.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class DeepQueryProcessTests
{
    [Test]
    public void Five_thousand_ors_from_a_predicate_builder_return_exactly_their_rows()
    {
        var run = DeepPlanProbeRun.Start("linq-or-rows", 5000);

        Assert.That(run.Survived, run.ToString());
        Assert.That(run.Line("5000 ors"), Is.EqualTo("OK 5000 ors: 5000 rows, the expected ids"));
    }

    [Test]
    public void Five_thousand_ors_translate_print_and_serialize()
    {
        var run = DeepPlanProbeRun.Start("linq-or-plan", 5000);

        Assert.That(run.Survived, run.ToString());
        Assert.That(run.Line("5000 ors"), Does.StartWith("OK 5000 ors: plan of"));
    }

    [Test]
    public void Five_thousand_additions_are_refused_naming_the_depth_limit()
    {
        var run = DeepPlanProbeRun.Start("linq-add", 5000);

        Assert.That(run.Survived, run.ToString());
        Assert.That(run.Line("5000 additions"), Does.StartWith("ERROR 5000 additions: SparkTranslationException:")
            .And.Contain("more than 1,000 levels deep"));
    }

    [Test]
    public void Seventy_seven_hundred_chained_wheres_are_refused_naming_the_depth_limit()
    {
        var run = DeepPlanProbeRun.Start("linq-where", 7700);

        Assert.That(run.Survived, run.ToString());
        Assert.That(run.Line("7700 chained wheres"), Does.StartWith("ERROR 7700 chained wheres: SparkTranslationException:")
            .And.Contain("more than 1,000 levels deep"));
    }

    [Test]
    public void Three_hundred_chained_wheres_give_linq_to_objects_rows_through_the_local_planner()
    {
        var run = DeepPlanProbeRun.Start("local-where", 300);

        Assert.That(run.Survived, run.ToString());
        // 1,200 items, of which the 300 wheres drop the ids 1, 4, 7, …, 898.
        Assert.That(run.Line("300 chained wheres"), Is.EqualTo("OK 300 chained wheres: 900 rows, as LINQ to Objects"));
    }

    [Test]
    public void A_relation_a_hundred_thousand_levels_deep_is_refused_before_it_is_serialized()
    {
        var run = DeepPlanProbeRun.Start("client-send", 100_000);

        Assert.That(run.Survived, run.ToString());
        foreach (var call in new[] { "execute", "analyze" })
        {
            Assert.That(run.Line($"{call} 100000 filters"), Does.StartWith($"ERROR {call} 100000 filters: SparkPlanTooDeepException:")
                .And.Contain("more than the limit of 1,024 (SparkConnectClientOptions.MaxPlanDepth)"));
        }
    }

    [Test]
    public void A_relation_within_the_limit_reaches_the_transport()
    {
        var run = DeepPlanProbeRun.Start("client-send", 300);

        Assert.That(run.Survived, run.ToString());
        Assert.That(run.Line("execute 300 filters"), Does.Contain("GrpcException").And.Contain("sent"));
        Assert.That(run.Line("analyze 300 filters"), Does.Contain("GrpcException").And.Contain("sent"));
    }
}
