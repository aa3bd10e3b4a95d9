using Spark.Connect.Local;
using Spark.Linq;
using Spark.Linq.Testing;

namespace EfCoexistence;

/// <summary>One embedded Spark Connect server for the assembly, with <see cref="Seed"/>'s rows as the tables <c>orders</c> and <c>customers</c>.</summary>
[SetUpFixture]
public sealed class LocalSpark
{
    private static LocalSparkServer? _server;
    private static SparkSession? _session;

    public static SparkSession Session => _session ?? throw new InvalidOperationException("The local Spark server has not started.");

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await LocalSparkServer.StartAsync();
        _server.CreateTable("orders", Seed.Orders());
        _server.CreateTable("customers", Seed.Customers());
        _session = SparkSession.Connect(_server.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_session is not null) await _session.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}
