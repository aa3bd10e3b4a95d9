using Spark.Linq.EndToEnd.Tests.Data;

namespace Spark.Linq.EndToEnd.Tests.Differential;

/// <summary>
/// The query roots a corpus case starts from. The same case runs once over <see cref="ObjectSources"/>
/// (LINQ-to-Objects, the expected answer) and once over a Spark session (the answer under test).
/// </summary>
public abstract class SalesSources
{
    public abstract IQueryable<Order> Orders { get; }

    public abstract IQueryable<Customer> Customers { get; }

    public abstract IQueryable<Product> Products { get; }

    public abstract IQueryable<Basket> Baskets { get; }

    /// <summary>Rows that are not in any table: <c>CreateDataFrame</c> on Spark, the rows themselves in memory.</summary>
    public abstract IQueryable<T> Local<T>(IEnumerable<T> rows);
}

/// <summary>LINQ-to-Objects over the in-memory dataset.</summary>
public sealed class ObjectSources(SalesData data) : SalesSources
{
    public override IQueryable<Order> Orders => data.Orders.AsQueryable();

    public override IQueryable<Customer> Customers => data.Customers.AsQueryable();

    public override IQueryable<Product> Products => data.Products.AsQueryable();

    public override IQueryable<Basket> Baskets => data.Baskets.AsQueryable();

    public override IQueryable<T> Local<T>(IEnumerable<T> rows) => rows.ToList().AsQueryable();
}

/// <summary>Spark.Linq over a session whose server has the dataset as tables (or, remotely, as local relations).</summary>
public sealed class SparkSources(SparkSession spark, SalesData data, bool tablesOnServer) : SalesSources
{
    public override IQueryable<Order> Orders => tablesOnServer ? spark.Table<Order>("orders") : spark.CreateDataFrame(data.Orders);

    public override IQueryable<Customer> Customers => tablesOnServer ? spark.Table<Customer>("customers") : spark.CreateDataFrame(data.Customers);

    public override IQueryable<Product> Products => tablesOnServer ? spark.Table<Product>("products") : spark.CreateDataFrame(data.Products);

    public override IQueryable<Basket> Baskets => tablesOnServer ? spark.Table<Basket>("baskets") : spark.CreateDataFrame(data.Baskets);

    public override IQueryable<T> Local<T>(IEnumerable<T> rows) => spark.CreateDataFrame(rows);
}
