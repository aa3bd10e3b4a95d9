using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Spark.Connect.Diagnostics;
using Spark.Connect.Transport;

namespace Spark.Connect;

/// <summary>
/// One ExecutePlan operation as the caller sees it: a single stream of responses, however many
/// gRPC streams it took. In reattachable mode a stream that ends without <c>result_complete</c> (the
/// server caps stream duration and size), breaks with a retryable error, or stays silent past the idle
/// limit is resumed with <c>ReattachExecute</c> from the last response id, so no response is lost or
/// repeated. Responses already handled are released on the server as we go, and the whole operation is
/// released at the end; a cancelled, failed or abandoned operation is interrupted and released in the
/// background, so the caller gets control back at once. One span, one log line at the end and one set of
/// measurements (<see cref="OperationTelemetry"/>) cover the whole operation.
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
    private OperationTelemetry? _telemetry;
    private ExecutionAttempt? _attempt;
    private string? _lastResponseId;
    private bool _complete;
    private int _retry;
    private long _failingSince;
    private int _fruitless;
    private GrpcException? _lastFailure;

    public string OperationId => request.OperationId;

    public async IAsyncEnumerable<ExecutePlanResponse> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var telemetry = _telemetry = client.Telemetry.StartExecution(request);
        var failed = false;
        try
        {
            _attempt = Open(reattach: false, cancellationToken);
            while (true)
            {
                ExecutePlanResponse? response;
                try
                {
                    response = await NextAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error)
                {
                    failed = true;
                    telemetry.Failed(error);
                    throw;
                }
                if (response is null) break;
                yield return response;
                if (reattachable && !_complete && _lastResponseId is not null) ReleaseUntil(_lastResponseId);
            }
        }
        finally
        {
            // A failure was recorded where it was thrown; otherwise the result ended or the caller stopped reading.
            if (!failed && _complete) telemetry.Succeeded();
            else if (!failed) telemetry.StoppedEarly();
            if (_attempt is not null) await _attempt.DisposeAsync().ConfigureAwait(false);
            if (_complete) await ReleaseAllAsync().ConfigureAwait(false);
            else client.RunInBackground(InterruptAndReleaseAsync);
        }
    }

    /// <summary>The next response of the operation, or null after its last; streams are reattached and retried here.</summary>
    private async Task<ExecutePlanResponse?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var attempt = _attempt!;
            try
            {
                if (!await attempt.MoveNextAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (!reattachable) _complete = true; // Without reattach the stream's end is the result's end.
                    if (_complete) return null;
                    _fruitless = attempt.Received == 0 ? _fruitless + 1 : 0;
                    await BeforeReattachAsync(attempt, _fruitless, cancellationToken).ConfigureAwait(false);
                    await Replace(reattach: true, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }
            catch (GrpcException error) when (!cancellationToken.IsCancellationRequested)
            {
                if (_retry == 0) _failingSince = Retrier.Clock.GetTimestamp();
                _lastFailure = error;
                await attempt.DisposeAsync().ConfigureAwait(false);
                _attempt = null;
                _attempt = await RecoverAsync(error, _retry++, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && _retry > 0 && _lastFailure is not null)
            {
                throw client.Retrier.CancelledWhileRetrying("ExecutePlan", _lastFailure, _retry, _failingSince, cancellationToken);
            }

            var response = attempt.Current;
            _retry = 0;
            _fruitless = 0;
            _lastFailure = null;
            client.Retrier.Reachability.MarkReached();
            client.Session.Observe(response.ServerSideSessionId);
            _telemetry!.Observe(response);
            if (!string.IsNullOrEmpty(response.ResponseId)) _lastResponseId = response.ResponseId;
            if (response.ResponseTypeCase == ExecutePlanResponse.ResponseTypeOneofCase.ResultComplete) _complete = true;
            return response;
        }
    }

    private async Task Replace(bool reattach, CancellationToken cancellationToken)
    {
        await _attempt!.DisposeAsync().ConfigureAwait(false);
        _attempt = null;
        _attempt = Open(reattach, cancellationToken);
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
    private async Task<ExecutionAttempt> RecoverAsync(GrpcException error, int retry, CancellationToken cancellationToken)
    {
        // Reattaching to an operation the server never saw: nothing was received, so simply start over.
        if (reattachable && _lastResponseId is null && IsOperationNotFound(error) && retry < client.Retrier.Policy.MaxRetries)
        {
            client.Retrier.Reachability.MarkReached();
            _logger.LogDebug("Operation {OperationId} is unknown to the server; sending ExecutePlan again.", OperationId);
            return Open(reattach: false, cancellationToken);
        }
        if (reattachable && await client.Retrier.WaitBeforeRetryAsync(error, retry, _failingSince, "ExecutePlan", cancellationToken).ConfigureAwait(false))
            return Open(reattach: true, cancellationToken);
        throw await client.ConvertErrorAsync(error, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsOperationNotFound(GrpcException error) =>
        error.Detail.Contains("INVALID_HANDLE.OPERATION_NOT_FOUND", StringComparison.Ordinal)
        || error.Detail.Contains("INVALID_HANDLE.SESSION_NOT_FOUND", StringComparison.Ordinal);

    private ExecutionAttempt Open(bool reattach, CancellationToken cancellationToken)
    {
        var transport = client.Transport;
        var idle = client.Options.ResponseIdleTimeout;
        var span = _telemetry?.Activity;
        if (!reattach)
            return new ExecutionAttempt("ExecutePlan",
                token => transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, request, client.Session.CallOptions, token), idle, span, cancellationToken);

        client.Telemetry.Reattached(span);
        var reattachRequest = client.Session.Stamp(new ReattachExecuteRequest { OperationId = OperationId });
        if (_lastResponseId is not null) reattachRequest.LastResponseId = _lastResponseId;
        return new ExecutionAttempt("ReattachExecute",
            token => transport.ServerStreamingCallAsync(SparkConnectMethods.ReattachExecute, reattachRequest, client.Session.CallOptions, token), idle, span, cancellationToken);
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
