using Spark.Linq;

namespace WebApi;

/// <summary>The application's view of its Spark data, one per request, sharing the one session.</summary>
public sealed class SalesContext(SparkSession spark, SampleEngine engine, SalesData data)
{
    /// <summary>The local engine's table, or the same rows sent with the query to a remote server.</summary>
    public ISparkQueryable<Order> Orders => engine.HasTables ? spark.Table<Order>() : spark.CreateDataFrame(data.Orders);
}
