using Spark.Linq.Tests.Untranslatable;

namespace Spark.Linq.Tests.SetOperations;

public class SetOperationRejectionTests : UntranslatableTestBase
{
    [Test]
    public void A_comparer() =>
        Rejects(Orders.Select(o => o.Region).Union(Orders.Select(o => o.Region), StringComparer.OrdinalIgnoreCase), "Union(", "Union", "ToLower()");

    [Test]
    public void A_local_collection() =>
        Rejects(Orders.Select(o => o.Id).Concat(new[] { 1L, 2L }), "Int64[]", "Concat", "Spark queries");
}
