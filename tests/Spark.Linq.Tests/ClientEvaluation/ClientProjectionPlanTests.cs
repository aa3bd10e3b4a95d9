using System.Linq.Expressions;
using Spark.Linq.Query;
using Spark.Linq.Translation;

namespace Spark.Linq.Tests.ClientEvaluation;

/// <summary>
/// A final Select that calls methods Spark can't run: Spark computes what translates, the plan fetches
/// only the columns the client part reads, and the rest runs on the client per row.
/// </summary>
public class ClientProjectionPlanTests : PlanTestBase
{
    internal static string Shout(string text) => text.ToUpperInvariant() + "!";

    internal static string Pair(string a, string b) => a + "/" + b;

    internal static string Describe(Order order) => $"{order.Id}:{order.Region}";

    internal SparkQueryProvider Provider => (SparkQueryProvider)Orders.Provider;

    [Test]
    public void Only_the_columns_the_client_part_reads_are_fetched()
    {
        var query = Orders.Select(o => new { o.Id, Label = Shout(o.Region) });

        AssertPlan(query, """
            Project [Id AS Id, Region AS Region]
              Read sales.orders
            """);
        Assert.That(Provider.Translate(query.Expression).Client, Is.Not.Null);
    }

    [Test]
    public void Parts_Spark_can_compute_are_computed_there_and_fetched_as_one_column()
    {
        var query = Orders.Select(o => Shout(o.Region + "-" + o.CustomerId) + o.Amount.ToString("N2"));

        AssertPlan(query, """
            Project [concat(coalesce(Region, ''), '-', CAST(customer_id AS string)) AS _c0, Amount AS Amount]
              Read sales.orders
            """);
    }

    [Test]
    public void A_value_read_twice_is_fetched_once()
    {
        var query = Orders.Select(o => Pair(o.Region, o.Region));

        AssertPlan(query, """
            Project [Region AS Region]
              Read sales.orders
            """);
    }

    [Test]
    public void A_whole_row_handed_to_a_method_is_fetched_as_one_struct()
    {
        var query = Orders.Select(o => Describe(o));

        Assert.That(query.ToPlanString(), Does.StartWith("Project [named_struct('Id', Id, 'customer_id', customer_id, 'Amount', Amount"));
        Assert.That(query.ToPlanString(), Does.Contain(") AS o]"));
    }

    [Test]
    public void A_computed_not_mapped_member_is_read_from_the_fetched_row()
    {
        var query = Orders.Select(o => new { o.Id, o.Display });

        Assert.That(query.ToPlanString(), Does.StartWith("Project [Id AS Id, named_struct('Id', Id"));
    }

    [Test]
    public void A_translatable_final_Select_is_not_split()
    {
        var query = Orders.Select(o => new { o.Id, Upper = o.Region.ToUpper() });

        AssertPlan(query, """
            Project [Id AS Id, upper(Region) AS Upper]
              Read sales.orders
            """);
        Assert.That(Provider.Translate(query.Expression).Client, Is.Null);
    }

    [Test]
    public void Skip_and_Take_after_the_final_Select_page_the_fetched_rows()
    {
        var query = Orders.OrderBy(o => o.Id).Select(o => Shout(o.Region)).Skip(1).Take(2);

        AssertPlan(query, """
            Limit 2
              Offset 1
                Project [Region AS Region]
                  Sort [Id ASC NULLS FIRST]
                    Read sales.orders
            """);
        Assert.That(Provider.Translate(query.Expression).Client, Is.Not.Null);
    }

    [Test]
    public void First_after_the_final_Select_fetches_one_row_for_the_client_part()
    {
        var translated = Provider.Translate(((Expression<Func<string>>)(() => Orders.Select(o => Shout(o.Region)).First())).Body);

        Assert.That(translated.ResultKind, Is.EqualTo(QueryResultKind.First));
        Assert.That(translated.Client, Is.Not.Null);
        Assert.That(translated.Relation.Limit.Limit_, Is.EqualTo(1));
    }

    [Test]
    public void Count_after_the_final_Select_counts_on_Spark_without_the_client_part()
    {
        var translated = Provider.Translate(((Expression<Func<int>>)(() => Orders.Where(o => o.Amount > 5).Select(o => Shout(o.Region)).Count())).Body);

        Assert.That(translated.ResultKind, Is.EqualTo(QueryResultKind.Scalar));
        Assert.That(translated.Client, Is.Null, "no row reaches the client");
        Assert.That(translated.Relation.Aggregate, Is.Not.Null, "one global aggregate row");
    }

    [Test]
    public void Captured_values_in_the_client_part_are_read_per_execution()
    {
        var suffix = "?";
        var query = Orders.Select(o => Pair(o.Region, suffix));

        AssertPlan(query, """
            Project [Region AS Region]
              Read sales.orders
            """);
        Assert.That(Provider.Translate(query.Expression).Client!.Values, Is.EqualTo(new object[] { "?" }));
    }

    [Test]
    public void A_group_joins_the_client_part_through_its_key_and_aggregates()
    {
        var query = Orders.GroupBy(o => o.Region).Select(g => Pair(g.Key, g.Count().ToString()));

        Assert.That(query.ToPlanString(), Does.StartWith("Project [Key AS Key, CAST(count AS string) AS _c1]\n  Aggregate"));
    }
}
