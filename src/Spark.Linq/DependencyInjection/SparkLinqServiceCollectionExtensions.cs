using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Spark.Linq;
using Spark.Linq.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Spark.Linq in an application's service collection.</summary>
public static class SparkLinqServiceCollectionExtensions
{
    /// <summary>
    /// Registers one thread-safe <see cref="SparkSession"/> for the application, configured by
    /// <paramref name="configure"/>. Options are validated when the host starts (a malformed connection
    /// string fails start-up with a message naming the bad part), and the session is released when the
    /// service provider is disposed at shutdown. Creating the session does no I/O. The session's gRPC channel gets its
    /// HTTP handler pipeline from <c>IHttpClientFactory</c>: add handlers through <see cref="SparkLinqBuilder.HttpClient"/>.
    /// </summary>
    public static SparkLinqBuilder AddSparkLinq(this IServiceCollection services, Action<SparkSessionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SparkSessionOptions>().Configure(configure).ValidateOnStart();
        return services.AddSparkSessionCore();
    }

    /// <summary>
    /// Registers a <see cref="SparkSession"/> configured from <paramref name="configuration"/>, with keys
    /// <c>ConnectionString</c>, <c>NamingPolicy</c> (<c>AsIs</c> or <c>SnakeCase</c>), <c>NullSemantics</c> (<c>CSharp</c>
    /// or <c>Sql</c>) and <c>Client</c> (retry, reattach, timeout and logging settings). Pass the root configuration
    /// (<c>builder.Configuration</c>) to read its <c>Spark</c> section, with <c>ConnectionStrings:Spark</c> used when
    /// <c>Spark:ConnectionString</c> is not set; or pass a section (<c>configuration.GetSection("Spark")</c>) to read only
    /// that section. As with the other overload, <see cref="SparkLinqBuilder.HttpClient"/> configures the HTTP pipeline of
    /// the session's gRPC channel.
    /// </summary>
    public static SparkLinqBuilder AddSparkLinq(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SparkSessionOptions>().Configure(options => SparkConfigurationBinder.Bind(configuration, options)).ValidateOnStart();
        return services.AddSparkSessionCore();
    }

    /// <summary>
    /// Registers an application context type whose constructor takes the <see cref="SparkSession"/>,
    /// e.g. <c>class SalesContext(SparkSession spark) { public ISparkQueryable&lt;Order&gt; Orders =&gt; spark.Table&lt;Order&gt;(); }</c>.
    /// Contexts are scoped; they share the one session.
    /// </summary>
    public static IServiceCollection AddSparkContext<TContext>(this IServiceCollection services) where TContext : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<TContext>();
        return services;
    }

    private static SparkLinqBuilder AddSparkSessionCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SparkSessionOptions>, SparkSessionOptionsValidator>());
        var httpClient = SparkChannelRegistration.Register(services);
        // The container disposes the session (IAsyncDisposable) on shutdown, which releases the server session.
        services.TryAddSingleton(SparkChannelRegistration.CreateSession);
        return new SparkLinqBuilder(services, httpClient);
    }
}
