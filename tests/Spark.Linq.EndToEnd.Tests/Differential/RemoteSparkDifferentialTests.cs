using Spark.Connect;
using Spark.Linq.EndToEnd.Tests.Corpus;
using Spark.Linq.EndToEnd.Tests.Data;

namespace Spark.Linq.EndToEnd.Tests.Differential;

/// <summary>
/// The same corpus against a real Spark Connect server named by <c>SPARK_REMOTE</c>. The dataset
/// travels with each query as local relations (<c>CreateDataFrame</c>), so the server needs no setup.
/// Without <c>SPARK_REMOTE</c> every case is reported as skipped, never as passed.
/// </summary>
[TestFixture]
public sealed class RemoteSparkDifferentialTests
{
    private SparkSession? _spark;
    private string _server = "";
    private SalesSources _expected = null!;
    private SalesSources _actual = null!;

    [OneTimeSetUp]
    public void Connect()
    {
        var remote = Environment.GetEnvironmentVariable("SPARK_REMOTE");
        if (string.IsNullOrWhiteSpace(remote))
            Assert.Ignore("SPARK_REMOTE is not set, so the corpus is not run against a real Spark. Set SPARK_REMOTE=sc://host:15002 to run it.");
        // Smaller than the local dataset: every query carries the rows in its plan.
        var data = new SalesData(orderCount: 400);
        _spark = SparkSession.Connect(remote);
        _server = remote;
        _expected = new ObjectSources(data);
        _actual = new SparkSources(_spark, data, tablesOnServer: false);
    }

    [OneTimeTearDown]
    public async Task Disconnect()
    {
        if (_spark is null)
            return;
        // One line for CI logs: which server, which Spark, and how the corpus fared on it.
        var result = TestContext.CurrentContext.Result;
        string version;
        try
        {
            version = await _spark.Client.SparkVersionAsync();
        }
        catch (Exception error) when (error is SparkException or Spark.Connect.Transport.GrpcException)
        {
            version = "unknown (" + error.GetType().Name + ")";
        }
        TestContext.Progress.WriteLine(
            $"remote corpus on {Host(_server)} (Spark {version}): {result.PassCount} passed, {result.FailCount} failed");
        await _spark.DisposeAsync();
    }

    // The host and port only: SPARK_REMOTE may carry a token.
    private static string Host(string remote)
    {
        try
        {
            var parsed = SparkConnectionString.Parse(remote, allowTokenWithoutTls: true);
            return $"{parsed.Host}:{parsed.Port}";
        }
        catch (ArgumentException)
        {
            return "the SPARK_REMOTE server";
        }
    }

    [TestCaseSource(typeof(SalesCorpus), nameof(SalesCorpus.TestCases))]
    public async Task Matches_linq_to_objects_on_real_Spark(DifferentialCase query)
    {
        var expected = query.RunObjects(_expected);
        var actual = await query.RunSparkAsync(_actual, CancellationToken.None);
        ResultComparer.AssertEqual(expected, actual, query.Ordered);
    }
}
