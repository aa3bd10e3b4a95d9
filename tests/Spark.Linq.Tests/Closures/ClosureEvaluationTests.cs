using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Linq.Tests.Closures;

public class ClosureEvaluationTests : PlanTestBase
{
    private static int StaticThreshold = 17;
    private const int ConstThreshold = 23;
    private static string StaticRegion { get; } = "APAC";

    private readonly Settings _settings = new() { Limits = new Limits { Max = 99 } };

    private int GetThreshold() => 41;

    /// <summary>The literal compared with customer_id in <c>Where(o =&gt; o.CustomerId &gt; …)</c>.</summary>
    private static Literal RightLiteral(IQueryable<Order> query) =>
        query.ToRelation().Filter.Condition.UnresolvedFunction.Arguments[1].Literal;

    [Test]
    public void DateTime_Today_becomes_a_timestamp_literal()
    {
        var before = DateTime.Today;
        var relation = Orders.Where(o => o.PlacedAt >= DateTime.Today).ToRelation();
        var after = DateTime.Today;
        var literal = relation.Filter.Condition.UnresolvedFunction.Arguments[1].Literal;
        var micros = (long?)literal.Timestamp;
        Assert.That(literal.LiteralTypeCase, Is.EqualTo(Literal.LiteralTypeOneofCase.Timestamp), "Today is a local time, so an instant");
        Assert.That(micros, Is.EqualTo((before.ToUniversalTime() - DateTime.UnixEpoch).Ticks / 10).Or.EqualTo((after.ToUniversalTime() - DateTime.UnixEpoch).Ticks / 10));
    }

    [Test]
    public void Count_of_a_local_list_becomes_an_integer_literal()
    {
        var list = new List<string> { "a", "b", "c" };
        Assert.That(RightLiteral(Orders.Where(o => o.CustomerId > list.Count)), Is.EqualTo(new Literal { Integer = 3 }));
    }

    [Test]
    public void Method_calls_on_locals_and_this_become_literals()
    {
        var text = "abcdef";
        Assert.That(RightLiteral(Orders.Where(o => o.CustomerId > GetThreshold())), Is.EqualTo(new Literal { Integer = 41 }));
        Assert.That(RightLiteral(Orders.Where(o => o.CustomerId > text.IndexOf('d'))), Is.EqualTo(new Literal { Integer = 3 }));
        Assert.That(RightLiteral(Orders.Where(o => o.CustomerId > Math.Max(GetThreshold(), 50))), Is.EqualTo(new Literal { Integer = 50 }));
    }

    [Test]
    public void Static_fields_properties_and_constants_become_literals()
    {
        Assert.That(RightLiteral(Orders.Where(o => o.CustomerId > StaticThreshold)), Is.EqualTo(new Literal { Integer = 17 }));
        Assert.That(RightLiteral(Orders.Where(o => o.CustomerId > ConstThreshold)), Is.EqualTo(new Literal { Integer = 23 }));
        Assert.That(RightLiteral(Orders.Where(o => o.CustomerId > int.MaxValue)), Is.EqualTo(new Literal { Integer = int.MaxValue }));
        var plan = Orders.Where(o => o.Region == StaticRegion).ToPlanString();
        Assert.That(plan, Does.Contain("(Region <=> 'APAC')"));
    }

    [Test]
    public void Chains_of_fields_and_properties_on_captured_objects_become_literals() =>
        Assert.That(RightLiteral(Orders.Where(o => o.CustomerId > _settings.Limits!.Max)), Is.EqualTo(new Literal { Integer = 99 }));

    [Test]
    public void Nested_closures_read_the_variables_of_each_scope()
    {
        var outer = 10;
        IQueryable<Order> Inner(int delta)
        {
            var inner = outer + delta;
            return Orders.Where(o => o.CustomerId > inner + outer);
        }
        Func<int, IQueryable<Order>> lambda = d => Orders.Where(o => o.CustomerId > outer * d);
        Assert.That(RightLiteral(Inner(5)), Is.EqualTo(new Literal { Integer = 25 }));
        outer = 3;
        Assert.That(RightLiteral(lambda(4)), Is.EqualTo(new Literal { Integer = 12 }), "the current value, read when translated");
    }

    [Test]
    public void A_closure_that_throws_names_the_sub_expression_and_keeps_the_cause()
    {
        var broken = new Broken();
        var error = Assert.Throws<InvalidOperationException>(() => Orders.Where(o => o.CustomerId > broken.Value).ToRelation())!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("'broken.Value'"));
            Assert.That(error.Message, Does.Contain("InvalidCastException").And.Contain("no value configured"));
            Assert.That(error.Message, Does.Not.Contain("DisplayClass"));
            Assert.That(error.InnerException, Is.TypeOf<InvalidCastException>(), "the getter's own exception, not reflection's wrapper");
        });
    }

    [Test]
    public void A_throwing_method_call_in_a_closure_names_the_call()
    {
        var broken = new Broken();
        var error = Assert.Throws<InvalidOperationException>(() => Orders.Where(o => o.Region == broken.Describe(3)).ToRelation())!;
        Assert.That(error.Message, Does.Contain("broken.Describe(3)"));
        Assert.That(error.InnerException, Is.TypeOf<ArgumentException>());
    }

    [Test]
    public void A_null_in_a_captured_chain_names_the_null_part()
    {
        var settings = new Settings { Limits = null };
        var error = Assert.Throws<InvalidOperationException>(() => Orders.Where(o => o.CustomerId > settings.Limits!.Max).ToRelation())!;
        Assert.That(error.Message, Does.Contain("'settings.Limits.Max'").And.Contain("'settings.Limits' is null"));
    }

    private sealed class Settings
    {
        public Limits? Limits { get; init; }
    }

    private sealed class Limits
    {
        public int Max;
    }

    private sealed class Broken
    {
        public int Value => throw new InvalidCastException("no value configured");

        public string Describe(int n) => throw new ArgumentException($"cannot describe {n}");
    }
}
