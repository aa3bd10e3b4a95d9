using Spark.Linq.Tests.Untranslatable;

namespace Spark.Linq.Tests.Subqueries;

/// <summary>Correlated subqueries and aggregated GroupJoins that can't translate say what can.</summary>
public class CorrelatedRejectionTests : UntranslatableTestBase
{
    private ISparkQueryable<Customer> Customers => Spark.Table<Customer>("crm.customers");

    [Test]
    public void A_correlation_other_than_equality_names_the_supported_form()
    {
        var orders = Orders;
        var error = Rejects(Customers.Select(c => new { c.Name, N = orders.Count(o => o.CustomerId > c.Id) }), "(o.CustomerId > c.Id)", "Select", "o.CustomerId == c.Id");
        Assert.That(error.Reason, Does.Contain("compared by equality"));
    }

    [Test]
    public void A_correlation_after_a_select_asks_to_move_it_before()
    {
        var orders = Orders;
        Rejects(Customers.Select(c => new { c.Name, N = orders.Select(o => o.CustomerId).Count(id => id == c.Id) }), "(id == c.Id)", "Select", "Move the condition before the Select");
    }

    [Test]
    public void A_selector_that_reads_the_outer_row()
    {
        var orders = Orders;
        var error = Rejects(Customers.Select(c => new { c.Name, S = orders.Where(o => o.CustomerId == c.Id).Sum(o => o.Amount * c.Id) }), "Sum(o => ", "Select", "join the tables and GroupBy");
        Assert.That(error.Reason, Does.Contain("the lambda of Sum can't read the outer row"));
    }

    [Test]
    public void Max_of_a_non_nullable_value_of_a_correlated_query_shows_the_nullable_form()
    {
        var orders = Orders;
        var error = Rejects(Orders.Where(o => o.Amount > orders.Where(x => x.Region == o.Region).Average(x => x.Amount)), "Average(x => x.Amount)", "Where", "Average(x => (double?)x.Amount)");
        Assert.That(error.Reason, Does.Contain("LINQ throws for an empty sequence"));
    }

    [Test]
    public void Max_of_a_non_nullable_value_over_a_GroupJoins_group_shows_the_nullable_form() =>
        Rejects(from c in Customers join o in Orders on c.Id equals o.CustomerId into g select new { c.Name, M = g.Max(o => o.Quantity ?? 0) },
            "g.Max(o => ", "GroupJoin", "Max(o => (int?)(o.Quantity ?? 0))");

    [Test]
    public void An_element_operator_on_a_GroupJoins_group() =>
        Rejects(Customers.GroupJoin(Orders, c => c.Id, o => o.CustomerId, (c, os) => new { c.Name, First = os.First().Id }), "os.First()", "GroupJoin", "Count, LongCount, Sum");

    [Test]
    public void A_GroupJoins_groups_as_the_result() =>
        Rejects(Customers.GroupJoin(Orders, c => c.Id, o => o.CustomerId, (c, os) => os), "GroupJoin(", "GroupBy", "End the query with a Select");

    [Test]
    public void A_correlated_aggregate_in_an_ordering()
    {
        var orders = Orders;
        Rejects(Customers.OrderBy(c => orders.Count(o => o.CustomerId == c.Id)), "OrderBy(", "OrderBy", "Select first");
    }

    [Test]
    public void A_correlation_with_an_element_of_an_array_lambda()
    {
        var orders = Orders;
        var carts = Spark.Table<Nested.Cart>();
        Rejects(carts.Select(c => c.Items.Select(i => orders.Count(o => o.Region == i)).ToList()).Distinct(), "i", "Select", "Flatten the array first");
    }
}
