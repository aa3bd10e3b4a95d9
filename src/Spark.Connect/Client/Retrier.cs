using Google.Rpc;
using Microsoft.Extensions.Logging;
using Spark.Connect.Diagnostics;
using Spark.Connect.Transport;

namespace Spark.Connect;

/// <summary>Decides whether a failed call is worth another try and how long to wait first.</summary>
internal sealed class Retrier(RetryPolicy policy, ServerReachability reachability, ClientTelemetry telemetry,
    Func<TimeSpan, CancellationToken, Task>? delay = null)
{
    private readonly Func<TimeSpan, CancellationToken, Task> _delay = delay ?? Task.Delay;

    /// <summary>Measures time spent retrying.</summary>
    public static TimeProvider Clock => TimeProvider.System;

    public RetryPolicy Policy => policy;

    public ServerReachability Reachability => reachability;

    /// <summary>
    /// True for failures the official clients retry: UNAVAILABLE (server restarting, connection lost),
    /// INTERNAL errors reporting a disconnected cursor, and any error carrying a RetryInfo.
    /// </summary>
    public static bool IsRetryable(GrpcException error) =>
        error.StatusCode == GrpcStatusCode.Unavailable
        || (error.StatusCode == GrpcStatusCode.Internal && error.Detail.Contains("INVALID_CURSOR.DISCONNECTED", StringComparison.Ordinal))
        || ServerRetryDelay(error) is not null;

    /// <summary>The wait the server asked for through a RetryInfo detail, if any.</summary>
    public static TimeSpan? ServerRetryDelay(GrpcException error)
    {
        if (error.RichStatus is null) return null;
        foreach (var detail in error.RichStatus.Details)
        {
            if (detail.TryUnpack<RetryInfo>(out var info))
                return info.RetryDelay is null ? TimeSpan.Zero : info.RetryDelay.ToTimeSpan();
        }
        return null;
    }

    /// <summary>
    /// Waits before retry number <paramref name="retry"/> of a sequence of failures that began at <paramref name="since"/>
    /// (a <see cref="Clock"/> timestamp); false when the error is not retryable or the retries are used up.
    /// </summary>
    /// <exception cref="SparkConnectLimitException">
    /// The wait would end past <see cref="RetryPolicy.MaxRetryDuration"/>, or a server never reached still can't be reached
    /// after <see cref="SparkConnectClientOptions.InitialConnectTimeout"/>.
    /// </exception>
    /// <exception cref="OperationCanceledException">The caller cancelled during the wait; the failure being retried is inside.</exception>
    public async Task<bool> WaitBeforeRetryAsync(GrpcException error, int retry, long since, string operation, CancellationToken cancellationToken)
    {
        reachability.Observe(error);
        if (retry >= policy.MaxRetries || !IsRetryable(error)) return false;
        var wait = ServerRetryDelay(error) is { } requested && requested > TimeSpan.Zero
            ? ClampDelay(requested)
            : WithJitter(policy.BackoffFor(retry));
        var elapsed = Clock.GetElapsedTime(since);
        wait = reachability.LimitWait(error, wait, elapsed, retry + 1, operation);
        if (elapsed + wait > policy.MaxRetryDuration)
        {
            throw new SparkConnectLimitException(error.StatusCode,
                $"{operation} still failed with {error.StatusCode} ({error.Detail}) after {retry} retries over {elapsed.TotalSeconds:0.#} s; " +
                $"waiting {wait.TotalSeconds:0.#} s more would pass RetryPolicy.MaxRetryDuration ({policy.MaxRetryDuration}).",
                "RetryPolicy.MaxRetryDuration", error);
        }
        telemetry.Logger.LogInformation("Retrying {Operation} after {Status} (retry {Retry} of {Max}, waiting {Wait} ms).",
            operation, error.StatusCode, retry + 1, policy.MaxRetries, (long)wait.TotalMilliseconds);
        telemetry.Retried(operation, error.StatusCode);
        try
        {
            await _delay(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw CancelledWhileRetrying(operation, error, retry + 1, since, cancellationToken);
        }
        return true;
    }

    /// <summary>Runs a unary call, retrying retryable failures; the last failure propagates.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, string operation, CancellationToken cancellationToken)
    {
        long? since = null;
        GrpcException? last = null;
        for (var retry = 0; ; retry++)
        {
            try
            {
                var response = await call(cancellationToken).ConfigureAwait(false);
                reachability.MarkReached();
                return response;
            }
            catch (GrpcException error) when (!cancellationToken.IsCancellationRequested)
            {
                last = error;
                since ??= Clock.GetTimestamp();
                if (!await WaitBeforeRetryAsync(error, retry, since.Value, operation, cancellationToken).ConfigureAwait(false))
                    throw;
            }
            catch (OperationCanceledException) when (last is not null && cancellationToken.IsCancellationRequested)
            {
                throw CancelledWhileRetrying(operation, last, retry, since!.Value, cancellationToken);
            }
        }
    }

    /// <summary>Runs a unary call once: no retry, but what it says about the server's reachability is kept.</summary>
    public async Task<T> RunOnceAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            var response = await call(cancellationToken).ConfigureAwait(false);
            reachability.MarkReached();
            return response;
        }
        catch (GrpcException error)
        {
            reachability.Observe(error);
            throw;
        }
    }

    /// <summary>
    /// The caller's cancellation, arriving while <paramref name="operation"/> was being retried: it says what the
    /// retries were failing on and carries that failure as its inner exception, so a caller's timeout on an
    /// unreachable server does not end in a bare "A task was canceled".
    /// </summary>
    public OperationCanceledException CancelledWhileRetrying(string operation, GrpcException last, int failures, long since,
        CancellationToken cancellationToken)
    {
        var elapsed = Clock.GetElapsedTime(since);
        return new OperationCanceledException(
            $"{operation} on the Spark Connect server at {reachability.Endpoint} was cancelled by the caller while retrying: it had failed {failures} time(s) in {elapsed.TotalSeconds:0.#} s, " +
            $"last with {last.StatusCode}: {last.Detail}", last, cancellationToken);
    }

    /// <summary>Waits the backoff of attempt <paramref name="attempt"/> (0-based) of the policy, with jitter.</summary>
    public Task BackoffAsync(int attempt, CancellationToken cancellationToken) => _delay(WithJitter(policy.BackoffFor(attempt)), cancellationToken);

    private TimeSpan WithJitter(TimeSpan wait) =>
        wait >= policy.MinJitterThreshold && policy.Jitter > TimeSpan.Zero
            ? wait + TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * policy.Jitter.TotalMilliseconds)
            : wait;

    // A hostile or buggy server must not park the client for days.
    private TimeSpan ClampDelay(TimeSpan requested) =>
        requested < TimeSpan.Zero ? TimeSpan.Zero : requested > policy.MaxBackoff ? policy.MaxBackoff : requested;
}
