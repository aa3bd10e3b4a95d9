
namespace Spark.Linq.Tests;

/// <summary>
/// Plan tests run offline: a session for sc://localhost is created, but no query is ever run, so
/// nothing connects. Each test states a query and the plan it must produce.
/// </summary>
public abstract class PlanTestBase
{
    protected SparkSession Spark { get; private set; } = null!;

    protected ISparkQueryable<Order> Orders => Spark.Table<Order>();

    protected virtual SparkSessionOptions Options => new()
    {
        ConnectionString = "sc://localhost",
        Client = new Spark.Connect.SparkConnectClientOptions { TransportFactory = _ => new NoNetworkTransport() },
    };

    [SetUp]
    public void CreateSession() => Spark = SparkSession.Connect(Options);

    [TearDown]
    public async Task DisposeSession() => await Spark.DisposeAsync();

    /// <summary>Asserts the plan tree; lines are compared exactly, indentation included.</summary>
    protected static void AssertPlan<T>(IQueryable<T> query, string expected) =>
        Assert.That(query.ToPlanString(), Is.EqualTo(Normalize(expected)));

    private static string Normalize(string text)
    {
        var lines = text.Replace("\r", string.Empty).Split('\n').Where(l => l.Trim().Length > 0).ToList();
        var indent = lines.Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l[indent..].TrimEnd()));
    }
}
