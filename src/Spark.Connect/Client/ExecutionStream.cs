using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Spark.Connect.Transport;

namespace Spark.Connect;

/// <summary>
/// One ExecutePlan operation as the caller sees it: a single stream of responses, however many
/// gRPC streams it took. In reattachable mode a stream that ends without <c>result_complete</c> (the
/// server caps stream duration and size), breaks with a retryable error, or stays silent past the idle
/// limit is resumed with <c>ReattachExecute</c> from the last response id, so no response is lost or
/// repeated. Responses already handled are released on the server as we go, and the whole operation is
/// released at the end; a cancelled, failed or abandoned operation is interrupted and released in the
/// background, so the caller gets control back at once.
/// </summary>
/// <remarks>
/// Bounds against broken or hostile servers: retries follow <see cref="RetryPolicy"/> (count and total time);
/// streams that end with nothing count against <see cref="SparkConnectClientOptions.MaxReattachesWithoutProgress"/>,
/// and those that end at once also wait the policy's backoff first.
/// </remarks>
internal sealed class ExecutionStream(SparkConnectClient client, ExecutePlanRequest request, bool reattachable)
{
    private const string ProgressSetting = "SparkConnectClientOptions.MaxReattachesWithoutProgress";

    // A stream that ends sooner than this with nothing is no server's duration cap (Spark's is minutes): back off.
    private static readonly TimeSpan QuickEnd = TimeSpan.FromSeconds(1);

    private readonly ILogger _logger = client.Logger;
    private Task _pendingRelease = Task.CompletedTask;

    public string OperationId => request.OperationId;

