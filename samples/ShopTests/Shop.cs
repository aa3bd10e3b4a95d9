using System.ComponentModel.DataAnnotations.Schema;
using Spark.Linq;

namespace ShopTests;

// The application code under test: a shop's row types and the queries it runs on Spark.

public enum OrderStatus
{
    Placed = 1,
    Shipped = 2,
    Returned = 3,
}

[Table("orders")]
public sealed class Order
{
    public long OrderId { get; set; }
    public int CustomerId { get; set; }
    public decimal Amount { get; set; }
    public OrderStatus Status { get; set; }
    public DateTime PlacedAt { get; set; }
}

[Table("customers")]
public sealed class Customer
{
    public int CustomerId { get; set; }
    public string Name { get; set; } = "";
    public string Country { get; set; } = "";
}

public sealed record CountryRevenue(string Country, decimal Revenue, int Orders);

public static class ShopQueries
{
    /// <summary>Shipped orders of at least <paramref name="minimum"/> since <paramref name="since"/>, newest first.</summary>
    public static ISparkQueryable<Order> RecentShipped(SparkSession spark, DateTime since, decimal minimum, int top) =>
        spark.Table<Order>()
            .Where(o => o.Status == OrderStatus.Shipped && o.PlacedAt >= since && o.Amount >= minimum)
            .OrderByDescending(o => o.PlacedAt)
            .Take(top);

    /// <summary>Revenue of orders not returned, per customer country, largest first.</summary>
    public static ISparkQueryable<CountryRevenue> RevenueByCountry(SparkSession spark) =>
        from o in spark.Table<Order>()
        where o.Status != OrderStatus.Returned
        join c in spark.Table<Customer>() on o.CustomerId equals c.CustomerId
        group o by c.Country into g
        orderby g.Sum(o => o.Amount) descending
        select new CountryRevenue(g.Key, g.Sum(o => o.Amount), g.Count());
}
