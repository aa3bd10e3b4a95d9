namespace Spark.Linq.Tests.Nested;

/// <summary>
/// Operators over array and list columns that don't translate (Zip without a result selector) are refused as operators
/// over the column, never as "a local collection", with the form to write; Skip/Take/Aggregate translate
/// (ArrayReshapePlanTests).
/// </summary>
public class ArraySequenceRejectionTests : NestedPlanTestBase
{
    private string Message<T>(System.Linq.Expressions.Expression<Func<Cart, T>> selector) =>
        Assert.Throws<SparkTranslationException>(() => Plan(selector, final: false))!.Message;

    [Test]
    public void Zip_points_at_Select_with_an_index() =>
        Assert.That(Message(c => c.Items.Zip(c.Tags).Count()), Does.Contain("c.Items.Select((x, i) => new { First = x, Second = c.Tags.ElementAtOrDefault(i) })"));

    [Test]
    public void An_arrays_LongLength_is_its_size() =>
        Assert.That(Plan(c => c.Counts.LongLength), Is.EqualTo("CAST(size(Counts) AS long)"));
}
