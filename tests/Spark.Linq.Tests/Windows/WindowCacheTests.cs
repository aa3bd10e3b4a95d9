using Spark.Linq.Tests.Caching;

namespace Spark.Linq.Tests.Windows;

public class WindowCacheTests : CacheTestBase
{
    [Test]
    public void A_captured_frame_bound_shapes_the_plan_so_each_value_gets_its_own_correct_plan()
    {
        IQueryable<double> Query(long back) => Orders.Select(o => SparkFunctions.Average(o.Amount, Window.OrderBy(o.Id).RowsBetween(back, Window.CurrentRow)));
        var two = Query(-2).ToRelation();
        var current = Query(0).ToRelation();
        Assert.Multiple(() =>
        {
            Assert.That(two, Is.EqualTo(Fresh(Query(-2))));
            Assert.That(current, Is.EqualTo(Fresh(Query(0))));
            Assert.That(current.Project.Expressions[0].Alias.Expr.Window.FrameSpec.Lower.CurrentRow, Is.True);
            Assert.That(Query(-5).ToRelation(), Is.EqualTo(Fresh(Query(-5))));
        });
    }

    [Test]
    public void Captured_values_in_window_arguments_rebind() =>
        AssertRebinds(fallback => Orders.Select(o => new { o.Id, Next = SparkFunctions.Lead(o.Amount, 1, fallback, Window.OrderBy(o.Id)) }), 0.0, 1.5, -3.0);
}
