namespace Spark.Linq.Tests.Methods;

public class ScalarEqualsTests : MethodPlanTestBase
{
    [Test]
    public void Equals_on_scalars_is_CSharp_equality()
    {
        var when = new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);
        Assert.That(Filter(x => x.Count.Equals(5)), Is.EqualTo("(Count == 5)"));
        Assert.That(Filter(x => x.Maybe.Equals(5)), Is.EqualTo("(Maybe <=> 5)"));
        Assert.That(Filter(x => x.At.Equals(when)), Is.EqualTo("(At == TIMESTAMP 2024-01-02 00:00:00.000000Z)"));
        Assert.That(Filter(x => x.State.Equals(Status.Shipped)), Is.EqualTo("(State == 'Shipped')"));
    }

    [Test]
    public void GetValueOrDefault_is_coalesce_with_the_default()
    {
        var fallback = 7;
        Assert.That(Plan(x => x.Maybe.GetValueOrDefault()), Is.EqualTo("coalesce(Maybe, 0)"));
        Assert.That(Plan(x => x.Maybe.GetValueOrDefault(fallback)), Is.EqualTo("coalesce(Maybe, 7)"));
        Assert.That(Plan(x => x.Fee.GetValueOrDefault(x.Price)), Is.EqualTo("coalesce(Fee, Price)"));
    }
}
