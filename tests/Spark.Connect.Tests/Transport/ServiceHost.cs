using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Spark.Connect.Tests.Transport;

/// <summary>
/// Hosts a hand-written <see cref="SparkConnectService.SparkConnectServiceBase"/> with Grpc.AspNetCore on Kestrel,
/// 127.0.0.1, a free port (h2c unless told otherwise).
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServiceHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Serves <typeparamref name="TService"/>, created by dependency injection (register it in <paramref name="services"/> to share one).</summary>
    public static async Task<ServiceHost> StartAsync<TService>(Action<IServiceCollection>? services = null, HttpProtocols protocols = HttpProtocols.Http2)
        where TService : SparkConnectService.SparkConnectServiceBase
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddGrpc();
        services?.Invoke(builder.Services);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = protocols));
        WebApplication app = builder.Build();
        app.MapGrpcService<TService>();
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServiceHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
