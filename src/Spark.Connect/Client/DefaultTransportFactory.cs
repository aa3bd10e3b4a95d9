using Spark.Connect.Transport;

namespace Spark.Connect;

/// <summary>Builds the default transport (Grpc.Net.Client) for a parsed connection string and the client's options.</summary>
internal static class DefaultTransportFactory
{
    // grpc-java servers (Spark among them) answer pings more frequent than every 5 minutes with
    // GOAWAY by default; a slower ping still keeps idle result streams alive through NATs and proxies.
    private static readonly TimeSpan KeepAlivePingDelay = TimeSpan.FromMinutes(6);

    public static IGrpcTransport Create(SparkConnectionString connection, SparkConnectClientOptions options) =>
        new GrpcNetClientTransport(OptionsFor(connection, options));

    /// <summary>The transport settings for a connection: the connection string's, then <see cref="SparkConnectClientOptions.ConfigureTransport"/>.</summary>
    public static GrpcTransportOptions OptionsFor(SparkConnectionString connection, SparkConnectClientOptions options)
    {
        var transportOptions = new GrpcTransportOptions
        {
            Address = connection.Endpoint,
            MaxReceiveMessageSize = connection.GrpcMaxMessageSize ?? GrpcTransportOptions.DefaultMaxReceiveMessageSize,
            KeepAlivePingDelay = KeepAlivePingDelay,
            LoggerFactory = options.LoggerFactory,
        };
        return options.ConfigureTransport?.Invoke(transportOptions) ?? transportOptions;
    }
}
