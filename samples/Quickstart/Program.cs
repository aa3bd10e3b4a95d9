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
await using var spark = SparkSession.Connect(server?.ConnectionString ?? remote!);
if (server is not null)
{
    // Spark.Linq's own writes (saveAsTable) put the dataset into the local engine's catalog.
    await spark.CreateDataFrame(data.Customers).WriteToTableAsync("customers", SparkWriteMode.Overwrite);
    await spark.CreateDataFrame(data.Products).WriteToTableAsync("products", SparkWriteMode.Overwrite);
    await spark.CreateDataFrame(data.Orders).WriteToTableAsync("orders", SparkWriteMode.Overwrite);
}

Console.WriteLine(server is null ? $"Spark Connect server: {remote}" : $"Local Spark Connect server: {server.ConnectionString}");
Console.WriteLine();

ISparkQueryable<Order> orders = server is null ? spark.CreateDataFrame(data.Orders) : spark.Table<Order>("orders");
ISparkQueryable<Customer> customers = server is null ? spark.CreateDataFrame(data.Customers) : spark.Table<Customer>("customers");
ISparkQueryable<Product> products = server is null ? spark.CreateDataFrame(data.Products) : spark.Table<Product>("products");

var minimum = 900m;
await TablePrinter.ShowAsync("Big EMEA orders in March (filter and projection)",
    orders.Where(o => o.Region == "EMEA" && o.Amount >= minimum && o.PlacedAt.Month == 3)
          .OrderBy(o => o.PlacedAt)
          .Select(o => new { o.Id, o.PlacedAt, o.Quantity, o.Amount }));

await TablePrinter.ShowAsync("Revenue by region (grouped aggregate)",
    orders.GroupBy(o => o.Region)
          .Select(g => new { Region = g.Key, Orders = g.Count(), Revenue = g.Sum(o => o.Amount), AverageOrder = g.Average(o => o.Amount) })
          .OrderByDescending(r => r.Revenue));

await TablePrinter.ShowAsync("Top 5 orders with their customers (join, top-N)",
    (from o in orders
     join c in customers on o.CustomerId equals c.Id
     orderby o.Amount descending, o.Id
     select new { o.Id, Customer = c.Name, c.Country, o.Amount }).Take(5));

await TablePrinter.ShowAsync("Orders by customer country, unknown customers included (left join)",
    from o in orders
    join c in customers on o.CustomerId equals c.Id into matches
    from c in matches.DefaultIfEmpty()
    group o by c == null ? "(unknown)" : c.Country into g
    orderby g.Key
    select new { Country = g.Key, Orders = g.Count(), Revenue = g.Sum(o => o.Amount) });

await TablePrinter.ShowAsync("Two best-selling products per category (per-group ranking)",
    (from o in orders
     join p in products on o.ProductId equals p.Id
     group o by new { p.Category, p.Name } into g
     select new { g.Key.Category, Product = g.Key.Name, Units = g.Sum(o => o.Quantity) })
    .Select(x => new { x.Category, x.Product, x.Units, Rank = SparkFunctions.RowNumber(Window.PartitionBy(x.Category).OrderByDescending(x.Units).ThenBy(x.Product)) })
    .Where(x => x.Rank <= 2)
    .OrderBy(x => x.Category).ThenBy(x => x.Rank));

// Terminal operators run one aggregate query each on the server.
var count = await orders.CountAsync();
var revenue = await orders.SumAsync(o => o.Amount);
Console.WriteLine($"== Totals (terminal aggregates)\n{count} orders, revenue {revenue:N2}\n");
