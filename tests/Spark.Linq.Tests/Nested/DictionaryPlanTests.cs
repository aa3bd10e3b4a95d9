namespace Spark.Linq.Tests.Nested;

/// <summary>Dictionary members on map columns.</summary>
public class DictionaryPlanTests : NestedPlanTestBase
{
    [Test]
    public void The_indexer_fails_like_csharp_for_a_missing_key() =>
        Assert.That(Plan(c => c.Stock["a"]),
            Is.EqualTo("if(map_contains_key(Stock, 'a'), element_at(Stock, 'a'), raise_error(concat('The given key ''', CAST('a' AS string), ''' was not present in the dictionary.')))"));

    [Test]
    public void Key_tests_counts_keys_and_values()
    {
        Assert.That(Plan(c => c.Stock.ContainsKey("a")), Is.EqualTo("map_contains_key(Stock, 'a')"));
        Assert.That(Plan(c => c.Stock.Count), Is.EqualTo("size(Stock)"));
        Assert.That(Plan(c => c.Stock.Count()), Is.EqualTo("size(Stock)"));
        Assert.That(Plan(c => c.Stock.Keys.ToList()), Is.EqualTo("map_keys(Stock)"));
        Assert.That(Plan(c => c.Labels.Values.Where(v => v != null).ToList()), Is.EqualTo("filter(map_values(Labels), x_1 -> isnotnull(x_1))"));
    }

    [Test]
    public void Contains_value_and_get_value_or_default()
    {
        Assert.That(Plan(c => c.Stock.ContainsValue(3)), Is.EqualTo("array_contains(map_values(Stock), 3)"));
        Assert.That(Plan(c => c.Stock.GetValueOrDefault("z")), Is.EqualTo("coalesce(element_at(Stock, 'z'), 0)"), "C#'s default for an int");
        Assert.That(Plan(c => c.Labels.GetValueOrDefault("z")), Is.EqualTo("element_at(Labels, 'z')"));
        Assert.That(Plan(c => c.Labels.GetValueOrDefault("z", "none")), Is.EqualTo("if(map_contains_key(Labels, 'z'), element_at(Labels, 'z'), 'none')"));
    }
}
