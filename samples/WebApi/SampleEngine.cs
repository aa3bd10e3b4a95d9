using Spark.Connect.Local;
using Spark.Linq.Testing;

namespace WebApi;

/// <summary>
/// The embedded local Spark Connect server (DuckDB underneath), started when no server is configured, with the sample
/// data as table <c>orders</c>. It requires a random token, as a server beyond loopback would, so the sample shows that
/// the token stays out of logs and telemetry.
/// </summary>
public sealed class SampleEngine(SalesData data) : IAsyncDisposable
{
    private LocalSparkServer? _server;

    /// <summary>Whether the data is a table on the local engine; otherwise queries send it along (a remote server has no such table).</summary>
    public bool HasTables => _server is not null;

    /// <summary>
    /// Starts the local engine unless <c>SPARK_REMOTE</c>, <c>Spark:ConnectionString</c> or <c>ConnectionStrings:Spark</c>
    /// names a server, and points <c>Spark:ConnectionString</c> at it. Call it after the application is built and
    /// before it runs: the engine is a web host of its own, and the session reads the connection string when it starts.
    /// </summary>
    public async Task StartUnlessConfiguredAsync(IConfiguration configuration)
    {
        var configured = !string.IsNullOrWhiteSpace(configuration["Spark:ConnectionString"])
                         || !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Spark"))
                         || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("SPARK_REMOTE"));
        if (configured) return;

        _server = await LocalSparkServer.StartAsync(new LocalSparkServerOptions { Token = Guid.NewGuid().ToString("N") });
        _server.CreateTable("orders", data.Orders);
        configuration["Spark:ConnectionString"] = _server.ConnectionString;
        // The engine listens on loopback only, so its token may travel without TLS.
        configuration["Spark:Client:AllowTokenWithoutTls"] = "true";
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
