using static Spark.Linq.Tests.Golden.Goldens;

namespace Spark.Linq.Tests.Joins;

/// <summary>Our joins against the official client's <c>left.alias("l").join(right.alias("r"), col("l.a") === col("r.a"))</c>.</summary>
public class JoinAlignmentTests : PlanTestBase
{
    private ISparkQueryable<Customer> Customers => Spark.Table<Customer>("crm.customers");

    [Test]
    public void Inner_join_has_the_official_shape_aliases_qualified_columns_and_plan_id_order()
    {
        var ours = (from o in Orders join c in Customers on o.CustomerId equals c.Id select o.Id).ToRelation().Project.Input;
        var theirs = Load("join_inner_condition");
        Assert.Multiple(() =>
        {
            Assert.That(ours.Join.JoinType, Is.EqualTo(theirs.Join.JoinType));
            Assert.That(ours.Join.Left.RelTypeCase, Is.EqualTo(theirs.Join.Left.RelTypeCase), "left side under a SubqueryAlias");
            Assert.That(ours.Join.Right.RelTypeCase, Is.EqualTo(theirs.Join.Right.RelTypeCase), "right side under a SubqueryAlias");
            Assert.That(OurSpelling(Signature(theirs.Join.JoinCondition)), Is.EqualTo(Signature(ours.Join.JoinCondition)));
            Assert.That(ours.Join.JoinCondition.UnresolvedFunction.Arguments.Select(a => a.UnresolvedAttribute.UnparsedIdentifier),
                Is.EqualTo(new[] { ours.Join.Left.SubqueryAlias.Alias + ".customer_id", ours.Join.Right.SubqueryAlias.Alias + ".Id" }));
            var ids = new[] { ours.Join.Left.SubqueryAlias.Input.Common.PlanId, ours.Join.Left.Common.PlanId, ours.Join.Right.SubqueryAlias.Input.Common.PlanId, ours.Join.Right.Common.PlanId, ours.Common.PlanId };
            var golden = new[] { theirs.Join.Left.SubqueryAlias.Input.Common.PlanId, theirs.Join.Left.Common.PlanId, theirs.Join.Right.SubqueryAlias.Input.Common.PlanId, theirs.Join.Right.Common.PlanId, theirs.Common.PlanId };
            Assert.That(ids, Is.EqualTo(golden));
        });
    }

    [Test]
    public void Left_join_is_the_official_left_outer_join_type()
    {
        var ours = Orders.LeftJoin(Customers, o => o.CustomerId, c => c.Id, (o, c) => o.Id).ToRelation().Project.Input.Join;
        Assert.That(ours.JoinType, Is.EqualTo(global::Spark.Connect.Protocol.Join.Types.JoinType.LeftOuter));
        // join_using_multiple_col_seq is the official right_outer; its enum sits next to ours in the same field.
        Assert.That(Load("join_using_multiple_col_seq").Join.JoinType, Is.EqualTo(global::Spark.Connect.Protocol.Join.Types.JoinType.RightOuter));
    }
}
