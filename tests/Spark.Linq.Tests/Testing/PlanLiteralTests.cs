using Spark.Linq.Testing;

namespace Spark.Linq.Tests.Testing;

/// <summary>
/// Literals in plan snapshots read like the C# that produced them: enum members by name with the number (or name)
/// Spark receives, C# suffixes and constructors, and Spark's type beside each.
/// </summary>
public class PlanLiteralTests : PlanTestBase
{
    private ISparkQueryable<Shipment> Shipments => Spark.Table<Shipment>();

    private string Literal(System.Linq.Expressions.Expression<Func<Shipment, bool>> predicate) =>
        Shipments.Where(predicate).ToQueryPlan().Literals.Single().Text;

    [Test]
    public void An_enum_constant_compared_with_a_member_is_spelt_by_name_with_its_number()
    {
        var literal = Shipments.Where(s => s.Status == ShipmentStatus.Shipped).ToQueryPlan().Literals.Single();

        Assert.Multiple(() =>
        {
            Assert.That(literal.Text, Is.EqualTo("ShipmentStatus.Shipped (3: int)"));
            Assert.That(literal.CSharp, Is.EqualTo("ShipmentStatus.Shipped"));
            Assert.That(literal.SparkValue, Is.EqualTo("3"));
            Assert.That(literal.ClrType, Is.EqualTo(typeof(ShipmentStatus)));
            Assert.That(literal.IsEnum, Is.True);
            Assert.That(literal.ClrTypeIsFromQuery, Is.True);
        });
    }

    [Test]
    public void Captured_reversed_nullable_and_ordered_enum_comparisons_name_the_member()
    {
        var status = ShipmentStatus.Packed;

        Assert.Multiple(() =>
        {
            Assert.That(Literal(s => s.Status == status), Is.EqualTo("ShipmentStatus.Packed (2: int)"));
            Assert.That(Literal(s => ShipmentStatus.Pending == s.Status), Is.EqualTo("ShipmentStatus.Pending (1: int)"));
            Assert.That(Literal(s => s.PreviousStatus == status), Is.EqualTo("ShipmentStatus.Packed (2: int)"));
            Assert.That(Literal(s => s.Status >= ShipmentStatus.Packed), Is.EqualTo("ShipmentStatus.Packed (2: int)"));
        });
    }

    [Test]
    public void A_captured_value_names_what_it_was_read_from_and_a_constant_does_not()
    {
        var status = ShipmentStatus.Packed;
        var literals = Shipments.Where(s => s.Status == status && s.Weight > 1m).ToQueryPlan().Literals;

        Assert.That(literals.Select(l => l.CapturedFrom), Is.EqualTo(new[] { "status", null }));
    }

    [Test]
    public void Flag_combinations_undefined_numbers_and_members_stored_as_names_read_like_CSharp()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Literal(s => s.Handling == (Handling.Fragile | Handling.Cold)), Is.EqualTo("Handling.Fragile | Handling.Cold (3: int)"));
            Assert.That(Literal(s => s.Status == (ShipmentStatus)7), Is.EqualTo("(ShipmentStatus)7 (7: int)"));
            Assert.That(Literal(s => s.Stage == ShipmentStatus.Shipped), Is.EqualTo("ShipmentStatus.Shipped ('Shipped': string)"));
        });
    }

    [Test]
    public void A_plain_number_compared_with_a_number_is_not_mistaken_for_an_enum()
    {
        var literal = Shipments.Where(s => (int)s.Status + 1 == 3).ToQueryPlan().Literals;

        Assert.That(literal.Select(l => l.Text), Is.EqualTo(new[] { "1 (int)", "3 (int)" }));
        Assert.That(literal.Any(l => l.IsEnum), Is.False);
    }

    [Test]
    public void Numbers_carry_their_CSharp_suffix_and_Sparks_type()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Literal(s => s.Weight > 100m), Is.EqualTo("100m (decimal(3,0))"));
            Assert.That(Literal(s => s.Weight > 2.50m), Is.EqualTo("2.50m (decimal(3,2))"));
            Assert.That(Literal(s => s.Parcels > 5L), Is.EqualTo("5L (bigint)"));
            Assert.That(Literal(s => s.Distance < 1.5), Is.EqualTo("1.5d (double)"));
            Assert.That(Literal(s => s.Distance < double.PositiveInfinity), Is.EqualTo("double.PositiveInfinity (double)"));
            Assert.That(Literal(s => s.Insured == true), Is.EqualTo("true (boolean)"));
        });
    }

    [Test]
    public void Strings_are_CSharp_string_literals_with_escapes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Literal(s => s.Carrier == "O'Neil \"Express\"\n\\"), Is.EqualTo("\"O'Neil \\\"Express\\\"\\n\\\\\" (string)"));
            Assert.That(Literal(s => s.Carrier == "bell\u0007"), Is.EqualTo("\"bell\\u0007\" (string)"));
            Assert.That(Literal(s => s.Tracking == Guid.Empty), Is.EqualTo("Guid.Parse(\"00000000-0000-0000-0000-000000000000\") (string)"));
        });
    }

    [Test]
    public void Dates_and_times_are_constructors_that_name_the_kind_Spark_receives()
    {
        var local = new DateTime(2024, 1, 31, 12, 30, 0);
        var utc = new DateTime(2024, 1, 31, 12, 30, 0, 5, DateTimeKind.Utc).AddTicks(70);
        var offset = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(2));

        Assert.Multiple(() =>
        {
            Assert.That(Literal(s => s.SentAt > local), Is.EqualTo("new DateTime(2024, 1, 31, 12, 30, 0) (timestamp_ntz)"));
            Assert.That(Literal(s => s.SentAt > utc), Is.EqualTo("new DateTime(2024, 1, 31, 12, 30, 0, 5, 7, DateTimeKind.Utc) (timestamp)"));
            Assert.That(Literal(s => s.ConfirmedAt < offset), Is.EqualTo("new DateTimeOffset(2023, 12, 31, 22, 0, 0, TimeSpan.Zero) (timestamp)"),
                "the instant Spark receives, in UTC");
            Assert.That(Literal(s => s.Due == new DateOnly(2024, 2, 29)), Is.EqualTo("new DateOnly(2024, 2, 29) (date)"));
        });
    }

    [Test]
    public void A_plan_built_elsewhere_spells_literals_from_Sparks_types_alone()
    {
        var relation = Shipments.Where(s => s.Status == ShipmentStatus.Shipped && s.Weight > 100m).ToRelation();

        var literals = QueryPlan.From(relation).Literals;

        Assert.That(literals.Select(l => l.Text), Is.EqualTo(new[] { "3 (int)", "100m (decimal(3,0))" }));
        Assert.That(literals.Select(l => l.ClrTypeIsFromQuery), Is.All.False);
    }

    [Test]
    public void Sql_arguments_are_spelt_from_the_values_passed()
    {
        var plan = Spark.Sql<Shipment>("SELECT * FROM shipments WHERE Weight > :weight AND Grade = :grade", new { weight = 1.25m, grade = 'B' }).ToQueryPlan();

        Assert.That(plan.Literals.Select(l => l.Text), Is.EqualTo(new[] { "1.25m (decimal(3,2))", "'B' (string)" }));
        Assert.That(plan.ToPlanString(), Is.EqualTo("Sql \"SELECT * FROM shipments WHERE Weight > :weight AND Grade = :grade\" {grade = 'B' (string), weight = 1.25m (decimal(3,2))} #1"));
    }
}
