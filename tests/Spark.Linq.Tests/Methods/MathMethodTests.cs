namespace Spark.Linq.Tests.Methods;

public class MathMethodTests : MethodPlanTestBase
{
    [Test]
    public void Abs_Max_Min_keep_the_operand_type()
    {
        Assert.That(Plan(x => Math.Abs(x.Score)), Is.EqualTo("abs(Score)"));
        Assert.That(Plan(x => Math.Abs(x.Price)), Is.EqualTo("abs(Price)"));
        Assert.That(Plan(x => Math.Abs(x.Count)), Is.EqualTo("abs(Count)"));
        Assert.That(Plan(x => Math.Max(x.Score, 0.5)), Is.EqualTo("greatest(Score, 0.5D)"));
        Assert.That(Plan(x => Math.Min(x.Count, x.Maybe!.Value)), Is.EqualTo("least(Count, Maybe)"));
    }

    [Test]
    public void Round_is_bankers_rounding_unless_away_from_zero_is_asked()
    {
        var digits = 1;
        Assert.That(Plan(x => Math.Round(x.Score)), Is.EqualTo("bround(Score, 0)"));
        Assert.That(Plan(x => Math.Round(x.Price, 2)), Is.EqualTo("bround(Price, 2)"));
        Assert.That(Plan(x => Math.Round(x.Score, digits)), Is.EqualTo("bround(Score, 1)"));
        Assert.That(Plan(x => Math.Round(x.Score, MidpointRounding.AwayFromZero)), Is.EqualTo("round(Score, 0)"));
        Assert.That(Plan(x => Math.Round(x.Price, 2, MidpointRounding.AwayFromZero)), Is.EqualTo("round(Price, 2)"));
        Assert.That(Plan(x => Math.Round(x.Price, 3, MidpointRounding.ToEven)), Is.EqualTo("bround(Price, 3)"));
    }

    [Test]
    public void Directed_rounding_to_whole_numbers_uses_floor_ceil_or_truncation()
    {
        Assert.That(Plan(x => Math.Round(x.Score, MidpointRounding.ToZero)), Is.EqualTo("CAST(when((Score < 0), ceil(Score), floor(Score)) AS double)"));
        Assert.That(Plan(x => Math.Round(x.Price, MidpointRounding.ToNegativeInfinity)), Is.EqualTo("floor(Price)"));
        Assert.That(Plan(x => Math.Round(x.Score, MidpointRounding.ToPositiveInfinity)), Is.EqualTo("CAST(ceil(Score) AS double)"));
    }

    [Test]
    public void Floor_Ceiling_Truncate_of_doubles_are_cast_back_from_bigint()
    {
        Assert.That(Plan(x => Math.Floor(x.Score)), Is.EqualTo("CAST(floor(Score) AS double)"));
        Assert.That(Plan(x => Math.Ceiling(x.Score)), Is.EqualTo("CAST(ceil(Score) AS double)"));
        Assert.That(Plan(x => Math.Truncate(x.Score)), Is.EqualTo("CAST(when((Score < 0), ceil(Score), floor(Score)) AS double)"));
        Assert.That(Plan(x => Math.Floor(x.Price)), Is.EqualTo("floor(Price)"));
        Assert.That(Plan(x => Math.Ceiling(x.Fee!.Value)), Is.EqualTo("ceil(Fee)"));
        Assert.That(Plan(x => Math.Truncate(x.Price)), Is.EqualTo("when((Price < 0), ceil(Price), floor(Price))"));
    }

    [Test]
    public void Powers_roots_and_logarithms()
    {
        var exponent = 3.0;
        Assert.That(Plan(x => Math.Pow(x.Score, 2)), Is.EqualTo("power(Score, 2D)"));
        Assert.That(Plan(x => Math.Pow(2, x.Score * exponent)), Is.EqualTo("power(2D, (Score * 3D))"));
        Assert.That(Plan(x => Math.Sqrt(x.Score)), Is.EqualTo("sqrt(Score)"));
        Assert.That(Plan(x => Math.Exp(x.Score)), Is.EqualTo("exp(Score)"));
        Assert.That(Plan(x => Math.Log(x.Score)), Is.EqualTo("ln(Score)"));
        Assert.That(Plan(x => Math.Log(x.Score, 2)), Is.EqualTo("log(2D, Score)"));
        Assert.That(Plan(x => Math.Log10(x.Score)), Is.EqualTo("log10(Score)"));
    }

    [Test]
    public void Sign_is_signum_cast_to_int()
    {
        Assert.That(Plan(x => Math.Sign(x.Score)), Is.EqualTo("CAST(signum(Score) AS integer)"));
        Assert.That(Plan(x => Math.Sign(x.Price)), Is.EqualTo("CAST(signum(Price) AS integer)"));
    }

    [Test]
    public void MathF_results_are_cast_back_to_float()
    {
        Assert.That(Plan(x => MathF.Sqrt(x.Ratio)), Is.EqualTo("CAST(sqrt(Ratio) AS float)"));
        Assert.That(Plan(x => MathF.Round(x.Ratio)), Is.EqualTo("CAST(bround(Ratio, 0) AS float)"));
        Assert.That(Plan(x => MathF.Abs(x.Ratio)), Is.EqualTo("abs(Ratio)"));
    }

    [Test]
    public void Nullable_operands_keep_CSharp_comparison_semantics()
    {
        Assert.That(Filter(x => Math.Abs(x.Fee!.Value) > 1m), Is.EqualTo("coalesce((abs(Fee) > 1BD), false)"));
        Assert.That(Filter(x => Math.Round(x.Score) == 2), Is.EqualTo("(bround(Score, 0) == 2D)"));
    }
}
