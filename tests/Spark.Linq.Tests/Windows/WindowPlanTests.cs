using static Spark.Linq.Tests.Golden.Goldens;
using Spark.Linq.Tests.Untranslatable;
using FrameType = Spark.Connect.Protocol.Expression.Types.Window.Types.WindowFrame.Types.FrameType;

namespace Spark.Linq.Tests.Windows;

public class WindowPlanTests : UntranslatableTestBase
{
    [Test]
    public void Row_number_rank_and_dense_rank_over_a_partitioned_ordered_window()
    {
        var query = Orders.Select(o => new
        {
            o.Id,
            N = SparkFunctions.RowNumber(Window.PartitionBy(o.Region).OrderByDescending(o.Amount)),
            R = SparkFunctions.Rank(Window.PartitionBy(o.Region, o.Shipped).OrderBy(o.PlacedAt).ThenByDescending(o.Id)),
            D = SparkFunctions.DenseRank(Window.OrderBy(o.Amount)),
        });
        AssertPlan(query, """
            Project [Id AS Id, row_number() OVER (PARTITION BY Region ORDER BY Amount DESC NULLS LAST) AS N, rank() OVER (PARTITION BY Region, Shipped ORDER BY PlacedAt ASC NULLS FIRST, Id DESC NULLS LAST) AS R, dense_rank() OVER (ORDER BY Amount ASC NULLS FIRST) AS D]
              Read sales.orders
            """);
    }

    [Test]
    public void Top_N_per_group_is_a_row_number_then_a_filter_on_it()
    {
        var top = 3;
        var query = Orders
            .Select(o => new { o.Id, o.Region, Rank = SparkFunctions.RowNumber(Window.PartitionBy(o.Region).OrderByDescending(o.Amount)) })
            .Where(x => x.Rank <= top)
            .Select(x => new { x.Region, x.Id });
        AssertPlan(query, """
            Project [Region AS Region, Id AS Id]
              Filter (Rank <= 3)
                Project [Id AS Id, Region AS Region, row_number() OVER (PARTITION BY Region ORDER BY Amount DESC NULLS LAST) AS Rank]
                  Read sales.orders
            """);
    }

    [Test]
    public void A_window_in_a_join_result_selector_is_projected_at_once_so_a_filter_on_it_is_valid()
    {
        var customers = Spark.Table<Customer>("crm.customers");
        var query = from c in customers
                    join o in Orders on c.Id equals o.CustomerId
                    select new { c.Name, o.Amount, Rank = SparkFunctions.Rank(Window.PartitionBy(c.Name).OrderByDescending(o.Amount)) } into x
                    where x.Rank <= 2
                    select x;
        AssertPlan(query, """
            Filter (Rank <= 2)
              Project [c.Name AS Name, o.Amount AS Amount, rank() OVER (PARTITION BY c.Name ORDER BY o.Amount DESC NULLS LAST) AS Rank]
                Join Inner (c.Id == o.customer_id)
                  SubqueryAlias c
                    Read crm.customers
                  SubqueryAlias o
                    Read sales.orders
            """);
    }

    [Test]
    public void Lag_lead_running_sums_and_moving_averages()
    {
        var query = Orders.Select(o => new
        {
            Previous = SparkFunctions.Lag((double?)o.Amount, Window.PartitionBy(o.Region).OrderBy(o.PlacedAt)),
            Next = SparkFunctions.Lead(o.Amount, 2, 0.0, Window.OrderBy(o.PlacedAt)),
            Running = SparkFunctions.Sum(o.Amount, Window.PartitionBy(o.Region).OrderBy(o.PlacedAt)),
            Moving = SparkFunctions.Average(o.Amount, Window.OrderBy(o.PlacedAt).RowsBetween(-2, Window.CurrentRow)),
            Total = SparkFunctions.Sum(o.Amount, Window.PartitionBy(o.Region).OrderBy(o.PlacedAt).RowsBetween(Window.UnboundedPreceding, Window.UnboundedFollowing)),
            Week = SparkFunctions.Count(o.Id, Window.OrderBy(o.CustomerId).RangeBetween(-7, 7)),
            All = SparkFunctions.Max(o.Amount, Window.PartitionBy()),
        });
        AssertPlan(query, """
            Project [lag(Amount) OVER (PARTITION BY Region ORDER BY PlacedAt ASC NULLS FIRST) AS Previous, lead(Amount, 2, 0D) OVER (ORDER BY PlacedAt ASC NULLS FIRST) AS Next, sum(Amount) OVER (PARTITION BY Region ORDER BY PlacedAt ASC NULLS FIRST) AS Running, avg(Amount) OVER (ORDER BY PlacedAt ASC NULLS FIRST ROWS BETWEEN -2 AND CURRENT ROW) AS Moving, sum(Amount) OVER (PARTITION BY Region ORDER BY PlacedAt ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS Total, count(Id) OVER (ORDER BY customer_id ASC NULLS FIRST RANGE BETWEEN -7L AND 7L) AS Week, max(Amount) OVER () AS All]
              Read sales.orders
            """);
    }

