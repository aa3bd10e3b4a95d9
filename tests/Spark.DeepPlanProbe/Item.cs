namespace Spark.DeepPlanProbe;

/// <summary>The rows the LINQ scenarios query.</summary>
public sealed class Item
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary><paramref name="count"/> items with ids 0, 1, 2, ….</summary>
    public static List<Item> Range(int count) => Enumerable.Range(0, count).Select(i => new Item { Id = i, Name = "item " + i }).ToList();
}
