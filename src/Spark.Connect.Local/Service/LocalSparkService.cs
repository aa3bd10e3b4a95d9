using System.Runtime.CompilerServices;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Results;
using Spark.Connect.Server;

namespace Spark.Connect.Local.Service;

/// <summary>The Spark Connect RPCs of the local engine; sessions, operations and errors live in small collaborators.</summary>
internal sealed class LocalSparkService : SparkConnectServiceBase, IDisposable
{
    private readonly SessionRegistry _sessions;
    private readonly DuckDbArrowConverter _converter;
    private readonly PlanAnalyzer _analyzer;
    private readonly Timer _idleSweep;

    internal LocalSparkService(DuckDbDatabase database, LocalSparkServerOptions options)
    {
        _sessions = new SessionRegistry(database, options);
        var idleTimeout = options.SessionIdleTimeout;
        var period = TimeSpan.FromTicks(Math.Clamp(idleTimeout.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));
        _idleSweep = new Timer(_ => _sessions.EndIdleSessions(DateTimeOffset.UtcNow, idleTimeout), null, period, period);
        _converter = new DuckDbArrowConverter(options.MaxRowsPerBatch, options.MaxBytesPerBatch);
        _analyzer = new PlanAnalyzer(_converter);
    }

    internal SessionRegistry Sessions => _sessions;

    public override IAsyncEnumerable<ExecutePlanResponse> ExecutePlanAsync(ExecutePlanRequest request, SparkConnectCallContext context)
    {
        var session = Resolve(request.UserContext, request.SessionId, request.ClientObservedServerSideSessionId);
        return Guard(session, Execute(session, request, context.CancellationToken), context.CancellationToken);
    }

    public override IAsyncEnumerable<ExecutePlanResponse> ReattachExecuteAsync(ReattachExecuteRequest request, SparkConnectCallContext context)
    {
        var session = Resolve(request.UserContext, request.SessionId, request.ClientObservedServerSideSessionId);
        return Guard(session, Reattach(session, request, context.CancellationToken), context.CancellationToken);
    }

    public override Task<AnalyzePlanResponse> AnalyzePlanAsync(AnalyzePlanRequest request, SparkConnectCallContext context)
    {
        var session = Resolve(request.UserContext, request.SessionId, request.ClientObservedServerSideSessionId);
        return GuardAsync(session, async () =>
        {
            var response = await _analyzer.AnalyzeAsync(session, request, context.CancellationToken).ConfigureAwait(false);
            response.SessionId = request.SessionId;
            response.ServerSideSessionId = session.ServerSideSessionId;
            return response;
        });
    }

    public override Task<ConfigResponse> ConfigAsync(ConfigRequest request, SparkConnectCallContext context)
    {
        var session = Resolve(request.UserContext, request.SessionId, request.ClientObservedServerSideSessionId);
        return GuardAsync(session, () =>
        {
            var response = session.Config.Apply(request.Operation ?? new ConfigRequest.Types.Operation());
            response.SessionId = request.SessionId;
            response.ServerSideSessionId = session.ServerSideSessionId;
            return Task.FromResult(response);
        });
    }

    public override Task<InterruptResponse> InterruptAsync(InterruptRequest request, SparkConnectCallContext context)
    {
        var session = Resolve(request.UserContext, request.SessionId, request.ClientObservedServerSideSessionId);
        return GuardAsync(session, () =>
        {
            Func<ExecuteOperation, bool> match = request.InterruptType switch
            {
                InterruptRequest.Types.InterruptType.All => _ => true,
                InterruptRequest.Types.InterruptType.Tag => o => o.Tags.Contains(request.OperationTag),
                InterruptRequest.Types.InterruptType.OperationId => o => o.OperationId == request.OperationId,
                _ => throw SparkErrors.Unsupported($"the interrupt type '{request.InterruptType}'"),
            };
            var response = new InterruptResponse { SessionId = request.SessionId, ServerSideSessionId = session.ServerSideSessionId };
            response.InterruptedIds.Add(session.Interrupt(match));
            return Task.FromResult(response);
        });
    }

