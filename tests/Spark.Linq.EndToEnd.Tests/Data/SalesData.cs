namespace Spark.Linq.EndToEnd.Tests.Data;

/// <summary>
/// A deterministic sales dataset (fixed seed) with the awkward values real data has: nulls in every
/// nullable column, negative and zero numbers, unicode and quote characters in text, empty strings,
/// month ends and leap days. Names that queries sort on are ASCII with one capital letter first, so
/// C#'s culture-sensitive string order and Spark's code-point order agree on them.
/// </summary>
public sealed class SalesData
{
    private static readonly string[] FirstNames = ["Ada", "Bea", "Cyrus", "Dara", "Elif", "Femi", "Goran", "Hana", "Ivo", "Jun", "Kofi", "Lena"];
    private static readonly string[] LastNames = ["Baker", "Cole", "Diaz", "Evans", "Fox", "Grant"];
    private static readonly string[] Countries = ["DE", "FR", "US", "JP", "BR"];
    private static readonly string[] Regions = ["EMEA", "AMER", "APAC"];
    private static readonly string[] Categories = ["Books", "Games", "Garden", "Tools"];
    private static readonly string?[] Notes = [null, "", "gift wrap", "call first", "leave at door", "O'Brien's order", "crème brûlée", "50% off; -- really", "  padded  ", "東京 delivery", "tab\there"];

    public SalesData(int orderCount = 2000, int seed = 20261123)
    {
        var random = new Random(seed);
        Customers = Enumerable.Range(1, 60).Select(id => new Customer
        {
            Id = id,
            Name = $"{FirstNames[id % FirstNames.Length]} {LastNames[id % LastNames.Length]}",
            Email = id % 7 == 0 ? null : $"user{id}@example.com",
            Country = Countries[random.Next(Countries.Length)],
            Since = new DateOnly(2018, 1, 1).AddDays(random.Next(0, 2500)),
            IsActive = random.Next(4) != 0,
            Tier = id % 5 == 0 ? null : random.Next(1, 4),
        }).ToList();

        Products = Enumerable.Range(1, 25).Select(id => new Product
        {
            Id = id,
            Name = $"P{id:D2} {Categories[id % Categories.Length]}",
            Category = Categories[id % Categories.Length],
            Price = Math.Round((decimal)random.Next(100, 50000) / 100, 2),
            Weight = Math.Round(random.NextDouble() * 20, 3),
        }).ToList();

        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        Orders = Enumerable.Range(1, orderCount).Select(id =>
        {
            var placed = start.AddMinutes(random.Next(0, 60 * 24 * 730)).AddSeconds(random.Next(60));
            var status = (OrderStatus)random.Next(4);
            return new Order
            {
                Id = id,
                // A few orders point at customer 999, which does not exist: joins that match nothing.
                CustomerId = id % 97 == 0 ? 999 : random.Next(1, 61),
                ProductId = random.Next(1, 26),
                Quantity = random.Next(-2, 12),
                Amount = Math.Round((decimal)random.Next(-5000, 200000) / 100, 2),
                Discount = random.Next(3) == 0 ? null : Math.Round((decimal)random.Next(0, 3000) / 100, 2),
                Score = Math.Round(random.NextDouble() * 200 - 50, 4),
                Rating = random.Next(5) == 0 ? null : random.Next(1, 11) / 2.0,
                Region = Regions[random.Next(Regions.Length)],
                Note = Notes[random.Next(Notes.Length)],
                Status = status,
                PlacedAt = placed,
                ShipDate = DateOnly.FromDateTime(placed).AddDays(random.Next(0, 15)),
                DeliveredAt = status == OrderStatus.Delivered ? placed.AddHours(random.Next(1, 300)) : null,
                IsGift = random.Next(6) == 0,
                CouponCode = random.Next(4) == 0 ? random.NextInt64(1, 9_000_000_000) : null,
                Priority = (short)random.Next(0, 4),
            };
        }).ToList();

        // Baskets: some empty (explode drops them, explode_outer keeps them), some items repeated.
        Baskets = Enumerable.Range(1, 120).Select(id => new Basket
        {
            Id = id,
            CustomerId = random.Next(1, 61),
            Items = [.. Enumerable.Range(0, random.Next(0, 5)).Select(_ => Categories[random.Next(Categories.Length)] + "-" + random.Next(1, 4))],
            Counts = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(-1, 6))],
            ShipTo = id % 4 == 0 ? null : new Address(Countries[random.Next(Countries.Length)] + " city", id % 3 == 0 ? null : $"{10000 + id}"),
        }).ToList();

        // The nested members added later draw from their own generator, so every value above stays as it was.
        var nested = new Random(seed + 1);
        foreach (var basket in Baskets)
        {
            basket.Lines = [.. Enumerable.Range(0, nested.Next(0, 5)).Select(_ => new BasketLine(
                Categories[nested.Next(Categories.Length)] + "-" + nested.Next(1, 4), nested.Next(-1, 6),
                Math.Round((decimal)nested.Next(0, 10000) / 100, 2), nested.Next(4) == 0 ? null : Math.Round(nested.NextDouble() * 5, 3)))];
            basket.Tags = [.. Enumerable.Range(0, nested.Next(0, 4)).Select(_ => nested.Next(5) == 0 ? null : Regions[nested.Next(Regions.Length)])];
            basket.Scores = [.. Enumerable.Range(0, nested.Next(0, 4)).Select(_ => nested.Next(4) == 0 ? (long?)null : nested.NextInt64(-1_000, 5_000_000_000))];
            basket.Stock = Enumerable.Range(0, nested.Next(0, 4)).Select(_ => Categories[nested.Next(Categories.Length)])
                .Distinct().ToDictionary(k => k, _ => nested.Next(-3, 20));
        }
    }

    public IReadOnlyList<Basket> Baskets { get; }

    public IReadOnlyList<Customer> Customers { get; }

    public IReadOnlyList<Product> Products { get; }

    public IReadOnlyList<Order> Orders { get; }
}
