using System.ComponentModel.DataAnnotations.Schema;

namespace Spark.Linq.Tests;

[Table("orders", Schema = "sales")]
public sealed class Order
{
    public long Id { get; set; }
    [Column("customer_id")] public int CustomerId { get; set; }
    public double Amount { get; set; }
    public decimal? Discount { get; set; }
    public string Region { get; set; } = "";
    public string? Note { get; set; }
    public DateTime PlacedAt { get; set; }
    public int? Quantity { get; set; }
    public bool Shipped { get; set; }
    public Address ShipTo { get; set; } = new();
    [NotMapped] public string Display => $"{Id} {Region}";
}

public sealed class Address
{
    public string City { get; set; } = "";
    [Column("zip_code")] public string? Zip { get; set; }
}

public sealed record Customer(int Id, string Name, string? Country);

public sealed class OrderSummary
{
    public long OrderId { get; init; }
    [Column("total")] public double Total { get; init; }
}

public sealed record RegionTotal(string Region, double Total);
