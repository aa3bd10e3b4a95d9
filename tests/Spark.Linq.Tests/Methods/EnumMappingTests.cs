namespace Spark.Linq.Tests.Methods;

public class EnumMappingTests : MethodPlanTestBase
{
    [Test]
    public void Enums_stored_as_names_compare_with_the_name_literal()
    {
        Assert.That(Filter(x => x.State == Status.Shipped), Is.EqualTo("(State == 'Shipped')"));
        Assert.That(Filter(x => Status.Pending == x.State), Is.EqualTo("('Pending' == State)"));
    }

    [Test]
    public void Captured_enum_values_become_name_literals()
    {
        var wanted = Status.Cancelled;
        Assert.That(Filter(x => x.State != wanted), Is.EqualTo("not((State == 'Cancelled'))"));
    }

    [Test]
    public void Nullable_enums_stored_as_names_keep_CSharp_null_semantics()
    {
        Assert.That(Filter(x => x.MaybeState == Status.Pending), Is.EqualTo("(MaybeState <=> 'Pending')"));
        Assert.That(Filter(x => x.MaybeState == null), Is.EqualTo("isnull(MaybeState)"));
    }

    [Test]
    public void Enums_stored_as_numbers_keep_comparing_numbers()
    {
        Assert.That(Filter(x => x.Code == Status.Shipped), Is.EqualTo("(Code == 1)"));
        Assert.That(Filter(x => x.Code > Status.Pending), Is.EqualTo("(Code > 0)"));
    }

    [Test]
    public void Local_collections_of_enums_match_names_or_numbers_as_stored()
    {
        var wanted = new[] { Status.Pending, Status.Shipped };
        Assert.That(Filter(x => wanted.Contains(x.State)), Is.EqualTo("in(State, 'Pending', 'Shipped')"));
        Assert.That(Filter(x => wanted.Contains(x.Code)), Is.EqualTo("in(Code, 0, 1)"));
    }

    [Test]
    public void Ordering_comparisons_on_enums_stored_as_names_are_rejected()
    {
        var message = Rejects(Events.Where(x => x.State > Status.Pending));
        Assert.That(message, Does.Contain("Status is stored as names"));
    }

    [Test]
    public void Comparing_an_enum_stored_as_names_with_a_number_column_is_rejected()
    {
        var message = Rejects(Events.Where(x => x.State == x.Code));
        Assert.That(message, Does.Contain("Status is stored as names"));
    }

    [Test]
    public void Two_members_stored_as_names_compare_directly()
    {
        Assert.That(Filter(x => x.MaybeState == x.State), Is.EqualTo("(MaybeState <=> State)"));
    }

    [Test]
    public void Casting_an_enum_stored_as_names_to_its_number_maps_names_back()
    {
        Assert.That(Plan(x => (int)x.State), Is.EqualTo("when((State == 'Pending'), 0, (State == 'Shipped'), 1, (State == 'Cancelled'), 2, NULL)"));
        Assert.That(Plan(x => (int)x.Code), Is.EqualTo("Code"));
    }
}
