namespace Spark.Linq.Tests.Chains;

/// <summary>Captured nullable values and nullable operands, under C# null semantics (the default).</summary>
public class NullableCaptureTests : PlanTestBase
{
    [Test]
    public void A_captured_null_becomes_isnull() { int? q = null; AssertPlan(Orders.Where(o => o.Quantity == q), "Filter isnull(Quantity)\n  Read sales.orders"); }

    [Test]
    public void A_captured_null_inequality_becomes_isnotnull() { int? q = null; AssertPlan(Orders.Where(o => o.Quantity != q), "Filter isnotnull(Quantity)\n  Read sales.orders"); }

    [Test]
    public void A_captured_nullable_value_uses_null_safe_equality_and_lifted_comparison()
    {
        int? q = 5;
        AssertPlan(Orders.Where(o => o.Quantity == q && o.Quantity > q), """
            Filter ((Quantity <=> 5) AND coalesce((Quantity > 5), false))
              Read sales.orders
            """);
    }

    [Test]
    public void A_captured_nullable_decimal_comparison()
    {
        decimal? d = 1.5m;
        AssertPlan(Orders.Where(o => o.Discount >= d), "Filter coalesce((Discount >= 1.5BD), false)\n  Read sales.orders");
    }

    [Test]
    public void Negated_lifted_comparison_stays_true_for_nulls()
    {
        int? q = 5;
        AssertPlan(Orders.Where(o => !(o.Quantity < q)), "Filter not(coalesce((Quantity < 5), false))\n  Read sales.orders");
    }

    [Test]
    public void A_captured_null_compared_with_a_non_nullable_column_after_select()
    {
        long? id = null;
        AssertPlan(Orders.Select(o => new { o.Id, o.Region }).Where(x => x.Id == id), """
            Filter isnull(Id)
              Project [Id AS Id, Region AS Region]
                Read sales.orders
            """);
    }
}

/// <summary>The same shapes under Spark's own null semantics: plain operators.</summary>
public class SqlNullSemanticsChainTests : PlanTestBase
{
    protected override SparkSessionOptions Options
    {
        get
        {
            var options = base.Options;
            options.NullSemantics = SparkNullSemantics.Sql;
            return options;
        }
    }

    [Test]
    public void A_captured_nullable_value_uses_plain_equality_and_comparison()
    {
        int? q = 5;
        AssertPlan(Orders.Where(o => o.Quantity == q && o.Quantity > q), """
            Filter ((Quantity == 5) AND (Quantity > 5))
              Read sales.orders
            """);
    }

    [Test]
    public void A_captured_null_still_becomes_isnull() { int? q = null; AssertPlan(Orders.Where(o => o.Quantity == q), "Filter isnull(Quantity)\n  Read sales.orders"); }

    [Test]
    public void Nullable_operands_after_a_projection()
    {
        AssertPlan(Orders.Select(o => new { o.Quantity, o.Note }).Where(x => x.Quantity != 3 && x.Note == "n"), """
            Filter (not((Quantity == 3)) AND (Note == 'n'))
              Project [Quantity AS Quantity, Note AS Note]
                Read sales.orders
            """);
    }
}
