using System.ComponentModel.DataAnnotations.Schema;

namespace WebApi;

/// <summary>An order of the sample dataset.</summary>
[Table("orders")]
public sealed class Order
{
    public int Id { get; set; }
    public string Region { get; set; } = "";
    public string Customer { get; set; } = "";
    [Column(TypeName = "decimal(10,2)")]
    public decimal Amount { get; set; }
}

/// <summary>
/// The sample's dataset: 20,000 orders over four regions, the same on every run (computed, not random), large enough
/// that streaming all of them takes a while.
/// </summary>
public sealed class SalesData
{
    public const int OrderCount = 20_000;

    private static readonly string[] Regions = ["AMER", "APAC", "EMEA", "LATAM"];

    public IReadOnlyList<Order> Orders { get; } = Enumerable.Range(1, OrderCount).Select(i => new Order
    {
        Id = i,
        Region = Regions[i % Regions.Length],
        Customer = "C" + (i % 500).ToString("000", System.Globalization.CultureInfo.InvariantCulture),
        Amount = i * 7919 % 100_000 / 100m,
    }).ToList();
}
