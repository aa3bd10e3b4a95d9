using Spark.Connect.Protocol;
using Spark.DeepPlanProbe;
using Spark.Linq.Query;
using Spark.Linq.Testing;
using Spark.Testing;

namespace Spark.Linq.Tests.Testing;

/// <summary>
/// <see cref="QueryPlan.ToPlanString"/> is a snapshot: the same text for the same query in any session, after any
/// other translations, on a plan-cache hit, and in another process.
/// </summary>
public class PlanSnapshotTests : PlanTestBase
{
    // The representative query (PlanSnapshotScenario): a filter with a decimal, an enum, a UTC timestamp and a quoted
    // string, a join of two aliased tables, ordering, paging and a projection.
    private const string Expected =
        "Project [p.Id AS Id, r.Name AS Name, (p.Weight > 20m (decimal(2,0))) AS Heavy] #1\n" +
        "  Limit 10 #2\n" +
        "    Sort [p.Weight DESC NULLS LAST] #3\n" +
        "      Join Inner (p.recipient_id == r.Id) #4\n" +
        "        SubqueryAlias p #5\n" +
        "          Filter ((((Weight > 2.50m (decimal(3,2))) AND not((Status == ParcelStatus.Shipped (3: int)))) AND " +
        "(SentAt >= new DateTime(2024, 1, 31, 12, 30, 0, DateTimeKind.Utc) (timestamp))) AND (Carrier <=> \"O'Hare \\\"Express\\\"\" (string))) #6\n" +
        "            Read parcels #7\n" +
        "        SubqueryAlias r #8\n" +
        "          Read recipients #9";

    [Test]
    public void The_representative_query_has_the_expected_snapshot() =>
        Assert.That(PlanSnapshotScenario.Representative(Spark).ToQueryPlan().ToPlanString(), Is.EqualTo(Expected));

    [Test]
    public async Task Two_fresh_sessions_give_the_same_snapshot_whatever_they_translated_before()
    {
        await using var other = SparkSession.Connect(Options);
        for (var i = 0; i < 5; i++) other.Table<Parcel>().Where(p => p.Id > i).Take(i + 1).ToQueryPlan();

        var first = PlanSnapshotScenario.Representative(Spark).ToQueryPlan().ToPlanString();
        var second = PlanSnapshotScenario.Representative(other).ToQueryPlan().ToPlanString();

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Another_process_prints_the_same_snapshot()
    {
        // A child process has its own string hash seeds and its own translation history (it translates 7 queries first).
        var run = DeepPlanProbeRun.Start("plan-snapshot", 7);

        Assert.That(run.Survived, Is.True, run.ToString());
        Assert.That(run.Line("snapshot"), Is.EqualTo("OK snapshot: " + Expected.Replace("\n", " | ", StringComparison.Ordinal)));
    }

    [Test]
    public void A_plan_cache_hit_spells_the_new_values_with_the_types_of_the_first_translation()
    {
        var cache = ((SparkQueryProvider)Spark.Table<Shipment>().Provider).Cache;
        string Snapshot(ShipmentStatus status, decimal weight) =>
            Spark.Table<Shipment>().Where(s => s.Status == status && s.Weight > weight).ToQueryPlan().ToPlanString(includeNodeNumbers: false);

        var first = Snapshot(ShipmentStatus.Packed, 1.5m);
        var hits = cache.Hits;
        var second = Snapshot(ShipmentStatus.Shipped, 20m);

        Assert.That(cache.Hits, Is.EqualTo(hits + 1), "the second query must come from the cache");
        Assert.That(first, Is.EqualTo("Filter ((Status == ShipmentStatus.Packed (2: int)) AND (Weight > 1.5m (decimal(2,1))))\n  Read shipments"));
        Assert.That(second, Is.EqualTo("Filter ((Status == ShipmentStatus.Shipped (3: int)) AND (Weight > 20m (decimal(2,0))))\n  Read shipments"));
    }

    [Test]
    public void Node_numbers_do_not_depend_on_the_plan_ids_and_references_to_plan_ids_follow_the_renumbering()
    {
        var relation = Spark.Table<Shipment>().Where(s => s.Parcels > 1L).ToRelation();
        var shifted = relation.Clone();
        shifted.Common.PlanId += 1000;
        shifted.Filter.Input.Common.PlanId += 1000;
        // A column reference naming the Read node by its plan id, as DataFrame clients write df["col"].
        shifted.Filter.Condition.UnresolvedFunction.Arguments[0].UnresolvedAttribute.PlanId = shifted.Filter.Input.Common.PlanId;

        Assert.That(QueryPlan.From(relation).ToPlanString(), Is.EqualTo("Filter (Parcels > 1L (bigint)) #1\n  Read shipments #2"));
        Assert.That(QueryPlan.From(shifted).ToPlanString(), Is.EqualTo("Filter (Parcels#2 > 1L (bigint)) #1\n  Read shipments #2"));
    }

    [Test]
    public void Relations_without_a_spelling_of_their_own_still_show_every_field()
    {
        var relation = new Relation
        {
            Common = new RelationCommon { PlanId = 5 },
            Drop = new Drop { Input = Spark.Table<Shipment>().ToRelation(), ColumnNames = { "Carrier", "Grade" } },
        };

        Assert.That(QueryPlan.From(relation).ToPlanString(), Is.EqualTo("Drop column_names=[\"Carrier\", \"Grade\"] #1\n  Read shipments #2"));
    }
}
