using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// <c>percentile</c>, <c>median</c> and <c>mode</c> over small groups. Expected values are the examples of Spark's
/// <c>ExpressionDescription</c>s (<c>percentile.scala</c>, <c>Mode.scala</c>).
/// </summary>
public sealed class PercentileFunctionTests : LibraryTestBase
{
    [SetUp]
    public void CreateValues()
    {
        Exec("CREATE TABLE v (g INTEGER, x INTEGER)");
        // Spark's examples: percentile(col, 0.3) over (0), (10) is 3.0; median over (0), (10) is 5.0; mode over
        // (0), (10), (10) is 10.
        Exec("INSERT INTO v VALUES (1, 0), (1, 10), (2, 0), (2, 10), (2, 10), (3, NULL), (4, 1), (4, 1), (4, 0), (4, 0)");
    }

    private List<string> PerGroup(Expression aggregate) =>
        Lines(Sort(Aggregate(Table("v"), [Col("g")], Alias(aggregate, "r")), Asc(Col("g"))));

    [Test]
    public void Percentile_and_median_interpolate_between_the_sorted_values()
    {
        Assert.That(PerGroup(Fn("percentile", Col("x"), Lit(0.3))), Is.EqualTo(new[] { "1|3.0", "2|6.0", "3|∅", "4|0.0" }));
        Assert.That(PerGroup(Fn("median", Col("x"))), Is.EqualTo(new[] { "1|5.0", "2|10.0", "3|∅", "4|0.5" }));
        var type = Plan(Aggregate(Table("v"), [], Fn("median", Col("x")))).Schema!.Struct.Fields.Single();
        Assert.That((type.Name, type.DataType), Is.EqualTo(("median(x)", SparkTypes.Double)));
        Assert.That(PlanError(Aggregate(Table("v"), [], Fn("percentile", Col("x"), Lit(1.5)))).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE"));
    }

    [Test]
    public void Mode_is_the_most_frequent_value_and_the_smallest_of_ties()
    {
        Assert.That(PerGroup(Fn("mode", Col("x"))), Is.EqualTo(new[] { "1|0", "2|10", "3|∅", "4|0" }));
        Assert.That(PerGroup(Fn("mode", Col("x"), Lit(new Expression.Types.Literal { Boolean = true }))), Is.EqualTo(new[] { "1|0", "2|10", "3|∅", "4|0" }));
        Assert.That(Plan(Aggregate(Table("v"), [], Fn("mode", Col("x")))).Schema!.Struct.Fields.Single().DataType, Is.EqualTo(SparkTypes.Integer));
    }
}
