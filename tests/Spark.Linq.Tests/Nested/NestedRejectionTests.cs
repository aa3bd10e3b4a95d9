namespace Spark.Linq.Tests.Nested;

/// <summary>What does not translate over nested data fails naming what to do instead.</summary>
public class NestedRejectionTests : NestedPlanTestBase
{
    private static SparkTranslationException Rejects<T>(Func<T> translate) => Assert.Throws<SparkTranslationException>(() => translate())!;

    [Test]
    public void A_dictionary_whose_keys_read_the_values_it_changes_is_refused()
    {
        var error = Rejects(() => Plan(c => c.Stock.ToDictionary(kv => kv.Key + kv.Value, kv => kv.Value * 2), final: false));
        Assert.That(error.Message, Does.Contain("new keys read the old values"));
    }

    [Test]
    public void SequenceEqual_of_objects_is_refused_since_csharp_would_use_their_Equals() =>
        Assert.That(Rejects(() => Plan(c => c.Lines.SequenceEqual(c.Lines), final: false)).Message, Does.Contain("Equals"));

    [Test]
    public void Ordering_an_array_by_keys_in_different_directions_is_refused() =>
        Assert.That(Rejects(() => Plan(c => c.Lines.OrderBy(l => l.Sku).ThenByDescending(l => l.Qty), final: false)).Message, Does.Contain("different directions"));

    [Test]
    public void A_lambda_over_a_local_collection_of_objects_says_they_have_no_literal()
    {
        var lines = new List<CartLine> { new("a", 1, 1m) };
        Assert.That(Rejects(() => Plan(c => lines.Any(l => l.Qty == c.Size), final: false)).Message, Does.Contain("no Spark literal"));
    }

    [Test]
    public void A_lambda_over_a_local_collection_of_enums_points_at_contains()
    {
        var days = new[] { DayOfWeek.Monday };
        Assert.That(Rejects(() => Plan(c => days.Any(d => (int)d == c.Size), final: false)).Message, Does.Contain("Contains(x.Member)"));
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
