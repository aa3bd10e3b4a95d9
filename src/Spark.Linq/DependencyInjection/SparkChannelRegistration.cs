using System.Diagnostics.Metrics;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spark.Connect;
using Spark.Connect.Transport;

namespace Spark.Linq.DependencyInjection;

/// <summary>
/// The session's gRPC channel as a Grpc.Net.ClientFactory client: address, limits and primary handler from the
/// session options, the HTTP handler pipeline (and its lifetime) from <c>IHttpClientFactory</c>.
/// </summary>
internal static class SparkChannelRegistration
{
    /// <summary>The <c>IHttpClientFactory</c> name of the session's channel.</summary>
    public const string ClientName = "Spark.Linq.SparkConnect";

    public static IHttpClientBuilder Register(IServiceCollection services)
    {
        // A second AddSparkLinq changes nothing (the session is registered once); it gets the same client to configure.
        if (services.Any(d => d.ServiceType == typeof(SparkChannelSettings)))
            return services.AddHttpClient(ClientName);
        services.AddSingleton<SparkChannelSettings>();
        return services
            .AddGrpcClient<SparkConnectCallInvoker>(ClientName, (provider, factory) =>
            {
                var transport = provider.GetRequiredService<SparkChannelSettings>().Transport;
                factory.Address = transport.Address;
                factory.ChannelOptionsActions.Add(channel => GrpcNetClientTransport.ConfigureChannel(channel, transport));
            })
            .ConfigurePrimaryHttpMessageHandler(provider =>
                GrpcNetClientTransport.CreateHttpHandler(provider.GetRequiredService<SparkChannelSettings>().Transport))
            .AddHttpMessageHandler(provider =>
                GrpcNetClientTransport.CreateUserAgentHandler(provider.GetRequiredService<SparkChannelSettings>().Transport.UserAgent));
    }

    /// <summary>
    /// The session to register: the configured options with the host's <see cref="ILoggerFactory"/> and
    /// <see cref="IMeterFactory"/>, and the transport built on the factory's channel unless the application supplied its
    /// own <see cref="SparkConnectClientOptions.TransportFactory"/>.
    /// </summary>
    public static SparkSession CreateSession(IServiceProvider provider)
    {
        var configured = provider.GetRequiredService<IOptions<SparkSessionOptions>>().Value;
        var options = new SparkSessionOptions
        {
            ConnectionString = configured.ConnectionString,
            NamingPolicy = configured.NamingPolicy,
            NullSemantics = configured.NullSemantics,
            TranslatorPlugins = [.. configured.TranslatorPlugins],
            Client = configured.Client.Copy(),
        };
        // The host's logging and metrics, unless the application chose its own: queries log and measure out of the box.
        options.Client.LoggerFactory ??= provider.GetService<ILoggerFactory>();
        options.Client.MeterFactory ??= provider.GetService<IMeterFactory>();
        if (options.Client.TransportFactory is null)
        {
            var settings = provider.GetRequiredService<SparkChannelSettings>();
            var invoker = provider.GetRequiredService<SparkConnectCallInvoker>().Invoker;
            options.Client.TransportFactory = _ => new GrpcNetClientTransport(invoker, settings.Transport);
        }
        return SparkSession.Connect(options);
    }
}

/// <summary>The transport settings for the configured connection string, computed once.</summary>
internal sealed class SparkChannelSettings(IOptions<SparkSessionOptions> options)
{
    private readonly Lazy<GrpcTransportOptions> _transport = new(() =>
    {
        var session = options.Value;
        var connection = session.ConnectionString is { } text
            ? SparkConnectionString.Parse(text, session.Client.AllowTokenWithoutTls)
            : SparkConnectionString.FromEnvironment()
              ?? throw new InvalidOperationException("No connection string: set Spark:ConnectionString or the SPARK_REMOTE environment variable.");
        return DefaultTransportFactory.OptionsFor(connection, session.Client);
    });

    public GrpcTransportOptions Transport => _transport.Value;
}

/// <summary>The typed client Grpc.Net.ClientFactory creates: it only hands over the channel's call invoker.</summary>
internal sealed class SparkConnectCallInvoker(CallInvoker invoker)
{
    public CallInvoker Invoker { get; } = invoker;
}
