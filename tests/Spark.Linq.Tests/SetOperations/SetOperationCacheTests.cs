using Spark.Linq.Tests.Caching;

namespace Spark.Linq.Tests.SetOperations;

public class SetOperationCacheTests : CacheTestBase
{
    [Test]
    public void Captured_values_on_both_sides_rebind() =>
        AssertRebinds(min => Orders.Where(o => o.Amount > min).Select(o => o.Id).Except(Orders.Where(o => o.Amount > min * 10).Select(o => o.Id)), 1.0, 2.0, 3.5);
}
