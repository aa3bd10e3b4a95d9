namespace Spark.Linq.Tests.Nested;

/// <summary>
/// Operators over array and list columns that don't translate are refused as operators over the column (never as
/// "a local collection" or a wrong condition), with the Spark form to write where there is one.
/// </summary>
public class ArraySequenceRejectionTests : NestedPlanTestBase
{
    private string Message<T>(System.Linq.Expressions.Expression<Func<Cart, T>> selector) =>
        Assert.Throws<SparkTranslationException>(() => Plan(selector, final: false))!.Message;

    [Test]
    public void Skip_and_Take_offer_slice() =>
        Assert.Multiple(() =>
        {
            Assert.That(Message(c => c.Items.Skip(1).Count()), Does.Contain("Skip over the array or list c.Items")
                .And.Contain("SparkFunctions.Call<string[]>(\"slice\", c.Items, 2, int.MaxValue)").And.Not.Contain("local collection"));
            Assert.That(Message(c => c.Counts.Take(3).Sum()), Does.Contain("SparkFunctions.Call<int[]>(\"slice\", c.Counts, 1, 3)"));
        });

    [Test]
    public void Aggregate_is_refused_as_itself_not_as_a_condition()
    {
        var message = Message(c => c.Items.Aggregate((a, b) => a + b));
        Assert.That(message, Does.Contain("Aggregate over the array or list c.Items").And.Contain("string.Join").And.Not.Contain("condition must be a bool"));
    }

    [Test]
    public void Zip_points_at_Select_with_an_index() =>
        Assert.That(Message(c => c.Items.Zip(c.Tags).Count()), Does.Contain("c.Items.Select((x, i) => new { First = x, Second = c.Tags.ElementAtOrDefault(i) })"));

    [Test]
    public void An_arrays_LongLength_is_its_size() =>
        Assert.That(Plan(c => c.Counts.LongLength), Is.EqualTo("CAST(size(Counts) AS long)"));
}
