using Spark.Linq.Tests.Untranslatable;

namespace Spark.Linq.Tests.Subqueries;

public class SubqueryRejectionTests : UntranslatableTestBase
{
    [Test]
    public void An_uncorrelated_Any_inside_an_or()
    {
        var orders = Orders;
        Rejects(Orders.Where(o => o.Shipped || orders.Any(x => x.Id > 5)), "Any", "Where", "condition of its own in Where");
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
