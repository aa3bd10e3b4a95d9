using Microsoft.EntityFrameworkCore;

namespace EfCoexistence;

public sealed class Customer
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public bool Vip { get; set; }
}

public sealed class Order
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public string Region { get; set; } = "";
    public decimal Amount { get; set; }
}

/// <summary>The application's own data, kept with EF Core (here in its in-memory provider).</summary>
public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Customer> Customers => Set<Customer>();

    /// <summary>A new in-memory database of its own holding <see cref="Seed"/>'s rows.</summary>
    public static ShopContext Seeded()
    {
        var db = new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseInMemoryDatabase(Guid.NewGuid().ToString()).Options);
        db.Customers.AddRange(Seed.Customers());
        db.Orders.AddRange(Seed.Orders());
        db.SaveChanges();
        db.ChangeTracker.Clear();
        return db;
    }
}

/// <summary>The same rows for EF Core, for the Spark tables and for LINQ-to-Objects (the expected answers); new objects on every call.</summary>
public static class Seed
{
    private static readonly string[] Regions = ["EMEA", "AMER", "APAC"];

    // Customer 6 has no orders; orders of customer 7 have no customer.
    public static Customer[] Customers() =>
        [.. Enumerable.Range(1, 6).Select(id => new Customer { Id = id, Name = $"customer {id}", Vip = id % 3 == 0 || id == 1 })];

    public static Order[] Orders() =>
        [.. Enumerable.Range(1, 40).Select(id => new Order
        {
            Id = id,
            CustomerId = id % 6 == 0 ? 7 : id % 5 + 1,
            Region = Regions[id % 3],
            Amount = decimal.Round(id * 17.35m % 250m, 2),
        })];
}