    [Test]
    public void Windows_are_the_official_window_expressions()
    {
        var ours = Orders.Select(o => new
        {
            A = SparkFunctions.RowNumber(Window.PartitionBy(o.Region).OrderBy(o.Id)),
            B = SparkFunctions.Min(o.Id, Window.OrderBy(o.Region).RowsBetween(2, 3)),
            C = SparkFunctions.Min(o.Id, Window.OrderBy(o.Region).RangeBetween(2, 3)),
        }).ToRelation().Project.Expressions.Select(e => e.Alias.Expr.Window).ToList();
        var rowNumber = Projected("function_row_number").Window;
        var rows = Projected("window", 4).Window;
        var range = Projected("window", 5).Window;
        Assert.Multiple(() =>
        {
            Assert.That(ours[0].WindowFunction, Is.EqualTo(rowNumber.WindowFunction));
            Assert.That(ours[0].OrderSpec[0].Direction, Is.EqualTo(rowNumber.OrderSpec[0].Direction));
            Assert.That(ours[0].OrderSpec[0].NullOrdering, Is.EqualTo(rowNumber.OrderSpec[0].NullOrdering));
            Assert.That(ours[1].FrameSpec, Is.EqualTo(rows.FrameSpec), "ROWS BETWEEN 2 AND 3 with int literals");
            Assert.That(ours[2].FrameSpec, Is.EqualTo(range.FrameSpec), "RANGE BETWEEN 2 AND 3 with long literals");
            Assert.That(range.FrameSpec.FrameType, Is.EqualTo(FrameType.Range));
        });
    }

    [TestCase("function_rank", "rank")]
    [TestCase("function_dense_rank", "dense_rank")]
    [TestCase("function_percent_rank", "percent_rank")]
    [TestCase("function_cume_dist", "cume_dist")]
    [TestCase("function_lag", "lag")]
    [TestCase("function_lead", "lead")]
    [TestCase("function_ntile", "ntile")]
    public void Window_function_names_are_the_official_ones(string golden, string name)
    {
        var ours = Orders.Select(o => new
        {
            A = SparkFunctions.Rank(Window.OrderBy(o.Id)),
            B = SparkFunctions.DenseRank(Window.OrderBy(o.Id)),
            C = SparkFunctions.PercentRank(Window.OrderBy(o.Id)),
            D = SparkFunctions.CumeDist(Window.OrderBy(o.Id)),
            E = SparkFunctions.Lag(o.Note, 1, Window.OrderBy(o.Id)),
            F = SparkFunctions.Lead(o.Note, 2, "dv", Window.OrderBy(o.Id)),
            G = SparkFunctions.NTile(4, Window.OrderBy(o.Id)),
        }).ToRelation().Project.Expressions.Select(e => e.Alias.Expr.Window.WindowFunction.UnresolvedFunction).ToList();
        var theirs = Projected(golden).Window.WindowFunction.UnresolvedFunction;
        var match = ours.Single(f => f.FunctionName == theirs.FunctionName);
        Assert.That(match.FunctionName, Is.EqualTo(name));
        // Ours leave out the ignoreNulls flag the Scala test sets; the leading arguments line up.
        Assert.That(match.Arguments.Select(Signature), Is.EqualTo(theirs.Arguments.Take(match.Arguments.Count).Select(Signature)));
    }

    [Test]
    public void Rejects_a_window_function_in_Where() =>
        Rejects(Orders.Where(o => SparkFunctions.RowNumber(Window.OrderBy(o.Id)) <= 3), "RowNumber", "Where", "Select the value into a member first");

    [Test]
    public void Rejects_a_frame_bound_from_the_row() =>
        Rejects(Orders.Select(o => SparkFunctions.Sum(o.Amount, Window.OrderBy(o.Id).RowsBetween(-o.Id, 0))), "RowsBetween", "Select", "constant");
}
