using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Spark.Connect.Transport;

namespace Spark.Connect;

/// <summary>
/// One ExecutePlan operation as the caller sees it: a single stream of responses, however many
/// gRPC streams it took. In reattachable mode a stream that ends without <c>result_complete</c> (the
/// server caps stream duration and size) or breaks with a retryable error is resumed with
/// <c>ReattachExecute</c> from the last response id, so no response is lost or repeated. Responses
/// already handled are released on the server as we go, and the whole operation is released at
/// the end; a cancelled or abandoned operation is interrupted on the server.
/// </summary>
internal sealed class ExecutionStream(SparkConnectClient client, ExecutePlanRequest request, bool reattachable)
{
    private readonly ILogger _logger = client.Logger;
    private Task _pendingRelease = Task.CompletedTask;

    public string OperationId => request.OperationId;

    public async IAsyncEnumerable<ExecutePlanResponse> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? lastResponseId = null;
        var complete = false;
        var retry = 0;
        var stream = Open(reattach: false, lastResponseId, cancellationToken);
        try
        {
            while (true)
            {
                ExecutePlanResponse response;
                try
                {
                    if (!await stream.MoveNextAsync().ConfigureAwait(false))
                    {
                        if (!reattachable) complete = true; // Without reattach the stream's end is the result's end.
                        if (complete) break;
                        // The server ended this stream early without finishing: normal for long results.
                        _logger.LogDebug("Stream of operation {OperationId} ended before result_complete; reattaching.", OperationId);
                        await stream.DisposeAsync().ConfigureAwait(false);
                        stream = Open(reattach: true, lastResponseId, cancellationToken);
                        continue;
                    }
                    response = stream.Current;
                }
                catch (GrpcException error) when (!cancellationToken.IsCancellationRequested)
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                    stream = await RecoverAsync(error, lastResponseId, retry++, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                retry = 0;
                client.Session.Observe(response.ServerSideSessionId);
                if (!string.IsNullOrEmpty(response.ResponseId)) lastResponseId = response.ResponseId;
                if (response.ResponseTypeCase == ExecutePlanResponse.ResponseTypeOneofCase.ResultComplete) complete = true;
                yield return response;
                if (reattachable && !complete && lastResponseId is not null) ReleaseUntil(lastResponseId);
            }
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            await FinishAsync(complete).ConfigureAwait(false);
        }
    }

    /// <summary>Chooses how to go on after a broken stream, or throws the error the caller should see.</summary>
    private async Task<IAsyncEnumerator<ExecutePlanResponse>> RecoverAsync(
        GrpcException error, string? lastResponseId, int retry, CancellationToken cancellationToken)
    {
        // Reattaching to an operation the server never saw: nothing was received, so simply start over.
        if (reattachable && lastResponseId is null && IsOperationNotFound(error) && retry < client.Retrier.Policy.MaxRetries)
        {
            _logger.LogDebug("Operation {OperationId} is unknown to the server; sending ExecutePlan again.", OperationId);
            return Open(reattach: false, null, cancellationToken);
        }
        if (reattachable && await client.Retrier.WaitBeforeRetryAsync(error, retry, "ExecutePlan", cancellationToken).ConfigureAwait(false))
            return Open(reattach: true, lastResponseId, cancellationToken);
        throw await client.ConvertErrorAsync(error, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsOperationNotFound(GrpcException error) =>
        error.Detail.Contains("INVALID_HANDLE.OPERATION_NOT_FOUND", StringComparison.Ordinal)
        || error.Detail.Contains("INVALID_HANDLE.SESSION_NOT_FOUND", StringComparison.Ordinal);

    private IAsyncEnumerator<ExecutePlanResponse> Open(bool reattach, string? lastResponseId, CancellationToken cancellationToken)
    {
        var transport = client.Transport;
        if (!reattach)
            return transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, request, client.Session.CallOptions, cancellationToken)
                .GetAsyncEnumerator(cancellationToken);

        var reattachRequest = client.Session.Stamp(new ReattachExecuteRequest { OperationId = OperationId });
        if (lastResponseId is not null) reattachRequest.LastResponseId = lastResponseId;
        return transport.ServerStreamingCallAsync(SparkConnectMethods.ReattachExecute, reattachRequest, client.Session.CallOptions, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
    }

    /// <summary>Lets the server drop what we have handled; at most one such call is in flight.</summary>
    private void ReleaseUntil(string responseId)
    {
        if (!_pendingRelease.IsCompleted) return; // The next response will release further anyway.
        var release = client.NewReleaseExecuteRequest(OperationId);
        release.ReleaseUntil = new ReleaseExecuteRequest.Types.ReleaseUntil { ResponseId = responseId };
        _pendingRelease = client.SendBestEffortAsync(SparkConnectMethods.ReleaseExecute, release, "ReleaseExecute(until)");
    }

    private async Task FinishAsync(bool complete)
    {
        await _pendingRelease.ConfigureAwait(false);
        if (!complete)
        {
            // Cancelled, failed or abandoned by the caller: stop the work on the server too.
            await client.SendBestEffortAsync(SparkConnectMethods.Interrupt, client.NewInterruptRequest(OperationId), "Interrupt").ConfigureAwait(false);
        }
        if (reattachable)
        {
            var release = client.NewReleaseExecuteRequest(OperationId);
            release.ReleaseAll = new ReleaseExecuteRequest.Types.ReleaseAll();
            await client.SendBestEffortAsync(SparkConnectMethods.ReleaseExecute, release, "ReleaseExecute(all)").ConfigureAwait(false);
        }
    }
}
