using Spark.Connect.Local;

namespace Spark.Linq.Testing;

/// <summary>
/// A Spark session on the local engine for one test, with tables of its own:
/// <code>
/// await using var spark = await SparkTestSession.StartAsync(SparkTestTable.Of("orders", orders));
/// var big = await spark.Table&lt;Order&gt;("orders").Where(o =&gt; o.Amount &gt; 100m).ToListAsync();
/// </code>
/// Tables are the session's temporary views, made with Spark.Linq's own column mapping and naming policy: no other
/// session sees them, so tests may run in parallel, and disposing the session drops them. The engine is the shared
/// one (<see cref="LocalSparkEngine"/>) unless one is given or <see cref="StartOwnEngineAsync"/> starts a private one.
/// </summary>
public sealed class SparkTestSession : IAsyncDisposable
{
    private readonly bool _ownsServer;
    private int _disposed;

    private SparkTestSession(LocalSparkServer server, SparkSession session, bool ownsServer)
    {
        Server = server;
        Session = session;
        _ownsServer = ownsServer;
    }

    /// <summary>The session: query it as any <see cref="SparkSession"/>.</summary>
    public SparkSession Session { get; }

    /// <summary>The engine the session runs on (shared between tests unless this session started its own).</summary>
    public LocalSparkServer Server { get; }

    /// <summary>A session on the shared engine with <paramref name="tables"/> loaded.</summary>
    public static Task<SparkTestSession> StartAsync(params SparkTestTable[] tables) => StartAsync(configure: null, tables);

    /// <summary>
    /// A session on the shared engine, configured by <paramref name="configure"/> (naming policy, null semantics, client
    /// options; the connection string is the engine's), with <paramref name="tables"/> loaded through that configuration.
    /// </summary>
    public static async Task<SparkTestSession> StartAsync(Action<SparkSessionOptions>? configure, params SparkTestTable[] tables) =>
        await StartAsync(await LocalSparkEngine.SharedAsync().ConfigureAwait(false), configure, tables).ConfigureAwait(false);

    /// <summary>A session on <paramref name="server"/> (which the caller keeps and disposes), configured and loaded as above.</summary>
    public static Task<SparkTestSession> StartAsync(LocalSparkServer server, Action<SparkSessionOptions>? configure, params SparkTestTable[] tables)
    {
        ArgumentNullException.ThrowIfNull(server);
        return StartAsync(server, ownsServer: false, configure, tables);
    }

    /// <summary>A session on an engine of its own, started now and stopped when the session is disposed (for tests that change shared tables).</summary>
    public static async Task<SparkTestSession> StartOwnEngineAsync(Action<SparkSessionOptions>? configure, params SparkTestTable[] tables)
    {
        var server = await LocalSparkServer.StartAsync().ConfigureAwait(false);
        return await StartAsync(server, ownsServer: true, configure, tables).ConfigureAwait(false);
    }

    /// <summary>Rows of table <paramref name="name"/>.</summary>
    public ISparkQueryable<T> Table<T>(string name) => Session.Table<T>(name);

    /// <summary>Rows of the table <typeparamref name="T"/> maps to (<c>[Table]</c> or the type's name).</summary>
    public ISparkQueryable<T> Table<T>() => Session.Table<T>();

    /// <summary>Loads <paramref name="rows"/> as this session's table <paramref name="name"/> (one part), replacing one of that name.</summary>
    public Task AddTableAsync<T>(string name, IEnumerable<T> rows, CancellationToken cancellationToken = default) =>
        Session.CreateTempViewAsync(name, rows, cancellationToken);

    /// <summary>Loads <paramref name="rows"/> as this session's table under the name <c>Table&lt;T&gt;()</c> reads.</summary>
    public Task AddTableAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken = default) =>
        Session.CreateTempViewAsync(SparkTestData.TableNameOf<T>(Session), rows, cancellationToken);

    /// <summary>Ends the session (its tables go with it) and stops the engine if the session started it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            await Session.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            if (_ownsServer) await Server.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"SparkTestSession on {Server}";

    private static async Task<SparkTestSession> StartAsync(LocalSparkServer server, bool ownsServer, Action<SparkSessionOptions>? configure, SparkTestTable[] tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        SparkSession? session = null;
        try
        {
            var options = new SparkSessionOptions();
            configure?.Invoke(options);
            options.ConnectionString = server.ConnectionString;
            session = SparkSession.Connect(options);
            foreach (var table in tables)
            {
                ArgumentNullException.ThrowIfNull(table, nameof(tables));
                await table.CreateAsync(session, CancellationToken.None).ConfigureAwait(false);
            }
            return new SparkTestSession(server, session, ownsServer);
        }
        catch
        {
            if (session is not null) await session.DisposeAsync().ConfigureAwait(false);
            if (ownsServer) await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
