using Spark.Linq.Tests.Untranslatable;

namespace Spark.Linq.Tests.Subqueries;

public class SubqueryRejectionTests : UntranslatableTestBase
{
    [Test]
    public void A_correlated_aggregate()
    {
        var orders = Orders;
        Rejects(Orders.Where(o => o.Amount > orders.Where(x => x.Region == o.Region).Average(x => x.Amount)), "Average", "Where", "Join the tables and GroupBy");
    }

    [Test]
    public void Any_inside_an_or()
    {
        var orders = Orders;
        Rejects(Orders.Where(o => o.Shipped || orders.Any(x => x.Id == o.Id)), "Any", "Where", "condition of its own in Where");
    }

    [Test]
    public void A_scalar_subquery_in_an_ordering()
    {
        var orders = Orders;
        Rejects(Orders.OrderBy(o => o.Amount - orders.Average(x => x.Amount)), "OrderBy(", "OrderBy", "Select first");
    }

    [Test]
    public void Contains_over_whole_rows()
    {
        var orders = Orders;
        Rejects(Orders.Where(o => orders.Contains(o)), "Contains", "Where", "Select the value first");
    }

    [Test]
    public void A_scalar_subquery_in_a_terminal_selector()
    {
        var orders = Orders;
        RejectsTerminal(() => Orders.Sum(o => o.Amount / orders.Sum(x => x.Amount)), "Sum(", "Sum", "Select first");
    }
}
