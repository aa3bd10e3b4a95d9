using Quickstart;
using Spark.Connect.Local;
using Spark.Linq;

// Spark.Linq quickstart. With SPARK_REMOTE unset it starts the embedded local Spark Connect server
// (DuckDB underneath) in this process and registers a small sales dataset as tables; with
// SPARK_REMOTE=sc://host:15002 the same queries run on that Spark, the dataset travelling with each
// query as a local relation.
var data = new SalesData();
var remote = Environment.GetEnvironmentVariable("SPARK_REMOTE");
await using var server = string.IsNullOrWhiteSpace(remote) ? await LocalSparkServer.StartAsync() : null;
if (server is not null)
{
    server.CreateTable("customers", data.Customers);
    server.CreateTable("products", data.Products);
    server.CreateTable("orders", data.Orders);
}

await using var spark = SparkSession.Connect(server?.ConnectionString ?? remote!);
Console.WriteLine(server is null ? $"Spark Connect server: {remote}" : $"Local Spark Connect server: {server.ConnectionString}");
Console.WriteLine();

IQueryable<Order> orders = server is null ? spark.CreateDataFrame(data.Orders) : spark.Table<Order>("orders");
IQueryable<Product> products = server is null ? spark.CreateDataFrame(data.Products) : spark.Table<Product>("products");

var minimum = 500m;
await TablePrinter.ShowAsync("Big EMEA orders in March (filter and projection)",
    orders.Where(o => o.Region == "EMEA" && o.Amount >= minimum && o.PlacedAt.Month == 3)
          .OrderBy(o => o.PlacedAt)
          .Select(o => new { o.Id, o.PlacedAt, o.Quantity, o.Amount }));

await TablePrinter.ShowAsync("Top 5 orders (top-N)",
    orders.OrderByDescending(o => o.Amount).ThenBy(o => o.Id).Take(5)
          .Select(o => new { o.Id, o.Region, o.Amount }));

await TablePrinter.ShowAsync("Cheapest products per unit (computed columns)",
    products.OrderBy(p => p.Price).ThenBy(p => p.Id).Take(5)
            .Select(p => new { p.Name, p.Category, p.Price, WithTax = Math.Round(p.Price * 1.19m, 2) }));

// Terminal operators run one aggregate query each on the server.
var count = await orders.CountAsync();
var revenue = await orders.SumAsync(o => o.Amount);
var average = await orders.AverageAsync(o => o.Amount);
Console.WriteLine($"== Totals (aggregates)\n{count} orders, revenue {revenue:N2}, average order {average:N2}\n");
