using Grpc.AspNetCore.Server;

namespace Spark.Connect.Local.Service.Hosting;

/// <summary>How the local engine configures Grpc.AspNetCore: message limits, error detail and authentication.</summary>
internal static class GrpcServerSettings
{
    /// <summary>The largest request accepted, 128 MiB like Spark's <c>spark.connect.grpc.maxInboundMessageSize</c>.</summary>
    internal const int MaxReceiveMessageSize = 128 * 1024 * 1024;

    internal static void Apply(GrpcServiceOptions grpc, LocalSparkServerOptions options)
    {
        grpc.MaxReceiveMessageSize = MaxReceiveMessageSize;
        // Results are bounded by MaxBytesPerBatch; a response is never refused for its size.
        grpc.MaxSendMessageSize = null;
        // The service turns every failure into a Spark error; anything that escapes it is reported without its text.
        grpc.EnableDetailedErrors = false;
        if (options.Token is not null)
            grpc.Interceptors.Add<TokenInterceptor>(options.Token);
    }
}
