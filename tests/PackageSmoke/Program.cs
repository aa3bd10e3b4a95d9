// The package smoke test: a new application that knows Spark.Linq only through its NuGet packages runs a query
// on the embedded local engine. .ci/package-smoke builds and runs it and checks the line it prints.
using Spark.Connect.Local;
using Spark.Linq;
using Spark.Linq.Testing;

await using var server = await LocalSparkServer.StartAsync();
server.CreateTable("orders", new[]
{
    new Order(1, "eu", 120m),
    new Order(2, "us", 80m),
    new Order(3, "eu", 300m),
});
await using var spark = SparkSession.Connect(server.ConnectionString);

var revenue = await spark.Table<Order>("orders")
    .Where(o => o.Amount > 100m)
    .GroupBy(o => o.Region)
    .Select(g => new { Region = g.Key, Orders = g.Count(), Total = g.Sum(o => o.Amount) })
    .ToListAsync();

foreach (var row in revenue)
    Console.WriteLine($"SMOKE {row.Region} {row.Orders} {row.Total:0.00}");

// The test kit: a session of its own on the shared engine, its table loaded through Spark.Linq's mapping.
await using (var test = await SparkTestSession.StartAsync(SparkTestTable.Of("orders", new[] { new Order(1, "eu", 120m), new Order(2, "us", 80m), new Order(3, "eu", 300m) })))
{
    var count = await test.Table<Order>("orders").CountAsync();
    var pipeline = test.Table<Order>("orders").Where(o => o.Amount > 100m).ToQueryPlan().Pipeline;
    Console.WriteLine($"SMOKE kit {count} {string.Join(",", pipeline)}");
}
await LocalSparkEngine.ShutdownSharedAsync();

/// <summary>A row of the smoke test's table.</summary>
internal sealed record Order(int Id, string Region, decimal Amount);
