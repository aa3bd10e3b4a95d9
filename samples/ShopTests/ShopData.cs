namespace ShopTests;

/// <summary>Test data: built fresh for each test, never shared.</summary>
public static class ShopData
{
    public static Customer[] Customers() =>
    [
        new() { CustomerId = 1, Name = "Ada", Country = "NL" },
        new() { CustomerId = 2, Name = "Brook", Country = "US" },
        new() { CustomerId = 3, Name = "Chen", Country = "NL" },
    ];

    public static Order[] Orders() =>
    [
        new() { OrderId = 10, CustomerId = 1, Amount = 120.00m, Status = OrderStatus.Shipped, PlacedAt = new DateTime(2024, 3, 1) },
        new() { OrderId = 11, CustomerId = 2, Amount = 80.00m, Status = OrderStatus.Shipped, PlacedAt = new DateTime(2024, 3, 5) },
        new() { OrderId = 12, CustomerId = 3, Amount = 300.00m, Status = OrderStatus.Returned, PlacedAt = new DateTime(2024, 3, 7) },
        new() { OrderId = 13, CustomerId = 3, Amount = 45.50m, Status = OrderStatus.Placed, PlacedAt = new DateTime(2024, 3, 8) },
        new() { OrderId = 14, CustomerId = 2, Amount = 210.00m, Status = OrderStatus.Shipped, PlacedAt = new DateTime(2024, 3, 9) },
    ];
}
