using Spark.Linq.Testing;

namespace ShopTests;

/// <summary>Stops the engine the tests shared once they have all run (optional: the process ending stops it too).</summary>
[SetUpFixture]
public sealed class SharedEngine
{
    [OneTimeTearDown]
    public Task StopAsync() => LocalSparkEngine.ShutdownSharedAsync();
}
