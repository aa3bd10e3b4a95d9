using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Spark.Linq.DependencyInjection;

/// <summary>
/// What <c>AddSparkLinq</c> registered: the service collection, and the <see cref="IHttpClientBuilder"/> of the HTTP
/// pipeline the session's gRPC channel uses, so an application can add <see cref="DelegatingHandler"/>s
/// (<c>builder.HttpClient.AddHttpMessageHandler&lt;MyHandler&gt;()</c>), resilience or logging handlers.
/// </summary>
public sealed class SparkLinqBuilder
{
    internal SparkLinqBuilder(IServiceCollection services, IHttpClientBuilder httpClient)
    {
        Services = services;
        HttpClient = httpClient;
    }

    /// <summary>The application's service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// The named <c>IHttpClientFactory</c> client behind the session's gRPC channel. Its primary handler is Spark.Linq's
    /// HTTP/2 handler (keep-alive pings, connect timeout, certificate validation from <c>Client.ConfigureTransport</c>);
    /// handlers added here run for every Spark Connect call, inside the User-Agent handler. Not used when
    /// <c>Client.TransportFactory</c> is set. <c>ConfigureHttpClient</c> is not supported by gRPC clients.
    /// </summary>
    public IHttpClientBuilder HttpClient { get; }

    /// <summary>Registers an application context type (see <see cref="SparkLinqServiceCollectionExtensions.AddSparkContext{TContext}"/>).</summary>
    public SparkLinqBuilder AddSparkContext<TContext>() where TContext : class
    {
        Services.AddSparkContext<TContext>();
        return this;
    }

    /// <summary>
    /// Registers the Spark Connect health check (<c>services.AddHealthChecks().AddSparkConnect(…)</c>): the server must
    /// answer AnalyzePlan <c>spark_version</c> within <paramref name="timeout"/> (default 5 s). Map it with
    /// <c>app.MapHealthChecks("/health")</c>.
    /// </summary>
    public SparkLinqBuilder AddHealthCheck(string name = SparkHealthChecksBuilderExtensions.DefaultName, HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null, TimeSpan? timeout = null)
    {
        Services.AddHealthChecks().AddSparkConnect(name, failureStatus, tags, timeout);
        return this;
    }
}
