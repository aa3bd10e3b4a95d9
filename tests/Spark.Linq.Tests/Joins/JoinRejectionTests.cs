using Spark.Linq.Tests.Untranslatable;

namespace Spark.Linq.Tests.Joins;

public class JoinRejectionTests : UntranslatableTestBase
{
    private ISparkQueryable<Customer> Customers => Spark.Table<Customer>("crm.customers");

    [Test]
    public void SelectMany_over_a_GroupJoin_that_does_not_flatten_the_group() =>
        Rejects(Orders.GroupJoin(Customers, o => o.CustomerId, c => c.Id, (o, cs) => new { o, cs }).SelectMany(x => x.cs.Take(1), (x, c) => c.Name),
            "x.cs.Take(1)", "SelectMany", "DefaultIfEmpty");

    [Test]
    public void A_join_comparer() =>
        Rejects(Orders.Join(Customers, o => o.Note, c => c.Name, (o, c) => o.Id, StringComparer.OrdinalIgnoreCase), "Join(", "Join", "ToLower()");

    [Test]
    public void Joining_a_local_collection() =>
        Rejects(Orders.Join(new[] { new Customer(1, "a", null) }, o => o.CustomerId, c => c.Id, (o, c) => o.Id), "Customer", "Join", "Spark queries");

    [Test]
    public void Joining_the_groups_of_a_GroupBy() =>
        Rejects(Orders.Join(Orders.GroupBy(o => o.CustomerId), o => o.CustomerId, g => g.Key, (o, g) => o.Id), "GroupBy", "Join", "Select from the groups first");
}
