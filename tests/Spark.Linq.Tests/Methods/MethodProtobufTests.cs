namespace Spark.Linq.Tests.Methods;

/// <summary>The exact protobuf where the printer hides detail (cast types, literal kinds).</summary>
public class MethodProtobufTests : MethodPlanTestBase
{
    [Test]
    public void Convert_ToDecimal_casts_to_decimal_38_18()
    {
        var project = Events.Select(x => new { V = Convert.ToDecimal(x.Score) }).ToRelation().Project;
        var cast = project.Expressions[0].Alias.Expr.Cast;
        Assert.That((cast.Type.Decimal.Precision, cast.Type.Decimal.Scale), Is.EqualTo((38, 18)));
    }

    [Test]
    public void AddDays_sends_a_day_time_interval_literal_in_microseconds()
    {
        var project = Events.Select(x => new { V = x.At.AddDays(1.5) }).ToRelation().Project;
        var literal = project.Expressions[0].Alias.Expr.UnresolvedFunction.Arguments[1].Literal;
        Assert.That(literal.LiteralTypeCase, Is.EqualTo(global::Spark.Connect.Protocol.Expression.Types.Literal.LiteralTypeOneofCase.DayTimeInterval));
        Assert.That(literal.DayTimeInterval, Is.EqualTo(36L * 3600 * 1_000_000));
    }

    [Test]
    public void Math_Round_digits_are_integer_literals()
    {
        var project = Events.Select(x => new { V = Math.Round(x.Price, 2) }).ToRelation().Project;
        var digits = project.Expressions[0].Alias.Expr.UnresolvedFunction.Arguments[1].Literal;
        Assert.That(digits.LiteralTypeCase, Is.EqualTo(global::Spark.Connect.Protocol.Expression.Types.Literal.LiteralTypeOneofCase.Integer));
    }
}