    public async IAsyncEnumerable<ExecutePlanResponse> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? lastResponseId = null;
        var complete = false;
        var retry = 0;
        var failingSince = 0L;
        var fruitless = 0;
        var attempt = Open(reattach: false, lastResponseId, cancellationToken);
        try
        {
            while (true)
            {
                ExecutePlanResponse response;
                try
                {
                    if (!await attempt.MoveNextAsync(cancellationToken).ConfigureAwait(false))
                    {
                        if (!reattachable) complete = true; // Without reattach the stream's end is the result's end.
                        if (complete) break;
                        fruitless = attempt.Received == 0 ? fruitless + 1 : 0;
                        await BeforeReattachAsync(attempt, fruitless, cancellationToken).ConfigureAwait(false);
                        await attempt.DisposeAsync().ConfigureAwait(false);
                        attempt = Open(reattach: true, lastResponseId, cancellationToken);
                        continue;
                    }
                    response = attempt.Current;
                }
                catch (GrpcException error) when (!cancellationToken.IsCancellationRequested)
                {
                    if (retry == 0) failingSince = Retrier.Clock.GetTimestamp();
                    await attempt.DisposeAsync().ConfigureAwait(false);
                    attempt = await RecoverAsync(error, lastResponseId, retry++, failingSince, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                retry = 0;
                fruitless = 0;
                client.Session.Observe(response.ServerSideSessionId);
                if (!string.IsNullOrEmpty(response.ResponseId)) lastResponseId = response.ResponseId;
                if (response.ResponseTypeCase == ExecutePlanResponse.ResponseTypeOneofCase.ResultComplete) complete = true;
                yield return response;
                if (reattachable && !complete && lastResponseId is not null) ReleaseUntil(lastResponseId);
            }
        }
        finally
        {
            await attempt.DisposeAsync().ConfigureAwait(false);
            if (complete) await ReleaseAllAsync().ConfigureAwait(false);
            else client.RunInBackground(InterruptAndReleaseAsync);
        }
    }

    /// <summary>
    /// A stream ended early. After one that brought responses the server only capped it: reattach at once. One that brought
    /// nothing counts against the limit, and if it also ended at once, waits the retry backoff first.
    /// </summary>
    private async Task BeforeReattachAsync(ExecutionAttempt ended, int fruitless, CancellationToken cancellationToken)
    {
        _logger.LogDebug("{Rpc} stream of operation {OperationId} ended before result_complete after {Count} responses; reattaching.",
            ended.Rpc, OperationId, ended.Received);
        if (fruitless == 0) return;
        var limit = client.Options.MaxReattachesWithoutProgress;
        if (fruitless > limit)
        {
            throw new SparkConnectLimitException(GrpcStatusCode.Internal,
                $"The server ended {fruitless} streams of operation {OperationId} in a row without a response or result_complete " +
                $"(the last was {ended.Rpc}); giving up after SparkConnectClientOptions.MaxReattachesWithoutProgress ({limit}) reattaches.",
                ProgressSetting);
        }
        if (ended.Age < QuickEnd) await client.Retrier.BackoffAsync(fruitless - 1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Chooses how to go on after a broken stream, or throws the error the caller should see.</summary>
    private async Task<ExecutionAttempt> RecoverAsync(
        GrpcException error, string? lastResponseId, int retry, long failingSince, CancellationToken cancellationToken)
    {
        // Reattaching to an operation the server never saw: nothing was received, so simply start over.
        if (reattachable && lastResponseId is null && IsOperationNotFound(error) && retry < client.Retrier.Policy.MaxRetries)
        {
            _logger.LogDebug("Operation {OperationId} is unknown to the server; sending ExecutePlan again.", OperationId);
            return Open(reattach: false, null, cancellationToken);
        }
        if (reattachable && await client.Retrier.WaitBeforeRetryAsync(error, retry, failingSince, "ExecutePlan", cancellationToken).ConfigureAwait(false))
            return Open(reattach: true, lastResponseId, cancellationToken);
        throw await client.ConvertErrorAsync(error, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsOperationNotFound(GrpcException error) =>
        error.Detail.Contains("INVALID_HANDLE.OPERATION_NOT_FOUND", StringComparison.Ordinal)
        || error.Detail.Contains("INVALID_HANDLE.SESSION_NOT_FOUND", StringComparison.Ordinal);

    private ExecutionAttempt Open(bool reattach, string? lastResponseId, CancellationToken cancellationToken)
    {
        var transport = client.Transport;
        var idle = client.Options.ResponseIdleTimeout;
        if (!reattach)
            return new ExecutionAttempt("ExecutePlan",
                token => transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, request, client.Session.CallOptions, token), idle, cancellationToken);

        var reattachRequest = client.Session.Stamp(new ReattachExecuteRequest { OperationId = OperationId });
        if (lastResponseId is not null) reattachRequest.LastResponseId = lastResponseId;
        return new ExecutionAttempt("ReattachExecute",
            token => transport.ServerStreamingCallAsync(SparkConnectMethods.ReattachExecute, reattachRequest, client.Session.CallOptions, token), idle, cancellationToken);
    }

    /// <summary>Lets the server drop what we have handled; at most one such call is in flight.</summary>
    private void ReleaseUntil(string responseId)
    {
        if (!_pendingRelease.IsCompleted) return; // The next response will release further anyway.
        var release = client.NewReleaseExecuteRequest(OperationId);
        release.ReleaseUntil = new ReleaseExecuteRequest.Types.ReleaseUntil { ResponseId = responseId };
        _pendingRelease = client.SendBestEffortAsync(SparkConnectMethods.ReleaseExecute, release, "ReleaseExecute(until)");
    }

    private async Task ReleaseAllAsync()
    {
        await _pendingRelease.ConfigureAwait(false);
        if (!reattachable) return;
        var release = client.NewReleaseExecuteRequest(OperationId);
        release.ReleaseAll = new ReleaseExecuteRequest.Types.ReleaseAll();
        await client.SendBestEffortAsync(SparkConnectMethods.ReleaseExecute, release, "ReleaseExecute(all)").ConfigureAwait(false);
    }

    /// <summary>Cancelled, failed or abandoned by the caller: stop the work on the server too (each call bounded in time).</summary>
    private async Task InterruptAndReleaseAsync()
    {
        await client.SendBestEffortAsync(SparkConnectMethods.Interrupt, client.NewInterruptRequest(OperationId), "Interrupt").ConfigureAwait(false);
        await ReleaseAllAsync().ConfigureAwait(false);
    }
}
