using Spark.Connect.Local;
using Spark.Linq.EndToEnd.Tests.Corpus;
using Spark.Linq.EndToEnd.Tests.Data;
using Spark.Linq.Testing;

namespace Spark.Linq.EndToEnd.Tests.Differential;

/// <summary>
/// Every corpus query through Spark.Linq against the embedded local server (the dataset registered
/// with <c>CreateTable</c>) must give what LINQ-to-Objects gives over the same objects.
/// </summary>
[TestFixture]
public sealed class LocalEngineDifferentialTests
{
    private LocalSparkServer _server = null!;
    private SparkSession _spark = null!;
    private SalesSources _expected = null!;
    private SalesSources _actual = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        var data = new SalesData();
        _server = await LocalSparkServer.StartAsync();
        _server.CreateTable("orders", data.Orders);
        _server.CreateTable("customers", data.Customers);
        _server.CreateTable("products", data.Products);
        _server.CreateTable("baskets", data.Baskets);
        _spark = SparkSession.Connect(_server.ConnectionString);
        _expected = new ObjectSources(data);
        _actual = new SparkSources(_spark, data, tablesOnServer: true);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await _spark.DisposeAsync();
        await _server.DisposeAsync();
    }

    [TestCaseSource(typeof(SalesCorpus), nameof(SalesCorpus.TestCases))]
    public async Task Matches_linq_to_objects(DifferentialCase query)
    {
        var expected = query.RunObjects(_expected);
        var actual = await query.RunSparkAsync(_actual, CancellationToken.None);
        ResultComparer.AssertEqual(expected, actual, query.Ordered);
    }
}
