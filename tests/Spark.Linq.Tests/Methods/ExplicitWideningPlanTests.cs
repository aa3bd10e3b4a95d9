using Spark.Connect.Protocol;
using static Spark.Linq.Tests.Golden.Goldens;

namespace Spark.Linq.Tests.Methods;

/// <summary>Numeric widenings: kept as a Cast where the user's type decides the result, left to Spark where it coerces alike.</summary>
public class ExplicitWideningPlanTests : MethodPlanTestBase
{
    [Test]
    public void A_widened_member_keeps_a_cast_so_the_column_has_the_wider_type()
    {
        Assert.That(Plan(x => (long)x.Count), Is.EqualTo("CAST(Count AS long)"));
        Assert.That(Plan(x => (double)x.Count), Is.EqualTo("CAST(Count AS double)"));
        Assert.That(Plan(x => (double)x.Ratio), Is.EqualTo("CAST(Ratio AS double)"));
        Assert.That(Plan(x => (long?)x.Maybe), Is.EqualTo("CAST(Maybe AS long)"));
    }

    [Test]
    public void An_integral_value_widened_to_decimal_gets_the_exact_decimal_Spark_itself_uses()
    {
        var cast = Events.Select(x => new { V = (decimal)x.Count }).ToRelation().Project.Expressions[0].Alias.Expr.Cast;
        Assert.That((cast.Type.Decimal.Precision, cast.Type.Decimal.Scale), Is.EqualTo((10, 0)));
        var fromLong = Events.Select(x => new { V = (decimal)x.Id }).ToRelation().Project.Expressions[0].Alias.Expr.Cast;
        Assert.That((fromLong.Type.Decimal.Precision, fromLong.Type.Decimal.Scale), Is.EqualTo((20, 0)));
    }

    [Test]
    public void Arithmetic_in_the_wider_type_casts_its_operands_so_Spark_does_not_overflow_the_narrow_one()
    {
        Assert.That(Plan(x => (long)x.Count * x.Count), Is.EqualTo("(CAST(Count AS long) * CAST(Count AS long))"));
        Assert.That(Plan(x => (double)x.Count / x.Count), Is.EqualTo("(CAST(Count AS double) / CAST(Count AS double))"));
    }

    [Test]
    public void Implicit_widenings_against_a_value_of_the_wider_type_add_no_cast()
    {
        Assert.That(Filter(x => x.Count > 5L), Is.EqualTo("(Count > 5L)"));
        Assert.That(Plan(x => x.Count + x.Id), Is.EqualTo("(Count + Id)"));
        Assert.That(Filter(x => x.Count == x.Id), Is.EqualTo("(Count == Id)"));
        Assert.That(Plan(x => x.Maybe ?? x.Id), Is.EqualTo("coalesce(Maybe, Id)"));
        // Against a decimal Spark widens an int to decimal(10,0) itself, as the explicit cast would.
        Assert.That(Plan(x => (decimal)x.Count / 3), Is.EqualTo("(Count / 3BD)"));
    }

    [Test]
    public void The_cast_is_the_official_clients_col_cast()
    {
        var ours = Events.Select(x => new { V = (long)x.Count }).ToRelation().Project.Expressions[0].Alias.Expr;
        var theirs = Projected("column_cast");
        Assert.Multiple(() =>
        {
            Assert.That(Signature(ours), Is.EqualTo(Signature(theirs)));
            Assert.That(ours.Cast.Type, Is.EqualTo(theirs.Cast.Type), "bigint");
        });
    }
}
