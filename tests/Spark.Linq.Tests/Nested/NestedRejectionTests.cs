namespace Spark.Linq.Tests.Nested;

/// <summary>What does not translate over nested data fails naming what to do instead.</summary>
public class NestedRejectionTests : NestedPlanTestBase
{
    private static SparkTranslationException Rejects<T>(Func<T> translate) => Assert.Throws<SparkTranslationException>(() => translate())!;

    [Test]
    public void Operators_over_dictionary_entries_point_at_keys_and_values()
    {
        var error = Rejects(() => Plan(c => c.Stock.Where(kv => kv.Value > 1).Count(), final: false));
        Assert.That(error.Message, Does.Contain("entries of a dictionary column"));
        Assert.That(error.Message, Does.Contain("Keys or Values"));
    }

    [Test]
    public void Ordering_an_array_by_keys_in_different_directions_is_refused() =>
        Assert.That(Rejects(() => Plan(c => c.Lines.OrderBy(l => l.Sku).ThenByDescending(l => l.Qty), final: false)).Message, Does.Contain("different directions"));

    [Test]
    public void A_lambda_over_a_local_collection_still_says_it_is_local()
    {
        var ids = new List<int> { 1, 2 };
        Assert.That(Rejects(() => Plan(c => ids.Any(i => i == c.Size), final: false)).Message, Does.Contain("local collection"));
    }

    [Test]
    public void Array_members_of_columns_translate_rather_than_claiming_no_spark_equivalent()
    {
        // These used to be refused as "ArrayLength has no Spark equivalent" and as "Any over a local collection".
        Assert.That(Plan(c => c.Counts.Length > 1), Is.EqualTo("(size(Counts) > 1)"));
        Assert.That(Plan(c => c.Counts.Any(x => x == c.Size)), Is.EqualTo("exists(Counts, x_1 -> (x_1 == Size))"));
    }

    [Test]
    public void Comparing_whole_objects_is_refused_since_csharp_would_use_their_IComparable()
    {
        Assert.That(Rejects(() => Plan(c => c.Lines.Max(), final: false)).Message, Does.Contain("IComparable"));
        Assert.That(Rejects(() => Plan(c => c.Lines.OrderBy(l => l), final: false)).Message, Does.Contain("IComparable"));
    }
}
