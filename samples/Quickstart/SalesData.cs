using System.ComponentModel.DataAnnotations.Schema;

namespace Quickstart;

internal sealed record Customer(int Id, string Name, string Country, int? Tier);

internal sealed record Product(int Id, string Name, string Category, [property: Column(TypeName = "decimal(10,2)")] decimal Price);

internal sealed class Order
{
    public long Id { get; set; }
    public int CustomerId { get; set; }
    public int ProductId { get; set; }
    public int Quantity { get; set; }
    [Column(TypeName = "decimal(12,2)")]
    public decimal Amount { get; set; }
    public string Region { get; set; } = "";
    public DateTime PlacedAt { get; set; }
}

/// <summary>The same customers, products and orders on every run (fixed seed), so the output is comparable.</summary>
internal sealed class SalesData
{
    private static readonly string[] Names = ["Ada", "Bea", "Cyrus", "Dara", "Elif", "Femi", "Goran", "Hana", "Ivo", "Jun"];
    private static readonly string[] Countries = ["DE", "FR", "US", "JP", "BR"];
    private static readonly string[] Categories = ["Books", "Games", "Garden", "Tools"];
    private static readonly string[] Regions = ["EMEA", "AMER", "APAC"];

    public SalesData()
    {
        var random = new Random(42);
        Customers = [.. Enumerable.Range(1, 40).Select(id =>
            new Customer(id, $"{Names[id % Names.Length]} {(char)('A' + id % 26)}.", Countries[random.Next(Countries.Length)], id % 6 == 0 ? null : random.Next(1, 4)))];
        Products = [.. Enumerable.Range(1, 20).Select(id =>
            new Product(id, $"{Categories[id % Categories.Length]} #{id}", Categories[id % Categories.Length], random.Next(500, 20000) / 100m))];
        var start = new DateTime(2025, 1, 1);
        Orders = [.. Enumerable.Range(1, 3000).Select(id =>
        {
            var product = Products[random.Next(Products.Count)];
            var quantity = random.Next(1, 6);
            return new Order
            {
                Id = id,
                // Customers 41–45 do not exist: the left join shows what an inner join drops.
                CustomerId = random.Next(1, 46),
                ProductId = product.Id,
                Quantity = quantity,
                Amount = product.Price * quantity,
                Region = Regions[random.Next(Regions.Length)],
                PlacedAt = start.AddMinutes(random.Next(0, 60 * 24 * 365)),
            };
        })];
    }

    public IReadOnlyList<Customer> Customers { get; }

    public IReadOnlyList<Product> Products { get; }

    public IReadOnlyList<Order> Orders { get; }
}
