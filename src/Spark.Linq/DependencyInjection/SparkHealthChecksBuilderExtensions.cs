using Microsoft.Extensions.Diagnostics.HealthChecks;
using Spark.Linq;
using Spark.Linq.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Spark Connect health check to an application's health checks.</summary>
public static class SparkHealthChecksBuilderExtensions
{
    /// <summary>The name the check is registered under unless another is given.</summary>
    public const string DefaultName = "spark";

    /// <summary>The default time the server has to answer.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Adds a check that asks the registered <see cref="SparkSession"/>'s server for its Spark version, once and within
    /// <paramref name="timeout"/> (default 5 s): <see cref="HealthStatus.Healthy"/> when it answers,
    /// <paramref name="failureStatus"/> (default <see cref="HealthStatus.Unhealthy"/>) when it can't be reached, refuses or
    /// is too slow. Needs <c>AddSparkLinq</c>.
    /// </summary>
    public static IHealthChecksBuilder AddSparkConnect(this IHealthChecksBuilder builder, string name = DefaultName,
        HealthStatus? failureStatus = null, IEnumerable<string>? tags = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var probeTimeout = timeout ?? DefaultTimeout;
        if (probeTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), probeTimeout, "The health check's timeout must be positive.");
        return builder.Add(new HealthCheckRegistration(name,
            provider => new SparkConnectHealthCheck(provider.GetRequiredService<SparkSession>(), probeTimeout), failureStatus, tags));
    }
}
