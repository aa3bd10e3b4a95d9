using Spark.Connect.Transport;

namespace Spark.Connect;

/// <summary>Builds the default transport (Grpc.Net.Client) for a parsed connection string and the client's options.</summary>
internal static class DefaultTransportFactory
{
    public static IGrpcTransport Create(SparkConnectionString connection, SparkConnectClientOptions options) =>
        new GrpcNetClientTransport(OptionsFor(connection, options));

    /// <summary>The transport settings for a connection: the connection string's, then <see cref="SparkConnectClientOptions.ConfigureTransport"/>.</summary>
    public static GrpcTransportOptions OptionsFor(SparkConnectionString connection, SparkConnectClientOptions options)
    {
        var transportOptions = new GrpcTransportOptions
        {
            Address = connection.Endpoint,
            MaxReceiveMessageSize = connection.GrpcMaxMessageSize ?? GrpcTransportOptions.DefaultMaxReceiveMessageSize,
            LoggerFactory = options.LoggerFactory,
        };
        return options.ConfigureTransport?.Invoke(transportOptions) ?? transportOptions;
    }
}
