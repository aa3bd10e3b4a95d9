using Spark.Connect.Local;

namespace Spark.Linq.Testing;

/// <summary>
/// One local engine (<see cref="LocalSparkServer"/>) shared by every test of the process, started on first use.
/// Starting an engine costs a Kestrel host and a DuckDB database; a session costs a connection. Tests share the
/// engine and each takes a session of its own (<see cref="SparkTestSession"/>), whose tables no other test sees.
/// </summary>
public static class LocalSparkEngine
{
    private static readonly Lock Gate = new();
    private static Task<LocalSparkServer>? _shared;

    /// <summary>The shared engine, started now if it is not running. Thread-safe; a failed start is retried by the next call.</summary>
    public static Task<LocalSparkServer> SharedAsync()
    {
        lock (Gate)
        {
            if (_shared is null || _shared.IsFaulted || _shared.IsCanceled) _shared = LocalSparkServer.StartAsync();
            return _shared;
        }
    }

    /// <summary>
    /// Stops the shared engine, for a once-per-run tear-down (NUnit <c>[OneTimeTearDown]</c> in a
    /// <c>[SetUpFixture]</c>, an xUnit assembly fixture). Optional: the process ending stops it too. Call it only when no
    /// test is running; a later <see cref="SharedAsync"/> starts a new engine.
    /// </summary>
    public static async Task ShutdownSharedAsync()
    {
        Task<LocalSparkServer>? shared;
        lock (Gate)
        {
            shared = _shared;
            _shared = null;
        }
        if (shared is null) return;
        LocalSparkServer server;
        try
        {
            server = await shared.ConfigureAwait(false);
        }
        catch (Exception) when (shared.IsFaulted || shared.IsCanceled)
        {
            return; // It never started: nothing to stop (the start's error went to whoever awaited it).
        }
        await server.DisposeAsync().ConfigureAwait(false);
    }
}
