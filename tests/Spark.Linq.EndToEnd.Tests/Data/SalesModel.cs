using System.ComponentModel.DataAnnotations.Schema;

namespace Spark.Linq.EndToEnd.Tests.Data;

public enum OrderStatus { Pending, Shipped, Delivered, Cancelled }

public sealed class Customer
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public string Country { get; set; } = "";
    public DateOnly Since { get; set; }
    public bool IsActive { get; set; }
    public int? Tier { get; set; }
}

public sealed class Product
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    [Column(TypeName = "decimal(10,2)")]
    public decimal Price { get; set; }
    public double Weight { get; set; }
}

public sealed class Order
{
    public long Id { get; set; }
    public int CustomerId { get; set; }
    public int ProductId { get; set; }
    public int Quantity { get; set; }
    [Column(TypeName = "decimal(12,2)")]
    public decimal Amount { get; set; }
    [Column(TypeName = "decimal(12,2)")]
    public decimal? Discount { get; set; }
    public double Score { get; set; }
    public double? Rating { get; set; }
    public string Region { get; set; } = "";
    public string? Note { get; set; }
    public OrderStatus Status { get; set; }
    public DateTime PlacedAt { get; set; }
    public DateOnly ShipDate { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public bool IsGift { get; set; }
    public long? CouponCode { get; set; }
    public short Priority { get; set; }
}

public sealed record Address(string City, string? Zip);

/// <summary>One line of a basket: an element of an array of structs.</summary>
public sealed record BasketLine(string Sku, int Qty, decimal Price, double? Weight);

/// <summary>
/// A saved basket: list columns (explode, array functions), a nested struct, an array of structs, a list whose
/// elements may be null, and a map.
/// </summary>
public sealed class Basket
{
    public long Id { get; set; }
    public int CustomerId { get; set; }
    public List<string> Items { get; set; } = [];
    public int[] Counts { get; set; } = [];
    public Address? ShipTo { get; set; }
    public List<BasketLine> Lines { get; set; } = [];
    public List<string?> Tags { get; set; } = [];
    public long?[] Scores { get; set; } = [];
    public Dictionary<string, int> Stock { get; set; } = [];
}