    public override Task<ReleaseExecuteResponse> ReleaseExecuteAsync(ReleaseExecuteRequest request, SparkConnectCallContext context)
    {
        var session = Resolve(request.UserContext, request.SessionId, request.ClientObservedServerSideSessionId);
        return GuardAsync(session, async () =>
        {
            // Releasing an operation that is already gone is not an error: the client releases in the background.
            if (session.Operations.TryGetValue(request.OperationId, out var operation))
            {
                if (request.ReleaseCase == ReleaseExecuteRequest.ReleaseOneofCase.ReleaseUntil)
                    operation.ReleaseUntil(request.ReleaseUntil.ResponseId);
                else
                    await operation.ReleaseAllAsync().ConfigureAwait(false);
            }
            return new ReleaseExecuteResponse
            {
                SessionId = request.SessionId, ServerSideSessionId = session.ServerSideSessionId, OperationId = request.OperationId,
            };
        });
    }

    public override Task<ReleaseSessionResponse> ReleaseSessionAsync(ReleaseSessionRequest request, SparkConnectCallContext context)
    {
        var serverSide = Run(() => _sessions.Release(request.UserContext, request.SessionId, request.AllowReconnect));
        return Task.FromResult(new ReleaseSessionResponse { SessionId = request.SessionId, ServerSideSessionId = serverSide ?? string.Empty });
    }

    public override Task<FetchErrorDetailsResponse> FetchErrorDetailsAsync(FetchErrorDetailsRequest request, SparkConnectCallContext context)
    {
        var session = Resolve(request.UserContext, request.SessionId, request.ClientObservedServerSideSessionId);
        // An unknown id answers with no errors, as Spark does; the client then falls back to the status details.
        var response = session.Errors.Find(request.ErrorId) is { } error ? ErrorReporting.ToDetails(error) : new FetchErrorDetailsResponse();
        response.SessionId = request.SessionId;
        response.ServerSideSessionId = session.ServerSideSessionId;
        return Task.FromResult(response);
    }

    /// <summary>Stops every running operation of every session (server shutdown).</summary>
    internal void InterruptEverything()
    {
        foreach (var session in _sessions.All)
            foreach (var operation in session.Operations.Values)
                operation.Interrupt();
    }

    public void Dispose()
    {
        _idleSweep.Dispose();
        _sessions.Dispose();
    }

    private async IAsyncEnumerable<ExecutePlanResponse> Execute(LocalSession session, ExecutePlanRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var operationId = request.HasOperationId ? request.OperationId : Guid.NewGuid().ToString();
        if (!Guid.TryParse(operationId, out _))
            throw SparkErrors.InvalidHandleFormat("operation id", operationId);
        var reattachable = request.RequestOptions.Any(o => o.ReattachOptions is { Reattachable: true });
        var operation = session.StartOperation(operationId, request.Tags, reattachable, request.Plan ?? new Plan(), _converter);
        // Without reattach nobody can resume the results, so a vanished client ends the work.
        using var abandon = reattachable ? default : cancellationToken.Register(() => operation.Interrupt());
        try
        {
            await foreach (var response in operation.StreamAsync(0, cancellationToken).ConfigureAwait(false))
                yield return response;
        }
        finally
        {
            if (!reattachable)
                await operation.ReleaseAllAsync().ConfigureAwait(false);
        }
    }

    private static async IAsyncEnumerable<ExecutePlanResponse> Reattach(LocalSession session, ReattachExecuteRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var operation = session.FindReattachable(request.OperationId);
        var position = operation.ResumePosition(request.HasLastResponseId ? request.LastResponseId : null);
        await foreach (var response in operation.StreamAsync(position, cancellationToken).ConfigureAwait(false))
            yield return response;
    }

    private LocalSession Resolve(UserContext? user, string sessionId, string? observed) =>
        Run(() => _sessions.Resolve(user, sessionId, observed));

    // Errors before a session exists have nowhere to be stored for FetchErrorDetails, so they carry no error id.
    private static T Run<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (LocalEngineException error)
        {
            throw ErrorReporting.ToGrpc(error, errorId: null);
        }
    }

    private static async Task<T> GuardAsync<T>(LocalSession session, Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException and not Transport.GrpcException)
        {
            throw session.Errors.Report(SparkErrors.Classify(error));
        }
    }

    private static async IAsyncEnumerable<ExecutePlanResponse> Guard(LocalSession session, IAsyncEnumerable<ExecutePlanResponse> source,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var responses = source.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await responses.MoveNextAsync().ConfigureAwait(false))
                        yield break;
                }
                catch (Exception error) when (error is not OperationCanceledException and not Transport.GrpcException)
                {
                    throw session.Errors.Report(SparkErrors.Classify(error));
                }
                yield return responses.Current;
            }
        }
        finally
        {
            await responses.DisposeAsync().ConfigureAwait(false);
        }
    }
}
