using System.Runtime.CompilerServices;
using Grpc.Core;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Service;

/// <summary>
/// The Spark Connect RPCs of the local engine, on the generated service base that Grpc.AspNetCore hosts;
/// sessions, operations and errors live in small collaborators. Failures leave as <see cref="RpcException"/>
/// (a Spark error's status carries its <c>google.rpc.Status</c> in <c>grpc-status-details-bin</c>).
/// </summary>
internal sealed class LocalSparkService : SparkConnectService.SparkConnectServiceBase, IDisposable
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

    public override Task ExecutePlan(ExecutePlanRequest request, IServerStreamWriter<ExecutePlanResponse> responseStream, ServerCallContext context)
    {
        var session = Resolve(request.UserContext, request.SessionId, request.ClientObservedServerSideSessionId);
        return WriteAllAsync(Guard(session, Execute(session, request, context.CancellationToken), context.CancellationToken), responseStream, context);
    }

    public override Task ReattachExecute(ReattachExecuteRequest request, IServerStreamWriter<ExecutePlanResponse> responseStream, ServerCallContext context)
    {
        var session = Resolve(request.UserContext, request.SessionId, request.ClientObservedServerSideSessionId);
        return WriteAllAsync(Guard(session, Reattach(session, request, context.CancellationToken), context.CancellationToken), responseStream, context);
    }

    public override Task<AnalyzePlanResponse> AnalyzePlan(AnalyzePlanRequest request, ServerCallContext context)
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

    public override Task<ConfigResponse> Config(ConfigRequest request, ServerCallContext context)
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

    public override Task<InterruptResponse> Interrupt(InterruptRequest request, ServerCallContext context)
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

    public override Task<ReleaseExecuteResponse> ReleaseExecute(ReleaseExecuteRequest request, ServerCallContext context)
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

    public override Task<ReleaseSessionResponse> ReleaseSession(ReleaseSessionRequest request, ServerCallContext context)
    {
        var serverSide = Run(() => _sessions.Release(request.UserContext, request.SessionId, request.AllowReconnect));
        return Task.FromResult(new ReleaseSessionResponse { SessionId = request.SessionId, ServerSideSessionId = serverSide ?? string.Empty });
    }

    public override Task<FetchErrorDetailsResponse> FetchErrorDetails(FetchErrorDetailsRequest request, ServerCallContext context)
    {
        var session = Resolve(request.UserContext, request.SessionId, request.ClientObservedServerSideSessionId);
        // An unknown id answers with no errors, as Spark does; the client then falls back to the status details.
        var response = session.Errors.Find(request.ErrorId) is { } error ? ErrorReporting.ToDetails(error) : new FetchErrorDetailsResponse();
        response.SessionId = request.SessionId;
        response.ServerSideSessionId = session.ServerSideSessionId;
        return Task.FromResult(response);
    }

    // The generated base answers these with an empty Unimplemented; name what is missing instead.
    public override Task<AddArtifactsResponse> AddArtifacts(IAsyncStreamReader<AddArtifactsRequest> requestStream, ServerCallContext context) =>
        throw NotServed(context);

    public override Task<ArtifactStatusesResponse> ArtifactStatus(ArtifactStatusesRequest request, ServerCallContext context) => throw NotServed(context);

    public override Task<CloneSessionResponse> CloneSession(CloneSessionRequest request, ServerCallContext context) => throw NotServed(context);

    public override Task<GetStatusResponse> GetStatus(GetStatusRequest request, ServerCallContext context) => throw NotServed(context);

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

    private static RpcException NotServed(ServerCallContext context) =>
        new(new Status(StatusCode.Unimplemented, $"The local Spark server does not implement {context.Method.TrimStart('/')}."));

    // Each response is written and flushed before the next one is produced, so the engine runs ahead of the
    // client only as far as HTTP/2 flow control lets a write complete.
    private static async Task WriteAllAsync(IAsyncEnumerable<ExecutePlanResponse> responses, IServerStreamWriter<ExecutePlanResponse> stream,
        ServerCallContext context)
    {
        await foreach (var response in responses.WithCancellation(context.CancellationToken).ConfigureAwait(false))
            await stream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
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
        catch (Exception error) when (error is not OperationCanceledException and not RpcException)
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
                catch (Exception error) when (error is not OperationCanceledException and not RpcException)
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
