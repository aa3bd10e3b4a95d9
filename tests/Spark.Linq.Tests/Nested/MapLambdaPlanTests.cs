namespace Spark.Linq.Tests.Nested;

/// <summary>LINQ over a dictionary column's entries: map_filter, transform_values, transform_keys and map_entries.</summary>
public class MapLambdaPlanTests : NestedPlanTestBase
{
    [Test]
    public void Filtering_entries_into_a_dictionary_is_map_filter_with_key_and_value_variables()
    {
        Assert.That(Plan(c => c.Stock.Where(kv => kv.Value > 1 && kv.Key != "x").ToDictionary(kv => kv.Key, kv => kv.Value)),
            Is.EqualTo("map_filter(Stock, (x_1, x_2) -> ((x_2 > 1) AND not((x_1 <=> 'x'))))"));
        Assert.That(Plan(c => c.Stock.Where(kv => kv.Value > c.Size).ToDictionary()), Is.EqualTo("map_filter(Stock, (x_1, x_2) -> (x_2 > Size))"));
    }

    [Test]
    public void New_values_and_keys_are_transform_values_and_transform_keys()
    {
        Assert.That(Plan(c => c.Stock.ToDictionary(kv => kv.Key, kv => kv.Value * 2)), Is.EqualTo("transform_values(Stock, (x_1, x_2) -> (x_2 * 2))"));
        Assert.That(Plan(c => c.Stock.ToDictionary(kv => kv.Key.ToUpper(), kv => kv.Value)), Is.EqualTo("transform_keys(Stock, (x_1, x_2) -> upper(x_1))"));
        Assert.That(Plan(c => c.Stock.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key.ToUpper(), kv => kv.Value + 1)),
            Is.EqualTo("transform_keys(transform_values(map_filter(Stock, (x_1, x_2) -> (x_2 > 0)), (x_3, x_4) -> (x_4 + 1)), (x_5, x_6) -> upper(x_5))"));
    }

    [Test]
    public void Predicates_and_sums_over_entries_read_map_entries()
    {
        Assert.That(Plan(c => c.Stock.Any(kv => kv.Value > 3)), Is.EqualTo("exists(map_entries(Stock), x_1 -> (x_1['value'] > 3))"));
        Assert.That(Plan(c => c.Stock.All(kv => kv.Key.StartsWith("a"))), Is.EqualTo("forall(map_entries(Stock), x_1 -> startswith(x_1['key'], 'a'))"));
        Assert.That(Plan(c => c.Stock.Sum(kv => kv.Value)),
            Does.StartWith("aggregate(transform(map_entries(Stock), x_1 -> x_1['value']), 0, "));
        Assert.That(Plan(c => c.Stock.Count(kv => kv.Value > 0)), Is.EqualTo("size(filter(map_entries(Stock), x_1 -> (x_1['value'] > 0)))"));
        Assert.That(Plan(c => c.Stock.Count()), Is.EqualTo("size(Stock)"), "the entry count stays the map's size");
    }

    [Test]
    public void ContainsValue_is_array_contains_over_map_values() =>
        Assert.That(Plan(c => c.Stock.ContainsValue(3)), Is.EqualTo("array_contains(map_values(Stock), 3)"));
}
