using System.ComponentModel.DataAnnotations.Schema;
using Spark.Linq;

// The quickstart shows what Spark.Linq sends to Spark for a few everyday queries. Translating and
// inspecting plans needs no server; running them arrives with query execution and the local engine.
var remote = Environment.GetEnvironmentVariable("SPARK_REMOTE") ?? "sc://localhost";
await using var spark = SparkSession.Connect(remote);

var minimum = 100m;
Show("Big orders, newest first",
    spark.Table<Order>()
        .Where(o => o.Amount > minimum && o.Region != null)
        .OrderByDescending(o => o.PlacedAt)
        .Select(o => new { o.Id, o.Region, o.Amount })
        .Take(10));

Show("Regions with a discount, by name",
    spark.Table<Order>()
        .Where(o => o.Discount.HasValue && o.Region.StartsWith("E"))
        .Select(o => o.Region.ToUpper())
        .Distinct()
        .OrderBy(r => r));

Show("Parameterised SQL (values travel as literals)",
    spark.Sql<Order>("SELECT * FROM sales.orders WHERE region = :region", new { region = "EMEA" })
        .Where(o => o.Amount >= 50));

static void Show<T>(string title, IQueryable<T> query)
{
    Console.WriteLine($"== {title}");
    Console.WriteLine(query.ToPlanString());
    Console.WriteLine();
}

[Table("orders", Schema = "sales")]
internal sealed class Order
{
    public long Id { get; set; }
    public string Region { get; set; } = "";
    public decimal Amount { get; set; }
    public decimal? Discount { get; set; }
    public DateTime PlacedAt { get; set; }
}
