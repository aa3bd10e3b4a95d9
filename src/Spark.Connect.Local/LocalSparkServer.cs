using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spark.Connect.Local.Data;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Service;
using Spark.Connect.Local.Service.Hosting;

namespace Spark.Connect.Local;

/// <summary>
/// A Spark Connect server that runs plans on an embedded DuckDB database, in this process, without a
/// Spark cluster. Serves gRPC (Grpc.AspNetCore on Kestrel) over HTTP/2 without TLS (h2c), by default on 127.0.0.1
/// and a free port.
/// </summary>
/// <example>
/// <code>
/// await using var server = await LocalSparkServer.StartAsync();
/// server.CreateTableFromArrow("orders", arrowIpcStream);
/// var client = SparkConnectClient.Create(server.ConnectionString);
/// </code>
/// </example>
public sealed class LocalSparkServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DuckDbDatabase _database;
    private readonly LocalSparkService _service;
    private readonly DataLoader _data;
    private int _disposed;

    private LocalSparkServer(WebApplication app, DuckDbDatabase database, LocalSparkService service, int port, string host, string? token)
    {
        _app = app;
        _database = database;
        _service = service;
        _data = new DataLoader(database);
        Port = port;
        // A wildcard bind address is not something a client can connect to; loopback reaches it locally.
        var reachable = host switch { "0.0.0.0" => "127.0.0.1", "::" => "::1", _ => host };
        var address = reachable.Contains(':', StringComparison.Ordinal) ? $"[{reachable}]" : reachable;
        _display = $"sc://{address}:{port}";
        ConnectionString = _display + (token is null ? string.Empty : "/;use_ssl=false;token=" + Uri.EscapeDataString(token));
    }

    private readonly string _display;

    /// <summary>The RPC implementation (sessions and operations), for tests and diagnostics.</summary>
    internal LocalSparkService Service => _service;

    /// <summary>The port the server listens on.</summary>
    public int Port { get; }

    /// <summary>
    /// The connection string for <c>SparkConnectClient.Create</c> / <c>SparkSession.Connect</c>:
    /// <c>sc://127.0.0.1:PORT</c>, plus <c>/;use_ssl=false;token=…</c> when a token is configured (treat it as a secret
    /// then). The server speaks HTTP/2 without TLS, so a client must be told to send a token without TLS
    /// (<c>SparkConnectClientOptions.AllowTokenWithoutTls</c>); keep such servers on loopback.
    /// </summary>
    public string ConnectionString { get; }

    /// <summary>Starts a server; returns once it accepts connections.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="DuckDbException">The DuckDB native library or database could not be opened.</exception>
    public static async Task<LocalSparkServer> StartAsync(LocalSparkServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalSparkServerOptions();
        options.Validate();
        var bindAddress = ResolveHost(options.Host);
        var database = DuckDbDatabase.Open(options.DatabasePath ?? DuckDbDatabase.InMemory);
        try
        {
            // Before any client can connect: settings, extensions and file access are the host's, not the clients'.
            Security.DatabaseLockdown.Apply(database, options);
            var service = new LocalSparkService(database, options);
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.Services.AddGrpc(grpc => GrpcServerSettings.Apply(grpc, options));
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            {
                kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
                kestrel.Listen(bindAddress, options.Port, listen => listen.Protocols = HttpProtocols.Http2);
            });
            var app = builder.Build();
            app.MapGrpcService(NestingLimitedBinder.Bind(service, options.MaxRequestNestingDepth));
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await app.DisposeAsync().ConfigureAwait(false);
                service.Dispose();
                throw;
            }
            var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
            return new LocalSparkServer(app, database, service, bound.Port, options.Host, options.Token);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Creates (or replaces) table <paramref name="name"/>, which every session sees, from an Arrow IPC stream (a schema
    /// message and record batches: what a Spark Connect <c>LocalRelation</c> carries). Column names and types are the
    /// stream's (see docs/local-engine.md, "Data"); the engine maps no C# types itself. To make a table from objects, use
    /// <c>server.CreateTable(name, rows, naming)</c> of the <c>Spark.Linq.Testing</c> package, which writes them with
    /// Spark.Linq's own mapping (the one <c>CreateDataFrame</c> uses).
    /// </summary>
    /// <exception cref="ArgumentException">The stream is empty or malformed, has a type the engine can't store, or a value DuckDB
    /// refuses (the message says which, with the Spark error class); the previous table, if any, is kept.</exception>
    public void CreateTableFromArrow(string name, ReadOnlyMemory<byte> arrowStream)
    {
        ThrowIfDisposed();
        _data.CreateTable(name, arrowStream);
    }

    /// <summary>
    /// Registers a Parquet, CSV or JSON file (format chosen by its extension) as view <paramref name="name"/>; or a
    /// folder, read as one table as Spark reads a directory: every file in it and its subfolders except names
    /// starting with <c>_</c> or <c>.</c>, all of one extension.
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither a file nor a folder exists at <paramref name="path"/>.</exception>
    /// <exception cref="ArgumentException">The extension is not .parquet, .csv or .json/.jsonl/.ndjson, or a folder's files have none or several.</exception>
    /// <exception cref="UnauthorizedAccessException">File access is limited (see <see cref="LocalSparkServerOptions.DataDirectories"/>) and the file is outside the data directories.</exception>
    public void RegisterFile(string name, string path)
    {
        ThrowIfDisposed();
        _data.RegisterFile(name, path, format: null);
    }

    /// <summary>Registers a file or folder of an explicit <paramref name="format"/> (<c>parquet</c>, <c>csv</c> or <c>json</c>) as view <paramref name="name"/>.</summary>
    /// <exception cref="FileNotFoundException">Neither a file nor a folder exists at <paramref name="path"/>.</exception>
    /// <exception cref="ArgumentException">The format is not one of the three, or a folder's files have none or several extensions.</exception>
    /// <exception cref="UnauthorizedAccessException">File access is limited and the file is outside the data directories.</exception>
    public void RegisterFile(string name, string path, string format)
    {
        ThrowIfDisposed();
        _data.RegisterFile(name, path, FileFormats.Parse(format));
    }

    /// <summary>Stops accepting calls, ends every session and closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _service.InterruptEverything();
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            try
            {
                await _app.StopAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Calls still running after the grace period are aborted by disposing the app.
            }
        }
        await _app.DisposeAsync().ConfigureAwait(false);
        _service.Dispose();
        _data.Dispose();
        _database.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"LocalSparkServer({_display})";

    private static IPAddress ResolveHost(string host)
    {
        if (host == "localhost")
            return IPAddress.Loopback;
        if (IPAddress.TryParse(host, out var address))
            return address;
        throw new ArgumentException($"LocalSparkServerOptions.Host '{host}' is not an IP address; use 127.0.0.1, ::1 or 0.0.0.0.");
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
