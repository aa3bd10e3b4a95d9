using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Spark.Connect;
using Spark.Connect.Transport;

namespace Spark.Linq.DependencyInjection;

/// <summary>
/// Asks the session's server for its Spark version (AnalyzePlan <c>spark_version</c>) once, without retries and within a
/// short timeout: healthy when it answers, the registration's failure status (unhealthy by default) with the reason
/// otherwise. The description names host:port, never the token.
/// </summary>
internal sealed class SparkConnectHealthCheck(SparkSession session, TimeSpan timeout) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var client = session.Client;
        var data = new Dictionary<string, object> { ["server"] = client.ServerEndpoint };
        var clock = Stopwatch.StartNew();
        try
        {
            var version = await client.ProbeSparkVersionAsync(timeout, cancellationToken).ConfigureAwait(false);
            data["spark_version"] = version;
            return HealthCheckResult.Healthy($"Spark {version} at {client.ServerEndpoint} answered in {clock.ElapsedMilliseconds} ms.", data);
        }
        catch (Exception error) when (error is GrpcException or SparkException
                                      || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = error is GrpcException { StatusCode: GrpcStatusCode.DeadlineExceeded } or OperationCanceledException
                ? $"did not answer within {timeout.TotalSeconds:0.#} s"
                : $"could not be asked for its version ({Describe(error)})";
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"The Spark Connect server at {client.ServerEndpoint} {reason}.", error, data);
        }
    }

    private static string Describe(Exception error) => error switch
    {
        SparkException spark => spark.ErrorClass ?? spark.StatusCode.ToString(),
        GrpcException grpc => grpc.StatusCode.ToString(),
        _ => error.GetType().Name,
    };
}
